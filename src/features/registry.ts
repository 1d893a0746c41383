import type { Application, TurnState } from '@microsoft/teams-ai';
import type { AppContext } from '../app-context.ts';
import { boardPackFeature } from './board-pack/board-pack.routes.ts';
import { conversationsFeature } from './conversations/conversations.routes.ts';
import { welcomeFeature } from './welcome/welcome.routes.ts';
import { digestsFeature } from './digests/digests.routes.ts';
import { helpFeature } from './help/help.routes.ts';
import { meetingsFeature } from './meetings/meetings.routes.ts';
import { membersFeature } from './members/members.routes.ts';
import { metricsFeature } from './metrics/metrics.routes.ts';
import { privacyFeature } from './privacy/privacy.routes.ts';
import { queriesFeature } from './queries/queries.routes.ts';
import { remindersFeature } from './reminders/reminders.routes.ts';
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
export const FEATURES: Feature[] = [conversationsFeature, welcomeFeature, metricsFeature, roundsFeature, boardPackFeature, privacyFeature, remindersFeature, meetingsFeature, digestsFeature, membersFeature, queriesFeature, helpFeature];
