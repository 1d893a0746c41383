import type { AdaptiveCard } from '@microsoft/teams-ai';
import type { AppContext } from '../../app-context.ts';
import { identifyActor } from '../../bot/identify.ts';
import { retryOnConflict } from '../../db/conflicts.ts';
import { ACCESS_HELP, isMember } from '../identity/identity.service.ts';
import type { Feature } from '../registry.ts';
import { addressedToBot } from '../../bot/addressed.ts';
import { submitActionCard, submitRecordCard } from './meeting-card-actions.service.ts';
import { parseMeetingCommand } from './meetings.commands.ts';
import { runMeetingCommand } from './meetings.replies.ts';
import { VERBS } from './meetings.schemas.ts';

const asCard = (attachment: { content: unknown }) => attachment.content as AdaptiveCard;

/**
 * Meetings, minutes and actions in chat ("action for … on minute 26: …", "update on minute 26:
 * …", "what happened to minute 30?", "matters arising for the next meeting") and from cards.
 */
export const meetingsFeature: Feature = {
  name: 'meetings',
  register(app, ctx: AppContext) {
    app.message(
      async (context) => addressedToBot(context) && parseMeetingCommand(context.activity.text ?? '') !== undefined,
      async (context) => {
        const command = parseMeetingCommand(context.activity.text ?? '')!;
        const actor = await identifyActor(context, ctx);
        if (!isMember(actor)) return void (await context.sendActivity(ACCESS_HELP));
        const reply = await retryOnConflict(() => runMeetingCommand(ctx, actor, command, context.activity.id));
        await context.sendActivity({ type: 'message', ...reply });
      },
    );
    app.adaptiveCards.actionExecute(VERBS.update, async (context, _state, data) =>
      asCard(await submitActionCard(ctx, await identifyActor(context, ctx), 'update', data, context.activity.id)),
    );
    app.adaptiveCards.actionExecute(VERBS.proposeClose, async (context, _state, data) =>
      asCard(await submitActionCard(ctx, await identifyActor(context, ctx), 'proposeClose', data, context.activity.id)),
    );
    app.adaptiveCards.actionExecute(VERBS.recordMinutes, async (context, _state, data) =>
      asCard(await submitRecordCard(ctx, await identifyActor(context, ctx), data, context.activity.id)),
    );
  },
};
