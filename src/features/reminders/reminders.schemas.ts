import { z } from 'zod/v4';

/**
 * When partners are reminded: 7 and 2 working days before the due date, then chased on the first
 * working day after it and every 3 working days until the round closes.
 */
export const REMINDER_RULES = { beforeWorkingDays: [7, 2], chaseEveryWorkingDays: 3 } as const;
export type ReminderRules = { beforeWorkingDays: readonly number[]; chaseEveryWorkingDays: number };

/** The Schedule kind of a round's reminder occurrence. */
export const REMINDER_KIND = 'round.reminder';

/** What a reminder occurrence carries in its Schedule row. */
export const ReminderPayloadSchema = z.object({
  roundId: z.string(),
  /** Occurrences of one series collapse: after downtime only the latest missed one is sent. */
  series: z.string(),
  /** The London date it is for. */
  on: z.iso.date(),
  stage: z.enum(['before', 'after']),
});
export type ReminderPayload = z.infer<typeof ReminderPayloadSchema>;

/** One reminder occurrence of a round: its London date and the instant it falls due. */
export interface ReminderOccurrence {
  on: string;
  at: Date;
  stage: 'before' | 'after';
}
