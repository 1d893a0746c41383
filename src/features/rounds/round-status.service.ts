import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import type { RagStatus } from '../../generated/prisma/client.ts';
import { quarterLabel, type Quarter } from '../../time/financial-year.ts';
import type { Actor } from '../identity/identity.service.ts';
import { decide } from '../policy/policy.ts';
import { STATUS_ORDER } from './rag-status.ts';
import { compareRefs } from './round-plan.service.ts';

export interface RoundStatus {
  roundId: string;
  periodLabel: string;
  due: string;
  status: string;
  returned: number;
  outstanding: number;
  byPartner: Array<{ name: string; returned: boolean; commitments: number }>;
  byPriority: Array<{ number: number; answered: number; total: number }>;
  ragCounts: Array<{ status: RagStatus; count: number }>;
}

type Ctx = Pick<AppContext, 'db'>;

/** Who has returned and who has not, by partner and by priority, with RAG counts so far. */
export async function roundStatus(ctx: Ctx, who: Actor | undefined): Promise<RoundStatus> {
  const verdict = decide(who, 'round.status');
  if (!verdict.allowed) throw new DomainError('round.forbidden', verdict.reason, 403);
  const { prisma } = ctx.db;
  const round = await prisma.round.findFirst({
    where: { partnershipId: who!.partnershipId, status: { in: ['OPEN', 'CLOSED'] } },
    orderBy: [{ openedAt: 'desc' }],
    include: { period: true, assignments: { include: { person: { select: { name: true } } } } },
  });
  if (!round) throw new DomainError('round.none', 'No reporting round has been opened yet. Officers can say "open the Q3 round for priorities 1 and 4, due 12 January".');
  const ids = [...new Set(round.assignments.flatMap((a) => a.commitmentIds))];
  const [commitments, answered, ratings] = await Promise.all([
    prisma.commitment.findMany({ where: { id: { in: ids } }, select: { id: true, ref: true } }),
    prisma.narrative.findMany({ where: { periodId: round.periodId, supersededAt: null, roundId: round.id, kind: { not: 'NOT_PROVIDED' } }, select: { commitmentId: true } }),
    prisma.ragRating.findMany({ where: { periodId: round.periodId, supersededAt: null, commitmentId: { in: ids } }, select: { status: true } }),
  ]);
  const done = new Set(answered.map((a) => a.commitmentId));
  const byPriority = new Map<number, { number: number; answered: number; total: number }>();
  for (const c of commitments.sort((a, b) => compareRefs(a.ref, b.ref))) {
    const n = Number(c.ref.split('.')[0]);
    const row = byPriority.get(n) ?? { number: n, answered: 0, total: 0 };
    row.total++;
    if (done.has(c.id)) row.answered++;
    byPriority.set(n, row);
  }
  const returned = round.assignments.filter((a) => a.status === 'RETURNED').length;
  return {
    roundId: round.id,
    periodLabel: quarterLabel({ fiscalYear: round.period.fiscalYear, quarter: round.period.quarter as Quarter['quarter'] }),
    due: round.dueOn.toISOString().slice(0, 10),
    status: round.status,
    returned,
    outstanding: round.assignments.length - returned,
    byPartner: round.assignments
      .map((a) => ({ name: a.person.name, returned: a.status === 'RETURNED', commitments: a.commitmentIds.length }))
      .sort((a, b) => Number(a.returned) - Number(b.returned) || a.name.localeCompare(b.name)),
    byPriority: [...byPriority.values()],
    ragCounts: STATUS_ORDER.map((status) => ({ status, count: ratings.filter((r) => r.status === status).length })).filter((r) => r.count > 0),
  };
}

/** The open round's commitments this person (or whoever delegated to them) has not answered. */
export async function stillOwed(ctx: Ctx, actor: Actor): Promise<{ periodLabel: string; due: string; refs: string[] } | undefined> {
  const { prisma } = ctx.db;
  const round = await prisma.round.findFirst({ where: { partnershipId: actor.partnershipId, status: 'OPEN' }, orderBy: { openedAt: 'desc' }, include: { period: true } });
  if (!round) return undefined;
  const cards = await prisma.sentCard.findMany({ where: { roundId: round.id, kind: 'round.update', personId: actor.personId }, select: { data: true } });
  const items = cards.flatMap((c) => (c.data as { items: Array<{ commitmentId: string; ref: string; serviceId: string }> }).items);
  const answered = await prisma.narrative.findMany({
    where: { periodId: round.periodId, supersededAt: null, roundId: round.id, commitmentId: { in: items.map((i) => i.commitmentId) } },
    select: { commitmentId: true, serviceId: true },
  });
  const done = new Set(answered.map((a) => `${a.commitmentId}|${a.serviceId}`));
  return {
    periodLabel: quarterLabel({ fiscalYear: round.period.fiscalYear, quarter: round.period.quarter as Quarter['quarter'] }),
    due: round.dueOn.toISOString().slice(0, 10),
    refs: items.filter((i) => !done.has(`${i.commitmentId}|${i.serviceId}`)).map((i) => i.ref).sort(compareRefs),
  };
}
