import type { Application, TurnState } from '@microsoft/teams-ai';
import type { AppContext } from '../app-context.ts';
import { conversationsFeature } from './conversations/conversations.routes.ts';
import { helpFeature } from './help/help.routes.ts';
import { queriesFeature } from './queries/queries.routes.ts';
import { roundsFeature } from './rounds/rounds.routes.ts';

/** A capability's bindings to the bot: one `register` per feature folder. */
export interface Feature {
  name: string;
  register(app: Application<TurnState>, ctx: AppContext): void;
}

/**
 * Every feature, in routing order: commands (rounds) before free questions (queries), whose
 * understanding is looser; the catch-all message route (help) comes last.
 */
export const FEATURES: Feature[] = [conversationsFeature, roundsFeature, queriesFeature, helpFeature];
