import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../helpers/activities.ts';
import { startTestBot, type TestBot } from '../helpers/bot-harness.ts';
import { adminQuery, BACKENDS } from '../helpers/databases.ts';

const stranger = { id: '29:stranger', name: 'Pat Stranger', aadObjectId: 'aad-stranger' };

describe.each(BACKENDS)('the bot server on %s', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot(backend, { seed: 'none', env: { ALLOWED_TENANT_IDS: '00000000-0000-4000-8000-00000000b401' } });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers health and readiness probes', async () => {
    const health = await fetch(`${t.bot.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'up' });
    const ready = await fetch(`${t.bot.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: backend });
  });

  it('replies to a Teams message through the real adapter and connector', async () => {
    const { status, sent } = await t.post(messageActivity('help', t.options(stranger)));
    expect(status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('Try:');
    expect(sent[0]!.conversation.id).toBe('a:personal-aad-stranger');
  });

  it('drops activities from tenants it does not serve, running no handler', async () => {
    const { sent } = await t.post(messageActivity('help', t.options(stranger, { tenantId: 'another-tenant' })));
    expect(sent).toEqual([]);
  });

  it.runIf(backend === 'postgres')('reports a lost database on /readyz and recovers when it returns', async () => {
    const name = new URL(t.bot.ctx.config.DATABASE_URL!).pathname.slice(1);
    await adminQuery(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
    try {
      const ready = await fetch(`${t.bot.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'database unreachable', database: 'postgres' });
      expect((await fetch(`${t.bot.url}/healthz`)).status).toBe(200);
    } finally {
      await adminQuery(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    }
    const again = await fetch(`${t.bot.url}/readyz`);
    expect(again.status).toBe(200);
  });
});

describe.each(BACKENDS)('exactly once on %s', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot(backend, { seed: 'none' });
  });
  afterAll(async () => t.stop());

  it('handles a message Teams delivers twice only once, even concurrently', async () => {
    const activity = messageActivity('help', t.options(stranger));
    // Counted once after both: each post's own `sent` may include the other's reply.
    const since = t.connector.calls.length;
    const [a, b] = await Promise.all([t.post(activity), t.post(activity)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(t.connector.sentActivities(since)).toHaveLength(1);
    const again = await t.post(activity);
    expect(again.sent).toEqual([]);
    expect(again.status).toBe(200);
  });
});
