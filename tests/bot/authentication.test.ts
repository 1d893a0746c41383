import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, TENANT_ID } from '../helpers/activities.ts';
import { startTestBot, type TestBot } from '../helpers/bot-harness.ts';
import { ChannelTokenIssuer, otherSigningKey, staticOutboundCredentials } from '../helpers/channel-tokens.ts';
import { teamsUser } from '../helpers/members.ts';

const APP_ID = '6f1c2b7e-3a9d-4e55-9c1a-2b7d8e0f1a23';

// Authentication does not depend on the database backend: PGlite is enough here.
describe('authenticated requests (an app id is set)', () => {
  let issuer: ChannelTokenIssuer;
  let t: TestBot;
  beforeAll(async () => {
    issuer = await new ChannelTokenIssuer().start();
    t = await startTestBot('pglite', {
      seed: 'none',
      credentials: staticOutboundCredentials(APP_ID),
      env: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'not-used-outbound-credentials-are-faked',
        ALLOWED_TENANT_IDS: TENANT_ID,
        ALLOWED_SERVICE_URL_HOSTS: '127.0.0.1',
        ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl,
      },
    });
  });
  afterAll(async () => {
    await t.stop();
    await issuer.stop();
  });

  const send = async (token: string | undefined) => {
    const user = teamsUser(t, 'Pat Stranger', 'pat@example.org');
    const activity = messageActivity('help', t.options(user));
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    return t.post(activity, headers);
  };
  const good = () => ({ aud: APP_ID, serviceurl: t.connector.url });

  it('accepts a valid channel token, runs the handler, and replies with a token to the allowed host', async () => {
    const { status, sent } = await send(issuer.token(good()));
    expect(status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(t.connector.calls.at(-1)!.authorization).toBe('Bearer outbound-test-token');
  });

  it.each([
    ['no token', () => undefined],
    ['an expired token', () => issuer.token({ ...good(), exp: Math.floor(Date.now() / 1000) - 600, nbf: Math.floor(Date.now() / 1000) - 7200 })],
    ['the wrong audience', () => issuer.token({ ...good(), aud: 'someone-else' })],
    ['the wrong issuer', () => issuer.token({ ...good(), iss: 'https://evil.example.com' })],
    ['an unknown signing key', () => issuer.token(good(), { key: otherSigningKey(), kid: 'unknown-key' })],
    ['a forged signature under the known key id', () => issuer.token(good(), { key: otherSigningKey() })],
    ['a service URL claim that does not match', () => issuer.token({ ...good(), serviceurl: 'https://smba.trafficmanager.net/uk/' })],
  ])('answers 401 to %s and runs no handler', async (_name, token) => {
    const { status, sent } = await send(token());
    expect(status).toBe(401);
    expect(sent).toEqual([]);
  });
});
