import type { AdaptiveCard } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AppContext } from '../../app-context.ts';
import { addressedToBot } from '../../bot/addressed.ts';
import { identifyActor } from '../../bot/identify.ts';
import { hostAllowed } from '../../bot/inbound-guard.ts';
import { LOOPBACK_HOSTS } from '../../config.ts';
import { DomainError } from '../../domain-error.ts';
import { ACCESS_HELP, isMember, type Actor } from '../identity/identity.service.ts';
import { decide } from '../policy/policy.ts';
import type { Feature } from '../registry.ts';
import { openFigureForm, saveFigure } from './figure-correction.service.ts';
import { VERBS, parseFigureSubmission } from './figure-form.schemas.ts';
import { formatImportReport, importPoliceBytes } from './metrics-import.service.ts';
import { MetricsFileError } from './metrics-file.error.ts';
import { renderFigureForm, renderFigureSaved } from './metrics.cards.ts';
import { parseFigureCommand } from './metrics.commands.ts';
import { carriesFile, downloadSentFile, sentFiles } from './sent-file.ts';

/**
 * Police figures in from Teams, for officers: a CSV sent to the bot in personal chat is imported
 * like `npm run metrics:import`, and "correct the hate crime figure" opens a form to type one.
 */
export const metricsFeature: Feature = {
  name: 'metrics',
  register(app, ctx) {
    app.message(
      async (context) => carriesFile(context.activity.attachments),
      async (context) => importSentFiles(context, ctx),
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

async function importSentFiles(context: TurnContext, ctx: AppContext): Promise<void> {
  const actor = await identifyActor(context, ctx);
  if (!isMember(actor)) return void (await context.sendActivity(ACCESS_HELP));
  if (context.activity.conversation?.conversationType !== 'personal')
    throw new DomainError('metrics.not_personal', 'Send police files to me in a personal chat, not here.');
  const decision = decide(actor, 'import.run');
  if (!decision.allowed) throw new DomainError('metrics.forbidden', decision.reason, 403);
  for (const file of sentFiles(context.activity.attachments))
    await context.sendActivity({ type: 'message', text: await importOne(ctx, actor, file), textFormat: 'plain' });
}

async function importOne(ctx: AppContext, actor: Actor, file: { name: string; downloadUrl: string }): Promise<string> {
  if (!/\.csv$/i.test(file.name))
    return `I did not import ${file.name.slice(0, 100)}: I read police and figures files as CSV (.csv). Nothing was changed.`;
  const bytes = await downloadSentFile(
    file,
    (host) => hostAllowed(host, ctx.config.fileDownloadHosts),
    LOOPBACK_HOSTS,
  );
  try {
    const report = await importPoliceBytes(
      ctx,
      { name: file.name, bytes },
      { partnershipId: actor.partnershipId, actorId: actor.personId, actorLabel: actor.name },
    );
    ctx.log.info({ event: 'metrics.file_imported', batchId: report.batchId, format: report.format }, 'file imported');
    return formatImportReport(report).replace(/\n/g, '\n\n');
  } catch (error) {
    if (!(error instanceof MetricsFileError)) throw error;
    return `I did not import ${file.name.slice(0, 100)}, ${error.userMessage}. Nothing was changed.`;
  }
}
