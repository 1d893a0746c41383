import type { Application, TurnState } from '@microsoft/teams-ai';
import type { AppContext } from '../app-context.ts';
import { helpFeature } from './help/help.routes.ts';

/** A capability's bindings to the bot: one `register` per feature folder. */
export interface Feature {
  name: string;
  register(app: Application<TurnState>, ctx: AppContext): void;
}

/** Every feature, in routing order. The catch-all message route (help) comes last. */
export const FEATURES: Feature[] = [helpFeature];
