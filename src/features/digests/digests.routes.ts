import { TurnContext } from 'botbuilder';
import type { AppContext } from '../../app-context.ts';
import { identifyActor } from '../../bot/identify.ts';
import type { ConversationReferenceData } from '../conversations/conversation-refs.service.ts';
import { ACCESS_HELP, isMember } from '../identity/identity.service.ts';
import type { Feature } from '../registry.ts';
import { addressedToBot } from '../../bot/addressed.ts';
import { registerByOfficer, registerOnInstall, type ChannelPlace } from './digest-channel.service.ts';
import { meetingEnded, officerMarksHeld, officerReposts } from './digest-triggers.service.ts';
import { parseDigestCommand } from './digests.commands.ts';
import { outcomeText } from './digests.text.ts';

/** The channel an activity came from (its own id, without a reply thread's suffix). */
function channelPlace(context: TurnContext): ChannelPlace | undefined {
  const a = context.activity;
  const data = a.channelData as { team?: { id?: string }; channel?: { id?: string } } | undefined;
  if (!data?.team?.id) return undefined;
  const channelId = data.channel?.id ?? a.conversation.id.split(';')[0]!;
  return { channelId, teamId: data.team.id, reference: TurnContext.getConversationReference(a) as ConversationReferenceData };
}

/**
 * The partnership's channel digest: registered when the bot joins a team or on "post digests
 * here"; posted once after a meeting ("mark the 27 October meeting held", "publish minutes", or
 * Teams' meeting-end event); posted again only on "repost the digest".
 */
export const digestsFeature: Feature = {
  name: 'digests',
  register(app, ctx: AppContext) {
    app.message(
      async (context) => addressedToBot(context) && parseDigestCommand(context.activity.text ?? '') !== undefined,
      async (context) => {
        const command = parseDigestCommand(context.activity.text ?? '')!;
        const actor = await identifyActor(context, ctx);
        if (!isMember(actor)) return void (await context.sendActivity(ACCESS_HELP));
        if (command.kind === 'register') {
          const place = channelPlace(context);
          if (!place) return void (await context.sendActivity('Say this in the team channel where digests should go, @mentioning me.'));
          await registerByOfficer(ctx, actor, place);
          return void (await context.sendActivity('Done: meeting digests will be posted in this channel.'));
        }
        if (command.kind === 'repost') {
          const { meetingDay, count } = await officerReposts(ctx, actor, command.date, context.activity.id);
          return void (await context.sendActivity(`Reposted the digest of the meeting of ${meetingDay} (repost ${count}).`));
        }
        const outcome = await officerMarksHeld(ctx, actor, command.date, command.kind === 'minutes');
        await context.sendActivity(outcomeText(outcome, command.kind));
      },
    );
    app.conversationUpdate('membersAdded', async (context) => {
      const a = context.activity;
      if (!(a.membersAdded ?? []).some((m) => m.id === a.recipient?.id)) return;
      const place = channelPlace(context);
      if (place) await registerOnInstall(ctx, await identifyActor(context, ctx), place);
    });
    app.meetings.end(async (context, _state, meeting) => {
      const value = (context.activity.value ?? {}) as { EndTime?: string; endTime?: string };
      const endTime = new Date(value.EndTime ?? value.endTime ?? meeting?.endTime ?? ctx.clock.now());
      const actor = await identifyActor(context, ctx);
      const outcome = await meetingEnded(ctx, { conversationId: context.activity.conversation?.id, ...(actor ? { actor } : {}) }, Number.isNaN(endTime.getTime()) ? ctx.clock.now() : endTime);
      ctx.log.info({ event: 'digest.meeting_end', outcome: outcome?.kind ?? 'ignored', activityId: context.activity.id }, 'meeting ended');
    });
  },
};
