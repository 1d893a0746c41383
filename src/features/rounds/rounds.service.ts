import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import { quarterBounds, quarterLabel, type Quarter } from '../../time/financial-year.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.service.ts';
import { decide } from '../policy/policy.ts';
import { planRound, type RoundPlan } from './round-plan.service.ts';
import { writeDraft } from './round-draft-writes.ts';
import { enqueuePartnerCards } from './round-cards.service.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'outbox'>;

export interface RoundRequest {
  quarter: Quarter;
  priorityNumbers: number[];
  /** YYYY-MM-DD. */
  dueOn: string;
}

export interface RoundDraft {
  roundId: string;
  /** The officer's preview card, written with the draft. */
  previewCardId: string;
  periodLabel: string;
  dueOn: string;
  priorityNumbers: number[];
  plan: RoundPlan;
}

function require(actor: Actor | undefined, verb: Parameters<typeof decide>[1]): Actor {
  const decision = decide(actor, verb);
  if (!decision.allowed) throw new DomainError('round.forbidden', decision.reason, 403);
  return actor!;
}

/**
 * Prepares a round and shows the officer what it would send; nothing is sent until they confirm.
 * Refuses a second open round for the same period.
 */
export async function draftRound(ctx: Ctx, who: Actor | undefined, request: RoundRequest): Promise<RoundDraft> {
  const actor = require(who, 'round.open');
  const { prisma } = ctx.db;
  const [partnership, plan] = await Promise.all([
    prisma.partnership.findUniqueOrThrow({ where: { id: actor.partnershipId }, select: { fyStartMonth: true } }),
    planRound(prisma, actor.partnershipId, request.priorityNumbers),
  ]);
  const label = quarterLabel(request.quarter);
  if (plan.partners.length === 0) throw new DomainError('round.empty', `Nobody answers for the commitments of those priorities, so there is nothing to send for ${label}.`);
  const roundId = randomUUID();
  const previewCardId = randomUUID();
  const written = await writeDraft(prisma, {
    partnershipId: actor.partnershipId,
    period: { id: randomUUID(), ...request.quarter, ...quarterBounds(request.quarter, partnership.fyStartMonth) },
    roundId,
    priorityNumbers: request.priorityNumbers,
    dueOn: request.dueOn,
    openedById: actor.personId,
    assignments: plan.partners.map((p) => ({ id: randomUUID(), personId: p.personId, commitmentIds: p.commitments.map((c) => c.id) })),
    previewCardId,
    label,
    now: ctx.clock.now(),
  });
  if (written === 'already-open') throw new DomainError('round.already_open', `The ${label} round is already open. Extend or close it instead.`);
  return { roundId, previewCardId, periodLabel: label, dueOn: request.dueOn, priorityNumbers: request.priorityNumbers, plan };
}

export type ConfirmOutcome = { kind: 'opened'; partners: number; cards: number; periodLabel: string } | { kind: 'already'; status: string; periodLabel: string };

/**
 * Opens a drafted round: one card per partner (split when long) goes on the outbox in the same
 * transaction. Confirming twice (a double click, Teams retrying) opens it once.
 */
export async function confirmRound(ctx: Ctx, who: Actor | undefined, roundId: string, sourceActivityId?: string): Promise<ConfirmOutcome> {
  const actor = require(who, 'round.open');
  const now = ctx.clock.now();
  const outcome = await ctx.db.prisma.$transaction(
    async (tx) => {
      const round = await tx.round.findFirst({ where: { id: roundId, partnershipId: actor.partnershipId }, include: { period: true } });
      if (!round) throw new DomainError('round.not_found', 'I cannot find that round.');
      const periodLabel = quarterLabel({ fiscalYear: round.period.fiscalYear, quarter: round.period.quarter as Quarter['quarter'] });
      const claimed = await tx.round.updateMany({ where: { id: roundId, status: 'DRAFT' }, data: { status: 'OPEN', openedAt: now, openedById: actor.personId } });
      if (claimed.count === 0) return { kind: 'already' as const, status: round.status, periodLabel };
      const cards = await enqueuePartnerCards(tx, round.id, now);
      await audit(tx, { partnershipId: actor.partnershipId, actorId: actor.personId, action: 'round.opened', entity: 'Round', entityId: round.id, entityRef: periodLabel, sourceActivityId, after: { cards: cards.cards, partners: cards.partners }, at: now });
      return { kind: 'opened' as const, partners: cards.partners, cards: cards.cards, periodLabel };
    },
    { timeout: 60_000 },
  );
  if (outcome.kind === 'opened') ctx.outbox.kick();
  return outcome;
}

/** Drops a draft the officer decided not to send. */
export async function cancelDraft(ctx: Ctx, who: Actor | undefined, roundId: string): Promise<boolean> {
  const actor = require(who, 'round.open');
  const result = await ctx.db.prisma.round.updateMany({ where: { id: roundId, partnershipId: actor.partnershipId, status: 'DRAFT' }, data: { status: 'CANCELLED' } });
  return result.count > 0;
}

/** Moves an open round's due date. */
export async function extendRound(ctx: Ctx, who: Actor | undefined, roundId: string, dueOn: string): Promise<void> {
  const actor = require(who, 'round.extend');
  await ctx.db.prisma.$transaction(async (tx) => {
    const round = await tx.round.findFirst({ where: { id: roundId, partnershipId: actor.partnershipId, status: 'OPEN' } });
    if (!round) throw new DomainError('round.not_open', 'That round is not open.');
    await tx.round.update({ where: { id: roundId }, data: { dueOn: new Date(dueOn) } });
    await audit(tx, { partnershipId: actor.partnershipId, actorId: actor.personId, action: 'round.extended', entity: 'Round', entityId: roundId, before: { dueOn: round.dueOn.toISOString().slice(0, 10) }, after: { dueOn }, at: ctx.clock.now() });
  });
}

/** The open round of the actor's partnership (the latest, if several periods are open). */
export async function currentRound(ctx: Ctx, partnershipId: string) {
  return ctx.db.prisma.round.findFirst({ where: { partnershipId, status: 'OPEN' }, orderBy: { openedAt: 'desc' }, include: { period: true } });
}
