import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { cardActionActivity, channelMessageActivity, messageActivity, type TeamsUser } from '../helpers/activities.ts';
import { databaseEnv, type DatabaseEnv } from '../helpers/databases.ts';
import { FakeConnector, type ConnectorCall } from '../helpers/fake-connector.ts';
import { exampleEmail } from '../helpers/members.ts';
import { post, spawnBot, waitFor, type ChildBot } from './child-bot.ts';

/**
 * kill -9 at several points of a fan-out, a round close and a meeting's digest, against
 * PostgreSQL, with the bot as a real child process. After each restart the work finishes once: no
 * card lost, none queued twice, a round closed once with its effects recorded once, a digest
 * posted to the channel once and each member's items sent once.
 */
describe('the bot killed mid-work on postgres', () => {
  let target: DatabaseEnv;
  let connector: FakeConnector;
  let db: Database;
  let bot: ChildBot;
  let minutesLater = 0;
  let startsAt = '2022-10-20T09:00:00Z';
  const users = new Map<string, TeamsUser>();

  const start = async () => {
    // Each restart happens "a few minutes later", so leases held by the killed process have run out.
    const asOf = new Date(Date.parse(startsAt) + minutesLater++ * 3 * 60_000).toISOString();
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

  it('posts a meeting digest once, to the channel and to each member, whenever the process dies', async () => {
    const clerk = users.get('Steve Wood')!;
    const CHANNEL = '19:channel@thread.tacv2';
    // The board met on 27 October: the bot comes back that afternoon, and the clerk registers the channel.
    await bot.kill();
    startsAt = '2022-10-27T12:00:00Z';
    await start();
    await post(bot.url, channelMessageActivity('post digests here', { serviceUrl: connector.url, from: clerk }));
    const meeting = await db.prisma.meeting.findFirstOrThrow({ where: { startsAt: { gte: new Date('2022-10-27T00:00:00Z'), lt: new Date('2022-10-28T00:00:00Z') } } });
    const ours = { dedupeKey: { startsWith: `digest:${meeting.id}:` } };

    // The connector holds (never answers) what the current phase says, so a kill finds it on the wire.
    const summary = (c: ConnectorCall) => String(c.activity?.summary ?? '');
    const isDigest = (c: ConnectorCall) => c.method === 'POST' && summary(c).startsWith('Digest of the meeting');
    const isItems = (c: ConnectorCall) => c.method === 'POST' && summary(c).startsWith('Your items after the meeting');
    let phase: 'hold-all' | 'hold-channel-and-one-item' | 'open' = 'hold-all';
    let itemsSeen = 0;
    const decided = new WeakMap<ConnectorCall, boolean>();
    const hold = (c: ConnectorCall) => {
      if (!decided.has(c)) {
        const item = isItems(c) ? ++itemsSeen : 0;
        decided.set(c, phase === 'hold-all' ? isDigest(c) || isItems(c) : phase === 'hold-channel-and-one-item' && (isDigest(c) || item === 2));
      }
      return decided.get(c)!;
    };
    connector.failTimes(40, { status: 0, hang: true, match: hold });
    const onWire = (test: (c: ConnectorCall) => boolean, since: number) => connector.calls.slice(since).filter((c) => test(c) && c.status === undefined).length;
    const state = async () => ({
      meeting: (await db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { status: true } })).status,
      digests: await db.prisma.digest.count({ where: { meetingId: meeting.id } }),
      audits: await db.prisma.auditEntry.count({ where: { action: 'digest.posted', entityId: meeting.id } }),
      queued: await db.prisma.outboxMessage.count({ where: ours }),
      sent: await db.prisma.outboxMessage.count({ where: { ...ours, status: 'SENT' } }),
      channelDelivered: connector.delivered.filter(isDigest).length,
      itemsDelivered: connector.delivered.filter(isItems).length,
    });
    const kill = async (point: string) => {
      await bot.kill();
      connector.releaseHung();
      const s = await state();
      console.log(`digest killed ${point}: ${JSON.stringify(s)}`);
      return s;
    };

    // 1. Mid-turn: killed the moment the meeting is marked held (the digest's own transaction follows).
    const markHeld = messageActivity('mark the 27 October meeting held', { serviceUrl: connector.url, from: clerk });
    const first = post(bot.url, markHeld).catch(() => undefined);
    await waitFor('the meeting marked held', async () => (await db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status, (s) => s === 'HELD', 60_000, 5);
    const k1 = await kill('as the meeting was marked held');
    await first;
    // All of the digest or none of it: the Digest row, its audit entry and its outbox messages.
    expect([k1.audits, k1.queued > 0]).toEqual([k1.digests, k1.digests === 1]);
    expect(k1.channelDelivered + k1.itemsDelivered).toBe(0);
    await start();

    // 2. Teams resends the unanswered message (same activity id): the dead turn's claim is taken
    // over, and the process is killed as soon as the digest is recorded, before anything is delivered.
    const resend = post(bot.url, markHeld).catch(() => undefined);
    await waitFor('the digest recorded', () => db.prisma.digest.count({ where: { meetingId: meeting.id } }), (n) => n === 1, 60_000, 5);
    const k2 = await kill('once the digest was recorded');
    await resend;
    expect(k2).toMatchObject({ meeting: 'HELD', digests: 1, audits: 1, sent: 0, channelDelivered: 0, itemsDelivered: 0 });
    const items = await db.prisma.outboxMessage.count({ where: { ...ours, kind: 'digest.items' } });
    expect(k2.queued).toBe(1 + items);
    expect(items).toBeGreaterThan(0);

    // 3. During delivery: the channel post on the wire, the members' items part-way.
    phase = 'hold-channel-and-one-item';
    itemsSeen = 0;
    const since = connector.calls.length;
    await start();
    // "Delivered" means Teams answered and the outbox recorded it: a kill between the two is the
    // one window Bot Framework offers no idempotency key for (a send answered but not yet recorded).
    const recorded = () => db.prisma.outboxMessage.count({ where: { ...ours, kind: 'digest.items', status: 'SENT' } });
    const progress = async () => ({ channel: onWire(isDigest, since), delivered: connector.delivered.filter(isItems).length, held: onWire(isItems, since), recorded: await recorded() });
    const partWay = (p: { channel: number; delivered: number; held: number; recorded: number }) =>
      p.channel >= 1 && p.recorded === p.delivered && (items < 2 ? p.delivered === items : p.delivered === items - 1 && p.held >= 1);
    await waitFor('the channel post on the wire and the items part-way', progress, partWay, 90_000);
    const k3 = await kill('with the channel post on the wire and the items part-way');
    expect(k3.channelDelivered).toBe(0);

    // After the last restart everything goes out, once.
    phase = 'open';
    await start();
    await waitFor('the digest delivered', () => db.prisma.outboxMessage.count({ where: { ...ours, status: { not: 'SENT' } } }), (n) => n === 0, 120_000);
    const end = await state();
    console.log(`digest after the last restart: ${JSON.stringify(end)}`);
    expect(end).toMatchObject({ digests: 1, audits: 1, queued: 1 + items, sent: 1 + items, channelDelivered: 1 });
    expect(connector.delivered.filter(isDigest).map((c) => c.conversationId)).toEqual([CHANNEL]);
    const perMember = new Map<string, number>();
    for (const c of connector.delivered.filter(isItems)) perMember.set(c.conversationId!, (perMember.get(c.conversationId!) ?? 0) + 1);
    expect(perMember.size).toBe(items);
    expect([...perMember.values()].every((n) => n === 1)).toBe(true);
  }, 300_000);
});
