import type { AdaptiveCard } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AppContext } from '../../app-context.ts';
import { addressedToBot } from '../../bot/addressed.ts';
import { identifyActor } from '../../bot/identify.ts';
import { ACCESS_HELP, isMember } from '../identity/identity.service.ts';
import type { Feature } from '../registry.ts';
import { openFigureForm, saveFigure } from './figure-correction.service.ts';
import { VERBS, parseFigureSubmission } from './figure-form.schemas.ts';
import { renderFigureForm, renderFigureSaved } from './metrics.cards.ts';
import { parseFigureCommand } from './metrics.commands.ts';
import { importSentFiles } from './sent-file-import.service.ts';
import { carriesFile } from './sent-file.ts';

/**
 * Police figures in from Teams, for officers: a CSV sent to the bot in personal chat is imported
 * like `npm run metrics:import`, and "correct the hate crime figure" opens a form to type one.
 */
export const metricsFeature: Feature = {
  name: 'metrics',
  register(app, ctx) {
    app.message(
      async (context) => carriesFile(context.activity.attachments),
      async (context) => importFilesSent(context, ctx),
    );
    app.message(
      async (context) =>
        addressedToBot(context) && parseFigureCommand(context.activity.text ?? '') !== undefined,
      async (context) => {
        const command = parseFigureCommand(context.activity.text ?? '')!;
        const actor = await identifyActor(context, ctx);
        if (!isMember(actor)) return void (await context.sendActivity(ACCESS_HELP));
        const form = await openFigureForm(ctx, actor, command.measure);
        await context.sendActivity({ attachments: [renderFigureForm(form)] });
      },
    );
    app.adaptiveCards.actionExecute(VERBS.saveFigure, async (context, _state, data) => {
      const actor = await identifyActor(context, ctx);
      const saved = await saveFigure(ctx, actor, parseFigureSubmission(data), context.activity.id);
      ctx.log.info(
        { event: 'metrics.figure_saved', changed: saved.changed, activityId: context.activity.id },
        'figure form saved',
      );
      return renderFigureSaved(saved) as AdaptiveCard;
    });
  },
};

async function importFilesSent(context: TurnContext, ctx: AppContext): Promise<void> {
  const actor = await identifyActor(context, ctx);
  if (!isMember(actor)) return void (await context.sendActivity(ACCESS_HELP));
  const personal = context.activity.conversation?.conversationType === 'personal';
  await importSentFiles(ctx, actor, context.activity.attachments, personal, async (text) => {
    await context.sendActivity({ type: 'message', text, textFormat: 'plain' });
  });
}
