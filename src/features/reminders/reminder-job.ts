import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { ScheduledJob } from '../../scheduling/scheduler.ts';
import type { Occurrence } from '../../scheduling/schedule.service.ts';
import { quarterLabel, type Quarter } from '../../time/financial-year.ts';
import { enqueue } from '../delivery/outbox.service.ts';
import { reminderOccurrences } from './reminder-plan.ts';
import { reminderTargets } from './reminder-recipients.ts';
import { reminderText } from './reminder-text.ts';
import { REMINDER_KIND, ReminderPayloadSchema, type ReminderPayload } from './reminders.schemas.ts';

/** Occurrences are written a day ahead, so the schedule can be read in the database. */
const PLAN_AHEAD_MS = 24 * 3600_000;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Reminders and chasers for open rounds, as scheduled work (planned from the rounds, run when due). */
export function reminderJob(settings: { time: string }): ScheduledJob {
  return {
    kind: REMINDER_KIND,
    async plan(prisma: PrismaClient, now: Date): Promise<Occurrence[]> {
      const rounds = await prisma.round.findMany({ where: { status: 'OPEN', openedAt: { not: null } }, select: { id: true, partnershipId: true, dueOn: true, openedAt: true } });
      const until = new Date(now.getTime() + PLAN_AHEAD_MS);
      return rounds.flatMap((r) =>
        reminderOccurrences({ dueOn: isoDate(r.dueOn), openedAt: r.openedAt!, until, time: settings.time }).map((o) => ({
          partnershipId: r.partnershipId,
          key: `${REMINDER_KIND}:${r.id}:${o.on}`,
          kind: REMINDER_KIND,
          dueAt: o.at,
          series: `round:${r.id}`,
          payload: { roundId: r.id, on: o.on, stage: o.stage },
        })),
      );
    },
    async run(tx, occurrence, now) {
      return sendReminders(tx, ReminderPayloadSchema.parse(occurrence.payload), settings.time, now);
    },
  };
}

/**
 * Queues one occurrence's reminders. Re-checks everything at run time: the round may have closed,
 * been paused, or moved its due date since the occurrence was planned.
 */
async function sendReminders(tx: Prisma.TransactionClient, payload: ReminderPayload, time: string, now: Date): Promise<number> {
  const round = await tx.round.findUnique({ where: { id: payload.roundId }, include: { period: true } });
  if (!round || round.status !== 'OPEN' || round.remindersPaused || !round.openedAt) return 0;
  const dueOn = isoDate(round.dueOn);
  const stillPlanned = reminderOccurrences({ dueOn, openedAt: round.openedAt, until: new Date(now.getTime() + PLAN_AHEAD_MS), time }).some((o) => o.on === payload.on);
  if (!stillPlanned) return 0;
  const periodLabel = quarterLabel({ fiscalYear: round.period.fiscalYear, quarter: round.period.quarter as Quarter['quarter'] });
  const targets = await reminderTargets(tx, round, payload.on, now);
  return enqueue(
    tx,
    targets.map((t) => ({
      partnershipId: round.partnershipId,
      dedupeKey: `${REMINDER_KIND}:${round.id}:${payload.on}:${t.owerId}:${t.recipientId}`,
      kind: REMINDER_KIND,
      personId: t.recipientId,
      payload: {
        roundId: round.id,
        activity: { type: 'message' as const, textFormat: 'markdown' as const, summary: `${periodLabel} update reminder`, text: reminderText(t, { periodLabel, dueOn }, payload.stage) },
      },
    })),
    now,
  );
}
