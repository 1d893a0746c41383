import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { quarterLabel, type Quarter } from '../../time/financial-year.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.service.ts';
import { decide } from '../policy/policy.ts';
import { roundSlot } from './round-answer-store.ts';
import type { RoundCardRecord } from './round-cards.service.ts';

export interface CloseOutcome {
  kind: 'closed' | 'already';
  periodLabel: string;
  notProvided: number;
  snapshots: number;
}

/**
 * Closes a round: locks it, records "not provided" (the papers' words) for every part nobody
 * answered, and freezes a snapshot of every commitment as reported for the period. Closing twice
 * closes once.
 */
export async function closeRound(ctx: Pick<AppContext, 'db' | 'clock'>, who: Actor | undefined, roundId: string, sourceActivityId?: string): Promise<CloseOutcome> {
  const verdict = decide(who, 'round.close');
  if (!verdict.allowed) throw new DomainError('round.forbidden', verdict.reason, 403);
  const actor = who!;
  const now = ctx.clock.now();
  return ctx.db.prisma.$transaction(
    async (tx) => {
      const round = await tx.round.findFirst({ where: { id: roundId, partnershipId: actor.partnershipId }, include: { period: true } });
      if (!round) throw new DomainError('round.not_found', 'I cannot find that round.');
      const q = { fiscalYear: round.period.fiscalYear, quarter: round.period.quarter as Quarter['quarter'] };
      const periodLabel = quarterLabel(q);
      const claimed = await tx.round.updateMany({ where: { id: roundId, status: 'OPEN' }, data: { status: 'CLOSED', closedAt: now } });
      if (claimed.count === 0) return { kind: 'already' as const, periodLabel, notProvided: 0, snapshots: 0 };
      const notProvided = await recordNotProvided(tx, round, `Q${q.quarter} Updates not provided`, now);
      const snapshots = await takeSnapshots(tx, round.id, round.periodId, now);
      await tx.sentCard.updateMany({ where: { roundId, closedAt: null }, data: { closedAt: now } });
      await audit(tx, { partnershipId: actor.partnershipId, actorId: actor.personId, action: 'round.closed', entity: 'Round', entityId: roundId, entityRef: periodLabel, sourceActivityId, after: { notProvided, snapshots }, at: now });
      return { kind: 'closed' as const, periodLabel, notProvided, snapshots };
    },
    { timeout: 120_000 },
  );
}

async function recordNotProvided(tx: Prisma.TransactionClient, round: { id: string; periodId: string }, text: string, now: Date): Promise<number> {
  const cards = await tx.sentCard.findMany({ where: { roundId: round.id, kind: 'round.update' }, select: { data: true } });
  const asked = new Map<string, { commitmentId: string; serviceId: string }>();
  for (const card of cards)
    for (const item of (card.data as unknown as RoundCardRecord).items) asked.set(`${item.commitmentId}|${item.serviceId}`, item);
  const answered = await tx.narrative.findMany({
    where: { periodId: round.periodId, supersededAt: null, slot: { endsWith: ':round' } },
    select: { commitmentId: true, serviceId: true },
  });
  for (const a of answered) asked.delete(`${a.commitmentId}|${a.serviceId}`);
  const missing = [...asked.values()];
  await tx.narrative.createMany({
    data: missing.map((m) => ({
      commitmentId: m.commitmentId, periodId: round.periodId, serviceId: m.serviceId, slot: roundSlot(m.serviceId), seq: 100,
      kind: 'NOT_PROVIDED' as const, text, source: 'ROUND_CLOSE' as const, roundId: round.id, recordedAt: now,
    })),
  });
  return missing.length;
}

async function takeSnapshots(tx: Prisma.TransactionClient, roundId: string, periodId: string, now: Date): Promise<number> {
  const round = await tx.round.findUniqueOrThrow({ where: { id: roundId }, include: { assignments: true } });
  const ids = [...new Set(round.assignments.flatMap((a) => a.commitmentIds))];
  const commitments = await tx.commitment.findMany({
    where: { id: { in: ids } },
    select: {
      id: true, ref: true, text: true,
      ragRatings: { where: { periodId, supersededAt: null }, select: { words: true, status: true, version: true } },
      narratives: { where: { periodId, supersededAt: null }, orderBy: { seq: 'asc' }, select: { kind: true, label: true, text: true, boardOnly: true, supportNeeded: true, late: true, service: { select: { name: true } } } },
    },
  });
  await tx.roundSnapshot.createMany({
    data: commitments.map((c) => ({
      roundId, commitmentId: c.id, takenAt: now,
      data: { ref: c.ref, text: c.text, rag: c.ragRatings[0] ?? null, narratives: c.narratives.map((n) => ({ ...n, service: n.service?.name ?? null })) },
    })),
    skipDuplicates: true,
  });
  return commitments.length;
}
