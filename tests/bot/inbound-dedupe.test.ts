import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEDUPE_TIMING, KEY_RETENTION_MS } from '../../src/bot/inbound-dedupe.ts';
import { messageActivity } from '../helpers/activities.ts';
import { startTestBot, type TestBot } from '../helpers/bot-harness.ts';
import { adminQuery, BACKENDS } from '../helpers/databases.ts';
import { waitFor } from '../faults/child-bot.ts';

const stranger = { id: '29:dedupe-stranger', name: 'Pat Stranger', aadObjectId: 'aad-dedupe-stranger' };
const PERSONAL = `a:personal-${stranger.aadObjectId}`;

/**
 * A message's key means "done" only once its turn completed: a delivery that failed mid-turn, or
 * whose process died, does not make Teams' resend a duplicate; a completed one does.
 */
describe.each(BACKENDS)('inbound dedupe on %s', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot(backend, { seed: 'none' });
  });
  afterAll(async () => t.stop());

  const help = () => messageActivity('help', t.options(stranger));
  /** The help answers that reached the stranger since a point in the connector's log. */
  const answered = (since: number) => t.connector.delivered.slice(since).filter((c) => c.conversationId === PERSONAL && /Try:/.test(c.activity?.text ?? '')).length;
  const claimOf = (a: Record<string, any>) => t.bot.ctx.db.prisma.processedActivity.findUnique({ where: { key: `${a.conversation.id}|${a.id}` } });
  /** A completed turn's key is marked done while its response goes back, so the test waits for it. */
  const doneClaim = (a: Record<string, any>) => vi.waitFor(async () => expect(await claimOf(a)).toMatchObject({ claimedUntil: null }), { timeout: 5_000 });

  it('drops a duplicate of a completed turn, and marks the key done only after the turn', async () => {
    const activity = help();
    const since = t.connector.delivered.length;
    await t.post(activity);
    await doneClaim(activity);
    const again = await t.post(activity);
    expect([again.status, again.sent]).toEqual([200, []]);
    expect(answered(since)).toBe(1);
  });

  it('handles concurrent duplicates once', async () => {
    const activity = help();
    const since = t.connector.delivered.length;
    const results = await Promise.all([t.post(activity), t.post(activity), t.post(activity)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(answered(since)).toBe(1);
    await doneClaim(activity);
  });

  it('handles the resend of a message whose first delivery failed mid-turn', async () => {
    const activity = help();
    const since = t.connector.delivered.length;
    // The reply fails (the handler throws), and so does the boundary's apology.
    t.connector.failTimes(2, { status: 403, match: (c) => c.conversationId === PERSONAL });
    await t.post(activity);
    expect(answered(since)).toBe(0);
    expect(await claimOf(activity)).toBeNull();
    await t.post(activity);
    expect(answered(since)).toBe(1);
    await doneClaim(activity);
  });

  it('takes over the claim of a delivery that died once its lease runs out, not before', async () => {
    const activity = help();
    const since = t.connector.delivered.length;
    // What a process killed 15 s ago (when Teams resends) leaves: a claim never completed,
    // released or renewed since, its lease not yet run out.
    const claimedAt = t.clock.now().getTime() - 15_000;
    await t.bot.ctx.db.prisma.processedActivity.create({ data: { key: `${activity.conversation.id}|${activity.id}`, processedAt: new Date(claimedAt), claimedUntil: new Date(claimedAt + DEDUPE_TIMING.leaseMs) } });
    let settled = false;
    const resend = t.post(activity).finally(() => (settled = true));
    await sleep(1_000);
    expect(settled).toBe(false); // the lease is live but its holder is quiet: the resend waits
    t.clock.advance(DEDUPE_TIMING.leaseMs - 15_000 + 1);
    await resend;
    expect(answered(since)).toBe(1);
    await doneClaim(activity);

    // A claim already expired when the resend arrives is taken over at once.
    const later = help();
    const at = t.clock.now();
    await t.bot.ctx.db.prisma.processedActivity.create({ data: { key: `${later.conversation.id}|${later.id}`, processedAt: at, claimedUntil: new Date(at.getTime() - 1) } });
    await t.post(later);
    expect(answered(since)).toBe(2);
  });

  it('forgets keys older than a week, at most hourly, but never a first contact', async () => {
    const prisma = t.bot.ctx.db.prisma;
    t.clock.advance(3_600_000 + 1);
    const ago = (ms: number) => new Date(t.clock.now().getTime() - ms);
    await prisma.processedActivity.createMany({
      data: [
        { key: 'old|done', processedAt: ago(KEY_RETENTION_MS + 60_000), claimedUntil: null },
        { key: 'old|abandoned', processedAt: ago(KEY_RETENTION_MS + 60_000), claimedUntil: ago(KEY_RETENTION_MS) },
        { key: 'welcome|old-install', processedAt: ago(KEY_RETENTION_MS * 10), claimedUntil: null },
        { key: 'recent|done', processedAt: ago(KEY_RETENTION_MS - 60_000), claimedUntil: null },
      ],
    });
    await t.post(help());
    const left = async () => (await prisma.processedActivity.findMany({ where: { key: { in: ['old|done', 'old|abandoned', 'welcome|old-install', 'recent|done'] } }, select: { key: true } })).map((r) => r.key).sort();
    await waitFor('the old keys purged', left, (keys) => keys.length === 2, 10_000, 50);
    expect(await left()).toEqual(['recent|done', 'welcome|old-install']);
  });

  it.runIf(backend === 'postgres')('answers without waiting for the key to be marked done, which follows as the response goes back', async () => {
    const activity = help();
    const since = t.connector.delivered.length;
    const key = `${activity.conversation.id}|${activity.id}`;
    // The reply takes a second, long enough to lock the claim's row from outside before the turn ends.
    t.connector.fail({ status: 200, delayMs: 1_000, match: (c) => c.conversationId === PERSONAL && !!c.activity });
    const turn = t.post(activity);
    await waitFor('the claim', () => claimOf(activity), (row) => row !== null, 5_000, 20);
    const locker = new pg.Client({ connectionString: t.bot.ctx.config.DATABASE_URL });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM "ProcessedActivity" WHERE key = $1 FOR UPDATE', [key]);
      const answer = await turn;
      expect(answer.status).toBe(200);
      expect(answered(since)).toBe(1);
      expect(await claimOf(activity)).toMatchObject({ claimedUntil: expect.any(Date) });
    } finally {
      await locker.query('COMMIT');
      await locker.end();
    }
    await doneClaim(activity);
  });

  it.runIf(backend === 'postgres')('reads who is acting, the stored conversation and the vocabulary stamp while the key is being claimed, not after it', async () => {
    const url = t.bot.ctx.config.DATABASE_URL!;
    const [locker, watcher] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all([locker.connect(), watcher.connect()]);
    const since = t.connector.delivered.length;
    try {
      // The claim's INSERT waits behind this lock for as long as the test holds it.
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE "ProcessedActivity" IN EXCLUSIVE MODE');
      const lockedAt = (await watcher.query<{ at: Date }>('SELECT clock_timestamp() AS at')).rows[0]!.at;
      const turn = t.post(help());
      const others = async () =>
        (await watcher.query<{ query: string; state: string; wait: string | null }>(
          `SELECT query, state, wait_event_type AS wait FROM pg_stat_activity
           WHERE datname = current_database() AND pid NOT IN (pg_backend_pid(), $1) AND state_change > $2`,
          [(locker as unknown as { processID: number }).processID, lockedAt],
        )).rows;
      const done = (rows: Array<{ query: string; state: string }>, text: string) => rows.some((r) => r.state === 'idle' && r.query.includes(text));
      const seen = await waitFor('the claim waiting and the three reads done', others, (rows) =>
        rows.some((r) => r.wait === 'Lock' && r.query.includes('"ProcessedActivity"')) &&
        done(rows, 'FROM "public"."Person"') && done(rows, '"ConversationRef"') && done(rows, 'md5('), 5_000, 20);
      expect(seen.length).toBeGreaterThanOrEqual(4);
      expect(answered(since)).toBe(0);
      await locker.query('COMMIT');
      expect((await turn).status).toBe(200);
      expect(answered(since)).toBe(1);
    } finally {
      await locker.query('ROLLBACK').catch(() => {});
      await Promise.all([locker.end(), watcher.end()]);
    }
  });

  it.runIf(backend === 'postgres')('handles a resend after the database was lost mid-turn', async () => {
    const name = new URL(t.bot.ctx.config.DATABASE_URL!).pathname.slice(1);
    const activity = help();
    const since = t.connector.delivered.length;
    // The reply hangs while the database goes away; then it, its retries and the apology fail.
    let failing = true;
    t.connector.fail({ status: 0, hang: true, match: (c) => c.conversationId === PERSONAL && !!c.activity });
    t.connector.failTimes(6, { status: 403, match: (c) => failing && c.conversationId === PERSONAL });
    const first = t.post(activity);
    await waitFor('the reply to be on the wire', async () => t.connector.calls.filter((c) => c.conversationId === PERSONAL && c.activity && c.status === undefined).length, (n) => n > 0, 10_000);
    expect(await claimOf(activity)).toMatchObject({ claimedUntil: expect.any(Date) });
    await adminQuery(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    try {
      await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
      t.connector.releaseHung(); // the turn fails, and its claim cannot be released
      await first;
      failing = false;
    } finally {
      await adminQuery(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    }
    expect(answered(since)).toBe(0);
    expect(await claimOf(activity)).toMatchObject({ claimedUntil: expect.any(Date) });
    // Teams resends ~15 s later; it waits for the stranded claim to run out, then handles it.
    t.clock.advance(15_000);
    let settled = false;
    const resend = t.post(activity).finally(() => (settled = true));
    await sleep(1_000);
    expect(settled).toBe(false);
    t.clock.advance(DEDUPE_TIMING.leaseMs - 15_000);
    await resend;
    expect(answered(since)).toBe(1);
    await doneClaim(activity);
  });
});
