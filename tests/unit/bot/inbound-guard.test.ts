import { describe, expect, it } from 'vitest';
import { checkInbound } from '../../../src/bot/inbound-guard.ts';
import { hostAllowed, loadConfig } from '../../../src/config.ts';

const activity = (over: Record<string, any> = {}) =>
  ({
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    conversation: { id: 'c', tenantId: 't1' },
    channelData: { tenant: { id: 't1' } },
    ...over,
  }) as any;

const production = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'p', ALLOWED_TENANT_IDS: 't1' });
const local = loadConfig({});

describe('inbound guard', () => {
  it('lets an allowed Teams activity through', () => {
    expect(checkInbound(activity(), production)).toEqual({ ok: true });
  });

  it('drops other tenants, disagreeing tenant fields, other channels and unknown service hosts', () => {
    expect(checkInbound(activity({ conversation: { id: 'c', tenantId: 't2' }, channelData: { tenant: { id: 't2' } } }), production)).toMatchObject({ reason: 'tenant_not_allowed' });
    expect(checkInbound(activity({ conversation: { id: 'c', tenantId: 't2' } }), production)).toMatchObject({ reason: 'tenant_mismatch' });
    expect(checkInbound(activity({ channelId: 'webchat' }), production)).toMatchObject({ reason: 'channel' });
    expect(checkInbound(activity({ serviceUrl: 'https://evil.example.com/' }), production)).toMatchObject({ reason: 'service_url_host' });
    expect(checkInbound(activity({ serviceUrl: 'http://127.0.0.1:5000/' }), production)).toMatchObject({ reason: 'service_url_host' });
  });

  it('in local mode accepts any tenant and loopback connectors', () => {
    expect(checkInbound(activity({ serviceUrl: 'http://127.0.0.1:56150/_connector', channelId: 'emulator' }), local)).toEqual({ ok: true });
  });

  it('matches wildcard hosts on subdomains only', () => {
    expect(hostAllowed('europe.smba.trafficmanager.net', ['*.smba.trafficmanager.net'])).toBe(true);
    expect(hostAllowed('evilsmba.trafficmanager.net', ['*.smba.trafficmanager.net'])).toBe(false);
  });
});
