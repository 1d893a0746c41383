import { TurnContext } from 'botbuilder';
import type { AppContext } from '../../app-context.ts';
import { startEarlyRead, takeEarlyRead } from '../../bot/early-reads.ts';
import { identifyActor } from '../../bot/identify.ts';
import type { Feature } from '../registry.ts';
import { rememberConversation, storedConversation, type ConversationReferenceData } from './conversation-refs.service.ts';

/** Captures conversation references on install, on being added, and on each personal message. */
export const conversationsFeature: Feature = {
  name: 'conversations',
  register(app, ctx) {
    app.turn('beforeTurn', async (context) => {
      const type = context.activity.type;
      if (type === 'message' || type === 'installationUpdate' || type === 'conversationUpdate') {
        await capture(context, ctx);
      }
      return true;
    });
  },
};

const STORED = Symbol('storedConversation');

/** Starts reading what is stored for the turn's conversation, for `capture` to find under way. */
export function startReadingConversation(context: TurnContext, ctx: Pick<AppContext, 'db'>): void {
  const conversationId = context.activity.conversation?.id;
  if (conversationId) startEarlyRead(context, STORED, () => storedConversation(ctx.db.prisma, conversationId));
}

async function capture(context: TurnContext, ctx: AppContext): Promise<void> {
  const activity = context.activity;
  if (activity.type === 'installationUpdate' && (activity.action ?? '').startsWith('remove')) return;
  // Who is acting and what is stored for the conversation are independent reads: one round trip.
  const [actor, existing] = await Promise.all([
    identifyActor(context, ctx),
    takeEarlyRead(context, STORED, () => storedConversation(ctx.db.prisma, activity.conversation.id)),
  ]);
  const personal = (activity.conversation?.conversationType ?? 'personal') === 'personal';
  // A stranger's personal chat is not kept: the bot holds nothing about people it does not serve.
  if (personal && !actor) return;
  const reference = TurnContext.getConversationReference(activity) as ConversationReferenceData;
  const teamId = (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
  await rememberConversation(ctx.db.prisma, reference, {
    personId: actor?.personId,
    partnershipId: actor?.partnershipId,
    teamId,
  }, existing);
}
