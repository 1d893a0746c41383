import type { AdaptiveCard } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AppContext } from '../../app-context.ts';
import { addressedToBot } from '../../bot/addressed.ts';
import { identifyActor } from '../../bot/identify.ts';
import { ACCESS_HELP, isMember } from '../identity/identity.service.ts';
import type { Feature } from '../registry.ts';
import { answeredCard, editableCard } from './round-card-view.ts';
import { renderNoticeCard, renderPreviewCard, renderStatusCard } from './round-admin.cards.ts';
import { loadRoundCard, submitRoundCard } from './round-answers.service.ts';
import { updateFromChat } from './round-chat.service.ts';
import { closeRound } from './round-close.service.ts';
import { delegateUpdates } from './round-delegation.service.ts';
import { roundOfPreview } from './round-preview.service.ts';
import { roundStatus, stillOwed } from './round-status.service.ts';
import { parseRoundCommand, resolveQuarter, type RoundCommand } from './rounds.commands.ts';
import { parseCardId, parseSubmission, VERBS } from './rounds.schemas.ts';
import { cancelDraft, confirmRound, currentRound, draftRound, extendRound } from './rounds.service.ts';
import { retryOnConflict } from '../../db/conflicts.ts';

/** Rounds in chat ("open the Q3 round…", "round status", "update 2.3.1: …") and in cards. */
export const roundsFeature: Feature = {
  name: 'rounds',
  register(app, ctx) {
    app.message(
      async (context) => addressedToBot(context) && parseRoundCommand(context.activity.text ?? '', ctx.clock.now()) !== undefined,
      async (context) => {
        const command = parseRoundCommand(context.activity.text ?? '', ctx.clock.now())!;
        const actor = await identifyActor(context, ctx);
        if (!isMember(actor)) return void (await context.sendActivity(ACCESS_HELP));
        await runCommand(context, ctx, command);
      },
    );
    app.adaptiveCards.actionExecute(VERBS.confirmOpen, async (context, _state, data) => {
      const actor = await identifyActor(context, ctx);
      const roundId = await roundOfPreview(ctx, actor, parseCardId(data));
      const outcome = await confirmRound(ctx, actor, roundId, context.activity.id);
      return asCard(outcome.kind === 'opened'
        ? renderNoticeCard(`${outcome.periodLabel} round opened`, `Sent ${outcome.cards} cards to ${outcome.partners} partners.`)
        : renderNoticeCard(`${outcome.periodLabel} round`, `Already ${outcome.status.toLowerCase()}: nothing more was sent.`));
    });
    app.adaptiveCards.actionExecute(VERBS.cancelOpen, async (context, _state, data) => {
      const actor = await identifyActor(context, ctx);
      const cancelled = await cancelDraft(ctx, actor, await roundOfPreview(ctx, actor, parseCardId(data)));
      return asCard(renderNoticeCard('Round not opened', cancelled ? 'Cancelled: nothing was sent.' : 'This round was already opened or cancelled.'));
    });
    app.adaptiveCards.actionExecute(VERBS.submit, async (context, _state, data) => {
      const submission = parseSubmission(data);
      // Who is acting is looked up while the card is read (identifyActor caches it for a retry).
      const result = await retryOnConflict(() => submitRoundCard(ctx, identifyActor(context, ctx), submission, context.activity.id));
      return asCard(answeredCard(submission.sentCardId, result));
    });
    app.adaptiveCards.actionExecute(VERBS.edit, async (context, _state, data) => {
      const actor = await identifyActor(context, ctx);
      const sentCardId = parseCardId(data);
      return ctx.db.prisma.$transaction(async (tx) => {
        await loadRoundCard(tx, actor, sentCardId);
        return asCard(await editableCard(tx, sentCardId));
      });
    });
  },
};

/** A rendered card as the invoke response teams-ai sends back (Teams replaces the card with it). */
const asCard = (attachment: { content: unknown }) => attachment.content as AdaptiveCard;

async function runCommand(context: TurnContext, ctx: AppContext, command: RoundCommand): Promise<void> {
  const actor = await identifyActor(context, ctx);
  const say = async (text: string) => void (await context.sendActivity(text));
  switch (command.kind) {
    case 'open': {
      if (!command.due) return say('When is it due? For example: "open the Q3 round for priorities 1 and 4, due 12 January".');
      if (command.due === 'invalid') return say('I could not read that due date. Try "due 12 January" or "due 2023-01-12".');
      const draft = await draftRound(ctx, actor, { quarter: resolveQuarter(command.quarter, ctx.clock.now()), priorityNumbers: command.priorities, dueOn: command.due });
      return void (await context.sendActivity({ attachments: [renderPreviewCard(draft)] }));
    }
    case 'close': {
      const round = await currentRound(ctx, actor!.partnershipId);
      if (!round) return say('There is no open round to close.');
      const outcome = await closeRound(ctx, actor, round.id, context.activity.id);
      return say(`The ${outcome.periodLabel} round is closed. ${outcome.notProvided} parts were recorded as "not provided"; ${outcome.snapshots} commitments were frozen as reported.`);
    }
    case 'extend': {
      if (!command.due) return say('I could not read that date. Try "extend the round to 20 January".');
      const round = await currentRound(ctx, actor!.partnershipId);
      if (!round) return say('There is no open round to extend.');
      await extendRound(ctx, actor, round.id, command.due);
      return say(`The round is now due ${command.due}.`);
    }
    case 'status':
      return void (await context.sendActivity({ attachments: [renderStatusCard(await roundStatus(ctx, actor))] }));
    case 'owed': {
      const owed = await stillOwed(ctx, actor!);
      if (!owed) return say('There is no open reporting round.');
      return say(owed.refs.length ? `For the ${owed.periodLabel} round (due ${owed.due}) you still owe: ${owed.refs.join(', ')}.` : `You have answered everything for the ${owed.periodLabel} round. Thank you.`);
    }
    case 'update': {
      const result = await retryOnConflict(() => updateFromChat(ctx, actor!, command, context.activity.id));
      return void (await context.sendActivity({ attachments: [answeredCard(result.record.roundId, result)] }));
    }
    case 'delegate': {
      const done = await delegateUpdates(ctx, actor, command.to, context.activity.id);
      return say(`${done.delegateName} can now answer your updates for this round${done.cards ? '; I have sent them your cards' : ''}.`);
    }
  }
}
