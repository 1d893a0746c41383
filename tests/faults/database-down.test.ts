import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../../src/bot/turn-errors.ts';
import { isDatabaseUnavailable } from '../../src/db/unavailable.ts';
import { cardActionActivity, messageActivity, type TeamsUser } from '../helpers/activities.ts';
import { startTestBot, type TestBot } from '../helpers/bot-harness.ts';
import { adminQuery, BACKENDS } from '../helpers/databases.ts';
import { cardsSentTo, cardText, executeActions, teamsUser } from '../helpers/members.ts';

/** Runs SQL on the bot's own database (not the admin one). */
async function onBotDatabase(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Kills the connection that writes the RAG, after the narrative is already written in the same transaction. */
const DIE_MID_TRANSACTION = `
  CREATE FUNCTION fault_die() RETURNS trigger AS $$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END $$ LANGUAGE plpgsql;
  CREATE TRIGGER fault_die BEFORE INSERT ON "RagRating" FOR EACH ROW EXECUTE FUNCTION fault_die();`;

describe.runIf(BACKENDS.includes('postgres'))('the database lost mid-turn on postgres', () => {
  let t: TestBot;
  let rob: TeamsUser;
  let submit: Record<string, string>;
  let url: string, name: string;

  beforeAll(async () => {
    t = await startTestBot('postgres', { asOf: '2022-10-20T09:00:00Z' });
    url = t.bot.ctx.config.DATABASE_URL!;
    name = new URL(url).pathname.slice(1);
    const officer = teamsUser(t, 'Sarah Newman');
    rob = teamsUser(t, 'Rob Vale');
    for (const u of [officer, rob]) await t.post(messageActivity('hello', t.options(u)));
    const preview = (await t.post(messageActivity('open the Q3 round for priority 4, due 12 January', t.options(officer)))).sent[0]!.attachments[0].content;
    const confirm = executeActions(preview).find((a) => a.title === 'Send the cards')!;
    const since = t.connector.calls.length;
    await t.post(cardActionActivity(confirm.verb, confirm.data, t.options(officer)));
    await t.bot.ctx.outbox.drain();
    const card = cardsSentTo(t, rob, since)[0]!;
    const ref = [...JSON.stringify(card).matchAll(/"id":"rag-([\d.]+)"/g)][0]![1]!;
    submit = { sentCardId: executeActions(card)[0]!.data.sentCardId, [`mode-${ref}`]: 'update', [`rag-${ref}`]: 'Amber', [`narrative-${ref}`]: 'Two cases are still open.' };
  });
  afterAll(async () => {
    await adminQuery(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => {});
    await t.stop();
  });

  it('says "not saved", writes nothing, keeps the card answerable, reports on /readyz and recovers by itself', async () => {
    const prisma = t.bot.ctx.db.prisma;
    const before = await Promise.all([prisma.narrative.count(), prisma.ragRating.count(), prisma.auditEntry.count()]);
    await onBotDatabase(url, DIE_MID_TRANSACTION);
    await adminQuery(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    try {
      const { body } = await t.post(cardActionActivity('round.submit', submit, t.options(rob)));
      // A message, not a replacement card: the partner's card stays as it was, ready to submit again.
      expect(body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: DATABASE_UNAVAILABLE_MESSAGE });
      await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
      const chat = await t.post(messageActivity('what do I still owe?', t.options(rob)));
      expect(chat.sent.map((s) => s.text)).toEqual([DATABASE_UNAVAILABLE_MESSAGE]);
      const ready = await fetch(`${t.bot.url}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([503, { status: 'database unreachable', database: 'postgres' }]);
    } finally {
      await adminQuery(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    }
    await onBotDatabase(url, 'DROP TRIGGER fault_die ON "RagRating"; DROP FUNCTION fault_die()');
    expect((await fetch(`${t.bot.url}/readyz`)).status).toBe(200);
    expect(await Promise.all([prisma.narrative.count(), prisma.ragRating.count(), prisma.auditEntry.count()])).toEqual(before);
    const again = await t.post(cardActionActivity('round.submit', submit, t.options(rob)));
    expect(cardText(again.body.value)).toContain('Recorded: Q3 2022/23 update for Rob Vale');
    expect(await prisma.narrative.count()).toBe(before[0] + 1);
  });
});

describe('recognising a lost database', () => {
  it.each([
    // PGlite runs inside the bot's process: it cannot go away on its own, only be closed by it.
    ['a closed embedded database', new Error('PGlite is closed')],
    ['a refused socket', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a FATAL from the server', { code: 'P2039', meta: { driverAdapterError: { cause: { kind: 'postgres', code: '57P01', severity: 'FATAL' } } } }],
    ['a database not accepting connections', { code: 'P2039', meta: { driverAdapterError: { cause: { kind: 'postgres', code: '55000', severity: 'FATAL' } } } }],
    ['an unreachable server', { code: 'P1001', message: "Can't reach database server" }],
    ['a closed connection', { name: 'DriverAdapterError', cause: { kind: 'ConnectionClosed' } }],
  ])('recognises %s', (_name, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['a unique violation', { code: 'P2002' }],
    ['a statement error', { code: 'P2039', meta: { driverAdapterError: { cause: { kind: 'postgres', code: '42601', severity: 'ERROR' } } } }],
    ['a refusal', new Error('Only the partnership officers can do that.')],
  ])('does not mistake %s for it', (_name, error) => expect(isDatabaseUnavailable(error)).toBe(false));
});
