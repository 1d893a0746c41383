import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const error = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected the settings to be refused');
};

describe('settings', () => {
  it('defaults to local mode on the embedded database', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3978, DATA_DIR: './.data', SEED: 'example', localMode: true, backend: 'pglite' });
    expect(c.serviceUrlHosts).toContain('127.0.0.1');
    expect(c.serviceUrlHosts).toContain('smba.trafficmanager.net');
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/d' }).backend).toBe('postgres');
  });

  it('names the setting and what it expects', () => {
    expect(error({ PORT: 'abc' })).toMatch(/PORT must be an integer port between 0 and 65535 \(got "abc"\)/);
    expect(error({ SEED: 'all' })).toMatch(/SEED must be "example" or "none"/);
    expect(error({ AS_OF: 'last tuesday' })).toMatch(/AS_OF must be an ISO date-time/);
    expect(error({ DATABASE_URL: 'mysql://x' })).toMatch(/DATABASE_URL must be a postgres:\/\//);
    expect(error({ LOG_LEVEL: 'loud' })).toMatch(/LOG_LEVEL must be one of/);
  });

  it('never echoes secrets back', () => {
    expect(error({ LINK_SIGNING_SECRET: 'short' })).not.toContain('short"');
  });

  it('refuses data/ as the embedded database folder', () => {
    expect(error({ DATA_DIR: 'data' })).toMatch(/DATA_DIR must be a folder other than data\//);
  });

  it('refuses production without an app id', () => {
    expect(error({ NODE_ENV: 'production' })).toMatch(/MicrosoftAppId must be an app id/);
  });

  it('requires tenants and a secret once an app id is set', () => {
    const message = error({ MicrosoftAppId: 'app' });
    expect(message).toMatch(/ALLOWED_TENANT_IDS/);
    expect(message).toMatch(/MicrosoftAppPassword/);
    const c = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'p', ALLOWED_TENANT_IDS: 't1, t2' });
    expect(c).toMatchObject({ localMode: false, ALLOWED_TENANT_IDS: ['t1', 't2'] });
    expect(c.serviceUrlHosts).not.toContain('127.0.0.1');
  });
});
