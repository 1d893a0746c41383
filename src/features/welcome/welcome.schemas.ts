import { z } from 'zod/v4';

/** Card verbs of the welcome feature: `cards/welcome-*.json` and the routes use these. */
export const VERBS = {
  /** A button on a welcome card that asks the bot something, as if the person had typed it. */
  ask: 'welcome.ask',
} as const;

/** The questions welcome buttons send: each is answered by the feature that owns it. */
export const QUESTIONS = {
  owed: 'what do I still owe?',
  actions: 'my actions',
  help: 'help',
  /** Registers a channel for digests (the digests feature's command). */
  digestsHere: 'post digests here',
} as const;

/** What an Action.Submit from a welcome card carries in `activity.value`. */
export const WelcomeAskSchema = z.object({
  verb: z.literal(VERBS.ask),
  question: z.enum(Object.values(QUESTIONS) as [string, ...string[]]),
});

export type WelcomeAsk = z.infer<typeof WelcomeAskSchema>;
