// Fan-out against Teams' limits: a round to 1,000 synthetic members, each with a personal
// conversation at a fake connector that enforces 50 requests/s per tenant and 7/s per
// conversation and answers 429 with Retry-After beyond them. The bot is the real one, as a child
// process; the round is opened and confirmed by the officer through HTTP, as in Teams.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { BOT_ID, TENANT_ID } from '../../tests/helpers/activities.ts';
import { FakeConnector } from '../../tests/helpers/fake-connector.ts';
import { openDatabase } from '../../src/db/database.ts';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import type { BenchDatabase } from './bench-databases.ts';
import { spawnChild } from './processes.ts';
import { openRound, say, target } from './turns.ts';

export const TEAMS_LIMITS = { perTenant: 50, perConversation: 7 };
const PRIORITY = 9;

export interface FanOutResult {
  members: number;
  delivered: number;
  /** First to last card delivered at the connector. */
  seconds: number;
  ratePerSecond: number;
  limitPerSecond: number;
  rateRatio: number;
  throttled429: number;
  /** Time spent in gaps of over half a second between two cards (pauses after a 429, batch ends). */
  stalledSeconds: number;
  /** The rate over the time that was not stalled: what the sending itself achieves. */
  ratePerSecondUnstalled: number;
  duplicates: number;
  losses: number;
  outbox: Record<string, number>;
}

/** 1,000 members, each answering for their own service, which owns one commitment of Priority 9. */
export async function seedFanOut(prisma: PrismaClient, serviceUrl: string, members: number): Promise<void> {
  const partnership = await prisma.partnership.findFirstOrThrow({ select: { id: true } });
  const strategy = await prisma.strategy.findFirstOrThrow({ where: { partnershipId: partnership.id }, select: { id: true } });
  const priority = await prisma.priority.create({ data: { strategyId: strategy.id, number: PRIORITY, title: 'Fan-out priority, synthetic (benchmark)' } });
  const section = await prisma.section.create({ data: { priorityId: priority.id, number: 1, title: 'Fan-out section, synthetic (benchmark)' } });
  const n = Array.from({ length: members }, (_, i) => String(i + 1).padStart(4, '0'));
  const people = n.map((k) => ({ id: crypto.randomUUID(), partnershipId: partnership.id, name: `Member ${k} (benchmark)`, email: `member.${k}@bench.example.org`, aadObjectId: `aad-bench-${k}`, teamsUserId: `29:bench-${k}` }));
  const services = n.map((k) => ({ id: crypto.randomUUID(), partnershipId: partnership.id, name: `Service ${k} (benchmark)` }));
  const commitments = n.map((k, i) => ({ id: crypto.randomUUID(), partnershipId: partnership.id, sectionId: section.id, ref: `${PRIORITY}.1.${i + 1}`, item: i + 1, text: `Commitment ${k}, synthetic (benchmark)` }));
  await prisma.person.createMany({ data: people });
  await prisma.service.createMany({ data: services });
  await prisma.serviceAnswerer.createMany({ data: services.map((s, i) => ({ serviceId: s.id, personId: people[i]!.id })) });
  await prisma.commitment.createMany({ data: commitments });
  await prisma.commitmentOwner.createMany({ data: commitments.map((c, i) => ({ commitmentId: c.id, serviceId: services[i]!.id, isLead: true })) });
  await prisma.conversationRef.createMany({
    data: people.map((p, i) => {
      const conversation = { id: `a:bench-${n[i]}`, conversationType: 'personal', tenantId: TENANT_ID };
      const reference = { conversation, serviceUrl, channelId: 'msteams', bot: { id: BOT_ID, name: 'Partnership Board' }, user: { id: p.teamsUserId, name: p.name, aadObjectId: p.aadObjectId } };
      return { partnershipId: partnership.id, conversationId: conversation.id, kind: 'PERSONAL' as const, personId: p.id, tenantId: TENANT_ID, serviceUrl, reference };
    }),
  });
}

