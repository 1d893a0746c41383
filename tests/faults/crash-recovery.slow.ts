import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { cardActionActivity, messageActivity, type TeamsUser } from '../helpers/activities.ts';
import { databaseEnv, type DatabaseEnv } from '../helpers/databases.ts';
import { FakeConnector } from '../helpers/fake-connector.ts';
import { exampleEmail } from '../helpers/members.ts';
import { post, spawnBot, waitFor, type ChildBot } from './child-bot.ts';

/**
 * kill -9 at several points of a fan-out and a round close, against PostgreSQL, with the bot as a
 * real child process. After each restart the work finishes once: no card lost, none queued twice,
 * a round closed once with its effects recorded once.
 */
describe('the bot killed mid-work on postgres', () => {
  let target: DatabaseEnv;
  let connector: FakeConnector;
  let db: Database;
  let bot: ChildBot;
  let minutesLater = 0;
  const users = new Map<string, TeamsUser>();

  const start = async () => {
    // Each restart happens "a few minutes later", so leases held by the killed process have run out.
    const asOf = new Date(Date.parse('2022-10-20T09:00:00Z') + minutesLater++ * 3 * 60_000).toISOString();
    bot = await spawnBot({ ...target.env, SEED: 'example', AS_OF: asOf, TEAMS_RATE_PER_TENANT: '4', TEAMS_RATE_PER_CONVERSATION: '2' });
  };
  const user = (name: string): TeamsUser => {
    const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
    const u = { id: `29:${slug}`, name, aadObjectId: `aad-${slug}` };
    connector.members.set(u.id, { ...u, email: exampleEmail(name), userPrincipalName: exampleEmail(name) });
    users.set(name, u);
    return u;
  };
  const say = (u: TeamsUser, text: string) => post(bot.url, messageActivity(text, { serviceUrl: connector.url, from: u }));
  const cardDeliveries = () => connector.delivered.filter((c) => JSON.stringify(c.activity ?? {}).includes('"round.submit"'));

  beforeAll(async () => {
    target = await databaseEnv('postgres');
    connector = await new FakeConnector().start();
    await start();
    db = await openDatabase({ databaseUrl: target.env.DATABASE_URL, dataDir: target.env.DATA_DIR });
    const members = await db.prisma.person.findMany({ where: { membership: 'MEMBER' }, select: { name: true } });
    for (const m of members) await say(user(m.name), 'hello');
  }, 180_000);
  afterAll(async () => {
    await bot?.kill();
    await db?.close();
    await connector?.stop();
    await target?.dispose();
  });

  it('finishes a fan-out killed part-way, sending every card and queuing none twice', async () => {
    const officer = users.get('Sarah Newman')!;
    const preview = (await say(officer, 'open the Q3 round for all priorities, due 12 January')).body;
    expect(preview).toBeUndefined(); // replies go through the connector
    const card = connector.sentActivities().reverse().find((a) => JSON.stringify(a).includes('round.confirmOpen'))!;
    const confirm = (card.attachments[0].content.actions as Array<{ verb: string; data: unknown; title: string }>).find((a) => a.verb === 'round.confirmOpen')!;
    const { body } = await post(bot.url, cardActionActivity(confirm.verb, confirm.data, { serviceUrl: connector.url, from: officer }));
    expect(JSON.stringify(body)).toMatch(/Sent \d+ cards/);
    const expected = await db.prisma.sentCard.count({ where: { kind: 'round.update' } });
    expect(expected).toBeGreaterThan(12);

    let inFlightAtKills = 0;
    for (const after of [3, 8]) {
      await waitFor(`${after} cards delivered`, async () => cardDeliveries().length, (n) => n >= after, 60_000);
      await bot.kill();
      inFlightAtKills += await db.prisma.outboxMessage.count({ where: { status: 'SENDING' } });
      expect(cardDeliveries().length).toBeLessThan(expected);
      await start();
    }
    await waitFor('the outbox to drain', () => db.prisma.outboxMessage.count({ where: { status: { not: 'SENT' } } }), (n) => n === 0, 120_000);
    const rows = await db.prisma.outboxMessage.findMany({ where: { kind: { startsWith: 'round' } }, select: { payload: true } });
    const cardIds = (await db.prisma.sentCard.findMany({ where: { kind: 'round.update' }, select: { id: true } })).map((c) => c.id);
    const queued = rows.map((r) => (r.payload as { sentCardId?: string }).sentCardId).filter(Boolean);
    expect(queued.sort()).toEqual([...cardIds].sort());
    const delivered = cardDeliveries().map((c) => /"sentCardId":"([0-9a-f-]{36})"/.exec(JSON.stringify(c.activity))![1]!);
    expect(new Set(delivered)).toEqual(new Set(cardIds));
    // Only a card that was on the wire when the process died can arrive twice (at-least-once).
    expect(delivered.length - cardIds.length).toBeLessThanOrEqual(inFlightAtKills);
  }, 300_000);

  it('closes a round once, whenever the process dies during the close', async () => {
    const officer = users.get('Sarah Newman')!;
    for (const delayMs of [20, 200]) {
      const request = say(officer, 'close the round').catch(() => undefined);
      await new Promise((r) => setTimeout(r, delayMs));
      await bot.kill();
      await request;
      await start();
      const round = await db.prisma.round.findFirstOrThrow({ where: { period: { quarter: 3 } } });
      const closedAudits = await db.prisma.auditEntry.count({ where: { action: 'round.closed' } });
      const snapshots = await db.prisma.roundSnapshot.count({ where: { roundId: round.id } });
      // All of the close or none of it.
      if (round.status === 'CLOSED') expect([closedAudits, snapshots > 0]).toEqual([1, true]);
      else expect([round.status, closedAudits, snapshots]).toEqual(['OPEN', 0, 0]);
    }
    await say(officer, 'close the round');
    const round = await db.prisma.round.findFirstOrThrow({ where: { period: { quarter: 3 } } });
    expect(round.status).toBe('CLOSED');
    expect(await db.prisma.auditEntry.count({ where: { action: 'round.closed' } })).toBe(1);
    const notProvided = await db.prisma.narrative.groupBy({ by: ['commitmentId', 'slot'], where: { roundId: round.id, supersededAt: null }, _count: true });
    expect(notProvided.length).toBeGreaterThan(0);
    expect(notProvided.every((g) => g._count === 1)).toBe(true);
    const snapshots = await db.prisma.roundSnapshot.groupBy({ by: ['commitmentId'], where: { roundId: round.id }, _count: true });
    expect(snapshots.every((g) => g._count === 1)).toBe(true);
  }, 300_000);
});
