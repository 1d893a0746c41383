import { createHash } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { quarterLabel, type Quarter } from '../../time/financial-year.ts';
import { REPORT_KIND } from './delivery.schemas.ts';
import { enqueue } from './outbox.service.ts';

interface Undelivered {
  id: string;
  partnershipId: string;
  personId: string | null;
  status: string;
  lastError: string | null;
  roundId: string | null;
}

/**
 * Tells the officer who could not be reached: one 1:1 message per round (to whoever opened it)
 * once that round has nothing left in flight, or per partnership to its officers for messages of
 * no round. Several workers may run this at once: the report's dedupe key and the per-message
 * "reported" markers, written in one transaction, make it happen once.
 */
export async function reportUndelivered(prisma: PrismaClient, now: Date): Promise<number> {
  const rows = await prisma.$queryRaw<Undelivered[]>`
    SELECT o.id, o."partnershipId", o."personId", o.status::text AS status, o."lastError",
      COALESCE(o.payload->>'roundId', s."roundId") AS "roundId"
    FROM "OutboxMessage" o LEFT JOIN "SentCard" s ON s.id = o.payload->>'sentCardId'
    WHERE o.status IN ('DEAD', 'NEEDS_INSTALL', 'FAILED') AND o.kind <> ${REPORT_KIND}
      AND NOT EXISTS (SELECT 1 FROM "DeliveryState" d WHERE d.key = 'reported:' || o.id)`;
  if (rows.length === 0) return 0;
  const groups = new Map<string, Undelivered[]>();
  for (const row of rows) {
    const key = row.roundId ? `round:${row.roundId}` : `partnership:${row.partnershipId}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  let reports = 0;
  for (const [key, group] of groups) {
    if (await inFlight(prisma, group[0]!)) continue;
    reports += await report(prisma, key, group, now);
  }
  return reports;
}

/** Whether the batch the message belongs to (its round, or the partnership's other notices) is still going. */
async function inFlight(prisma: PrismaClient, message: Undelivered): Promise<boolean> {
  const [row] = await prisma.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM "OutboxMessage" o LEFT JOIN "SentCard" s ON s.id = o.payload->>'sentCardId'
    WHERE o.status IN ('PENDING', 'SENDING') AND o."partnershipId" = ${message.partnershipId} AND o.kind <> ${REPORT_KIND}
      AND COALESCE(o.payload->>'roundId', s."roundId", '') = ${message.roundId ?? ''}`;
  return (row?.n ?? 0) > 0;
}

async function report(prisma: PrismaClient, key: string, group: Undelivered[], now: Date): Promise<number> {
  const partnershipId = group[0]!.partnershipId;
  const roundId = group[0]!.roundId;
  const round = roundId ? await prisma.round.findUnique({ where: { id: roundId }, include: { period: true } }) : null;
  const officers = round?.openedById
    ? [round.openedById]
    : (await prisma.person.findMany({ where: { partnershipId, membership: 'MEMBER' }, select: { id: true, roles: true } })).filter((p) => p.roles.includes('OFFICER')).map((p) => p.id);
  const text = await reportText(prisma, group, round);
  const digest = createHash('sha256').update(group.map((g) => g.id).sort().join(',')).digest('hex').slice(0, 16);
  return prisma.$transaction(async (tx) => {
    await tx.deliveryState.createMany({ data: group.map((g) => ({ key: `reported:${g.id}`, until: now, updatedAt: now })), skipDuplicates: true });
    return enqueue(
      tx,
      officers.map((personId) => ({
        partnershipId,
        dedupeKey: `${REPORT_KIND}:${key}:${digest}:${personId}`,
        kind: REPORT_KIND,
        personId,
        payload: { activity: { type: 'message' as const, textFormat: 'markdown' as const, text } },
      })),
      now,
    );
  });
}

async function reportText(prisma: PrismaClient, group: Undelivered[], round: { period: { fiscalYear: number; quarter: number } } | null): Promise<string> {
  const ids = [...new Set(group.flatMap((g) => (g.personId ? [g.personId] : [])))];
  const people = await prisma.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const name = new Map(people.map((p) => [p.id, p.name]));
  const lines = new Map<string, string>();
  for (const g of group) {
    const who = (g.personId && name.get(g.personId)) ?? 'a conversation';
    const why =
      g.status === 'NEEDS_INSTALL'
        ? 'the Partnership Board app is not installed for them (or they blocked it): please ask them to add it in Teams'
        : g.status === 'DEAD'
          ? 'Teams kept failing, so I stopped trying'
          : 'Teams refused the message';
    lines.set(`${who}|${why}`, `- ${who}: ${why}`);
  }
  const what = round
    ? `the ${quarterLabel({ fiscalYear: round.period.fiscalYear, quarter: round.period.quarter as Quarter['quarter'] })} round`
    : 'partnership notices';
  return [`I could not deliver ${group.length} message${group.length === 1 ? '' : 's'} for ${what}:`, ...[...lines.values()].sort()].join('\n\n');
}
