import type { AdaptiveCard } from '@microsoft/teams-ai';
import { identifyActor } from '../../bot/identify.ts';
import { retryOnConflict } from '../../db/conflicts.ts';
import { ACCESS_HELP, isMember } from '../identity/identity.service.ts';
import type { Feature } from '../registry.ts';
import { addressedToBot } from '../../bot/addressed.ts';
import { addMember, addMessage } from './member-add.service.ts';
import { cancelRetire, confirmRetire, useAddForm } from './member-cards.service.ts';
import { answersMessage, pickChoice } from './member-services.service.ts';
import { renderNotice, renderRetireResult } from './members.cards.ts';
import { answerCommand } from './members.chat.ts';
import { parseMemberCommand } from './members.commands.ts';
import {
  parseAddSubmission,
  parseCardId,
  parsePick,
  parseRetireSubmission,
  ROLE_WORD,
  VERBS,
} from './members.schemas.ts';

/** A rendered card as the invoke response (Teams replaces the card with it). */
const asCard = (attachment: { content: unknown }) => attachment.content as AdaptiveCard;

/**
 * Running the partnership: members added and retired (with a handover), roles, who answers for
 * a service, attendance and apologies, leave and deputies, "my profile". In words and in cards.
 */
export const membersFeature: Feature = {
  name: 'members',
  register(app, ctx) {
    app.message(
      async (context) =>
        addressedToBot(context) && parseMemberCommand(context.activity.text ?? '') !== undefined,
      async (context) => {
        const command = parseMemberCommand(context.activity.text ?? '')!;
        const actor = await identifyActor(context, ctx);
        if (!isMember(actor)) return void (await context.sendActivity(ACCESS_HELP));
        ctx.log.info(
          { event: 'members.command', kind: command.kind, activityId: context.activity.id },
          'membership command',
        );
        const reply = await retryOnConflict(() =>
          answerCommand(ctx, actor, command, context.activity.id),
        );
        await context.sendActivity(
          'text' in reply ? reply.text : { attachments: [reply.attachment] },
        );
      },
    );
    app.adaptiveCards.actionExecute(VERBS.addSubmit, async (context, _state, data) => {
      const actor = await identifyActor(context, ctx);
      const { sentCardId, member } = parseAddSubmission(data);
      const outcome = await useAddForm(ctx, actor, sentCardId, () =>
        addMember(ctx, actor, member, context.activity.id),
      );
      return asCard(
        renderNotice(
          'Member added',
          addMessage(outcome, member.role ? ROLE_WORD[member.role] : undefined),
        ),
      );
    });
    app.adaptiveCards.actionExecute(VERBS.answersPick, async (context, _state, data) => {
      const actor = await identifyActor(context, ctx);
      const { sentCardId, choice } = parsePick(data);
      return asCard(
        renderNotice(
          'Recorded',
          answersMessage(await pickChoice(ctx, actor, sentCardId, choice, context.activity.id)),
        ),
      );
    });
    app.adaptiveCards.actionExecute(VERBS.retireConfirm, async (context, _state, data) => {
      const actor = await identifyActor(context, ctx);
      return asCard(
        renderRetireResult(
          await confirmRetire(ctx, actor, parseRetireSubmission(data), context.activity.id),
        ),
      );
    });
    app.adaptiveCards.actionExecute(VERBS.retireCancel, async (context, _state, data) => {
      const actor = await identifyActor(context, ctx);
      await cancelRetire(ctx, actor, parseCardId(data));
      return asCard(renderNotice('Not retired', 'Cancelled: nothing was changed.'));
    });
  },
};
