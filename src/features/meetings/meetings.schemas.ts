import { z } from 'zod/v4';

/** Card verbs of the meetings feature: the card JSON and the routes both use these. */
export const VERBS = {
  update: 'action.update',
  proposeClose: 'action.proposeClose',
  recordMinutes: 'minutes.record',
} as const;

/** Limits on what people type: long enough for a minute, short enough to show in a card. */
export const MAX_TEXT = 4000;

const text = (max = MAX_TEXT) => z.string().trim().min(1).max(max);

/** What an action card sends back: which card (checked against SentCard), and the typed text. */
export const ActionCardSubmitSchema = z.object({
  sentCardId: z.uuid(),
  updateText: z.string().trim().max(MAX_TEXT).optional(),
});
export type ActionCardSubmit = z.infer<typeof ActionCardSubmitSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** The officer's "record minutes" card: a meeting, a minute and (optionally) its action. */
export const RecordMinutesSchema = z.object({
  sentCardId: z.uuid(),
  meetingDate: isoDate,
  meetingTime: z.string().regex(/^\d{2}:\d{2}$/).optional().or(z.literal('').transform(() => undefined)),
  place: z.string().trim().max(200).optional(),
  minuteNumber: z.coerce.number().int().min(1).max(100000),
  minuteTitle: text(300),
  minuteText: z.string().trim().max(20000).optional(),
  resolution: z.string().trim().max(MAX_TEXT).optional(),
  actionText: z.string().trim().max(MAX_TEXT).optional(),
  owners: z.string().trim().max(500).optional(),
  dueOn: isoDate.optional().or(z.literal('').transform(() => undefined)),
});
export type RecordMinutes = z.infer<typeof RecordMinutesSchema>;

/** What the bot remembers about an action card it sent: the action and whom it was for. */
export interface ActionCardRecord {
  actionId: string;
  personId: string;
}
