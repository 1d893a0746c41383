import { Application, TurnState, type TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AppContext } from '../app-context.ts';
import { startReadingConversation } from '../features/conversations/conversations.routes.ts';
import { startReadingVocabulary } from '../features/queries/queries.routes.ts';
import { FEATURES } from '../features/registry.ts';
import { startIdentifying } from './identify.ts';
import { inboundDedupe } from './inbound-dedupe.ts';
import { inboundGuard } from './inbound-guard.ts';
import { handleTurnError } from './turn-errors.ts';

export type BotApp = Application<TurnState>;

/** Builds the teams-ai Application: the guard, the error boundary, then every feature's routes. */
export function createBotApp(ctx: AppContext, adapter: TeamsAdapter): BotApp {
  adapter.use(inboundGuard(ctx.config, ctx.log));
  // Every message turn's first reads: who is acting, the stored conversation reference and, for
  // a message to the bot, the asker's vocabulary stamp.
  const alongsideClaim = (context: TurnContext) => {
    startIdentifying(context, ctx);
    startReadingConversation(context, ctx);
    startReadingVocabulary(context, ctx);
  };
  adapter.use(inboundDedupe(ctx, { alongsideClaim }));
  const app = new Application<TurnState>({
    adapter,
    botAppId: ctx.config.MicrosoftAppId ?? '',
    // No bot state storage: everything the bot keeps lives in its own tables.
    startTypingTimer: false,
    removeRecipientMention: true,
  });
  app.error(handleTurnError(ctx.log));
  for (const feature of FEATURES) feature.register(app, ctx);
  return app;
}
