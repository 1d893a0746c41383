import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import { quarterLabel, type Quarter } from '../../time/financial-year.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.service.ts';
import { decide } from '../policy/policy.ts';
import { atLondonTime } from './working-days.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

async function openRound(ctx: Ctx, partnershipId: string) {
  const round = await ctx.db.prisma.round.findFirst({ where: { partnershipId, status: 'OPEN' }, orderBy: { openedAt: 'desc' }, include: { period: true } });
  if (!round) throw new DomainError('reminders.no_round', 'There is no open reporting round, so there are no reminders to change.');
  return { ...round, label: quarterLabel({ fiscalYear: round.period.fiscalYear, quarter: round.period.quarter as Quarter['quarter'] }) };
}

/** An officer pauses (or resumes) the open round's reminders and chasers for everyone. */
export async function setRemindersPaused(ctx: Ctx, who: Actor | undefined, paused: boolean, sourceActivityId?: string): Promise<{ periodLabel: string; changed: boolean }> {
  const verdict = decide(who, 'reminders.pause');
  if (!verdict.allowed) throw new DomainError('reminders.forbidden', verdict.reason, 403);
  const round = await openRound(ctx, who!.partnershipId);
  const now = ctx.clock.now();
  const changed = await ctx.db.prisma.$transaction(async (tx) => {
    const { count } = await tx.round.updateMany({ where: { id: round.id, remindersPaused: !paused }, data: { remindersPaused: paused } });
    if (count > 0)
      await audit(tx, { partnershipId: round.partnershipId, actorId: who!.personId, action: paused ? 'reminders.paused' : 'reminders.resumed', entity: 'Round', entityId: round.id, entityRef: round.label, sourceActivityId, at: now });
    return count > 0;
  });
  return { periodLabel: round.label, changed };
}

/**
 * A partner snoozes their own reminders for the open round until a London date (they are
 * reminded again from that day), or wakes them with `until` undefined.
 */
export async function snoozeReminders(ctx: Ctx, who: Actor | undefined, until: string | undefined): Promise<{ periodLabel: string }> {
  const verdict = decide(who, 'reminders.snooze');
  if (!verdict.allowed) throw new DomainError('reminders.forbidden', verdict.reason, 403);
  const round = await openRound(ctx, who!.partnershipId);
  const snoozedUntil = until ? atLondonTime(until, '00:00') : null;
  if (snoozedUntil && snoozedUntil <= ctx.clock.now()) throw new DomainError('reminders.past', 'That date has passed: give a day after today, e.g. "snooze my reminders until Friday".');
  const { count } = await ctx.db.prisma.roundAssignment.updateMany({ where: { roundId: round.id, personId: who!.personId }, data: { snoozedUntil } });
  if (count === 0) throw new DomainError('reminders.not_asked', `You were not asked for anything in the ${round.label} round, so there are no reminders to snooze.`);
  return { periodLabel: round.label };
}
