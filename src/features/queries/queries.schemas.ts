import { z } from 'zod/v4';

/** Card verbs of the queries feature: the templates in `cards/queries-*.json` and the route use these. */
export const VERBS = {
  /** A choice or example from a card, sent back as the question it stands for. */
  ask: 'queries.ask',
} as const;

/** What an Action.Submit (messageBack) from a queries card carries in `activity.value`. */
export const AskSubmitSchema = z.object({
  verb: z.literal(VERBS.ask),
  question: z.string().trim().min(1).max(500),
});

export type AskSubmit = z.infer<typeof AskSubmitSchema>;