/** Opens the round through the bot and waits until every card is in or nothing moves for 30 s. */
export async function runFanOut(db: BenchDatabase, env: Record<string, string>, members = 1_000): Promise<FanOutResult> {
  const connector = await new FakeConnector().start();
  connector.enforceLimits({ ...TEAMS_LIMITS, retryAfterSeconds: 1 });
  const seeded = await openDatabase({ databaseUrl: db.url, dataDir: db.env.DATA_DIR!, purpose: 'benchmark' });
  await seedFanOut(seeded.prisma, connector.url, members).finally(() => seeded.close());
  const arrivals = timeArrivals(connector);
  const child = await spawnChild('bot (fan-out)', 'src/index.ts', { ...db.env, ...env });
  try {
    const t = target('fan-out', child.url, connector);
    await say(t, t.officer, 'hello');
    await openRound(t, PRIORITY);
    const confirmed = performance.now();
    while (arrivals.times.length < members && performance.now() - Math.max(confirmed, arrivals.times.at(-1) ?? 0) < 30_000) await sleep(200);
    const outbox = await outboxStatus(db);
    return result(connector, arrivals.times, members, outbox);
  } finally {
    await child.stop();
    await connector.stop();
  }
}

/**
 * When each card to a benchmark member was accepted. The connector records deliveries in an
 * array without times, so its push is wrapped to note the moment.
 */
function timeArrivals(connector: FakeConnector): { times: number[] } {
  const times: number[] = [];
  const push = connector.delivered.push.bind(connector.delivered);
  connector.delivered.push = (...items) => {
    for (const item of items) if (item.conversationId?.startsWith('a:bench-')) times.push(performance.now());
    return push(...items);
  };
  return { times };
}

async function outboxStatus(db: BenchDatabase): Promise<Record<string, number>> {
  const opened = await openDatabase({ databaseUrl: db.url, dataDir: db.env.DATA_DIR!, purpose: 'benchmark' });
  try {
    const rows = await opened.prisma.outboxMessage.groupBy({ by: ['status'], _count: { _all: true }, where: { conversation: { conversationId: { startsWith: 'a:bench-' } } } });
    const byPerson = await opened.prisma.outboxMessage.groupBy({ by: ['status'], _count: { _all: true }, where: { person: { email: { endsWith: '@bench.example.org' } } } });
    return Object.fromEntries((rows.length ? rows : byPerson).map((r) => [r.status, r._count._all]));
  } finally {
    await opened.close();
  }
}

function result(connector: FakeConnector, times: number[], members: number, outbox: Record<string, number>): FanOutResult {
  const perConversation = new Map<string, number>();
  for (const c of connector.delivered) if (c.conversationId?.startsWith('a:bench-')) perConversation.set(c.conversationId, (perConversation.get(c.conversationId) ?? 0) + 1);
  const duplicates = [...perConversation.values()].reduce((sum, k) => sum + Math.max(0, k - 1), 0);
  const seconds = times.length > 1 ? (times.at(-1)! - times[0]!) / 1000 : Number.NaN;
  const ratePerSecond = Math.round(((times.length - 1) / seconds) * 10) / 10;
  const gaps = times.slice(1).map((t, i) => t - times[i]!).filter((g) => g > 500);
  const stalledSeconds = gaps.reduce((sum, g) => sum + g, 0) / 1000;
  return {
    members,
    delivered: times.length,
    seconds: Math.round(seconds * 10) / 10,
    ratePerSecond,
    limitPerSecond: TEAMS_LIMITS.perTenant,
    rateRatio: Math.round((ratePerSecond / TEAMS_LIMITS.perTenant) * 100) / 100,
    throttled429: connector.rejectedForRate,
    stalledSeconds: Math.round(stalledSeconds * 10) / 10,
    ratePerSecondUnstalled: Math.round(((times.length - 1) / (seconds - stalledSeconds)) * 10) / 10,
    duplicates,
    losses: members - perConversation.size,
    outbox,
  };
}
