import type { TurnContext } from 'botbuilder';
import type { AppContext } from '../../app-context.ts';
import { identifyActor } from '../../bot/identify.ts';
import { ACCESS_HELP, isMember } from '../identity/identity.service.ts';
import type { Feature } from '../registry.ts';
import { addressedToBot } from '../../bot/addressed.ts';
import { exportMessages, exportPerson, inertJson } from './privacy-export.service.ts';
import { historyOf } from './privacy-history.service.ts';
import { removePerson } from './privacy-removal.service.ts';
import { purgeExpiredNarratives, setRetention } from './privacy-retention.service.ts';
import { renderExportSummary, renderHistory, renderPurge, renderRemoval } from './privacy.cards.ts';
import { parsePrivacyCommand, type PrivacyCommand } from './privacy.commands.ts';
import { authorise } from './privacy-access.ts';

/**
 * The data-protection duties, for officers: "history of 2.3.1" (the audit trail), "export data
 * about NAME" (subject access), "remove NAME, hand over to …" (erasure with handover) and "purge
 * old narratives" (the retention rule, which also runs daily as scheduled work).
 */
export const privacyFeature: Feature = {
  name: 'privacy',
  register(app, ctx) {
    app.message(
      async (context) => addressedToBot(context) && parsePrivacyCommand(context.activity.text ?? '') !== undefined,
      async (context) => {
        const command = parsePrivacyCommand(context.activity.text ?? '')!;
        const actor = await identifyActor(context, ctx);
        if (!isMember(actor)) return void (await context.sendActivity(ACCESS_HELP));
        await run(context, ctx, command);
      },
    );
  },
};

async function run(context: TurnContext, ctx: AppContext, command: PrivacyCommand): Promise<void> {
  const actor = await identifyActor(context, ctx);
  const send = async (attachment: { contentType: string; content: unknown }) => void (await context.sendActivity({ attachments: [attachment] }));
  switch (command.kind) {
    case 'history':
      return send(renderHistory(await historyOf(ctx, actor, command.ref)));
    case 'export': {
      const result = await exportPerson(ctx, actor, command.person, context.activity.id);
      const messages = exportMessages(result.fileName, inertJson(result.document));
      await send(renderExportSummary(result, messages.length));
      for (const text of messages) await context.sendActivity({ type: 'message', text, textFormat: 'markdown' });
      return;
    }
    case 'remove':
      return send(renderRemoval(await removePerson(ctx, actor, command.person, command.handover, context.activity.id)));
    case 'purge': {
      const officer = authorise(actor, 'privacy.purge');
      const outcome = await ctx.db.prisma.$transaction((tx) => purgeExpiredNarratives(tx, officer.partnershipId, ctx.clock.now()), { timeout: 120_000 });
      return send(renderPurge(outcome));
    }
    case 'retention':
      await setRetention(ctx, actor, command.months, context.activity.id);
      return void (await context.sendActivity(command.months === null ? 'Narratives will be kept for ever.' : `Narratives will be kept for ${command.months} months after the period they report on, then their text is purged (daily, or now with "purge old narratives").`));
  }
}
