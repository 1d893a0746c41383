import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';

const b64url = (value: object | Buffer) => (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

/**
 * A stand-in for Bot Framework's token issuer: an OpenID metadata document and a JWKS served on
 * loopback, and real RS256 tokens signed with its key, so the bot's real validation runs.
 */
export class ChannelTokenIssuer {
  private readonly key: KeyObject;
  private readonly publicJwk: Record<string, unknown>;
  private server?: Server;
  readonly kid = 'test-signing-key';
  metadataUrl = '';

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.key = createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }));
    this.publicJwk = { ...publicKey.export({ format: 'jwk' }), kid: this.kid, kty: 'RSA', use: 'sig', endorsements: ['msteams'] };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/keys') return res.end(JSON.stringify({ keys: [this.publicJwk] }));
      res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.metadataUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/openidconfiguration`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  /** A channel token; override claims or the signing key to make a bad one. */
  token(claims: Record<string, unknown>, options: { key?: KeyObject; kid?: string } = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: options.kid ?? this.kid };
    const payload = { iss: 'https://api.botframework.com', nbf: now - 60, exp: now + 3600, ...claims };
    const unsigned = `${b64url(header)}.${b64url(payload)}`;
    return `${unsigned}.${b64url(sign('RSA-SHA256', Buffer.from(unsigned), options.key ?? this.key))}`;
  }
}

export function otherSigningKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

/**
 * Outbound credentials that attach a fixed bearer token, so replies reach the fake connector
 * without asking Entra for a token (there is no network here). What the bot validates inbound
 * is untouched.
 */
export function staticOutboundCredentials(appId: string, token = 'outbound-test-token'): ServiceClientCredentialsFactory {
  return {
    isValidAppId: async (id: string) => id === appId,
    isAuthenticationDisabled: async () => false,
    createCredentials: async () => ({
      signRequest: async (request: { headers: { set(name: string, value: string): void } }) => {
        request.headers.set('authorization', `Bearer ${token}`);
        return request;
      },
    }),
  } as unknown as ServiceClientCredentialsFactory;
}
