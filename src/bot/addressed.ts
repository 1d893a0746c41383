import type { TurnContext } from 'botbuilder';

/**
 * Whether a message is for the bot: everything in a personal chat, and in channels and group
 * chats only what @mentions it (as Teams itself forwards them).
 */
export function addressedToBot(context: TurnContext): boolean {
  const { conversation, recipient, entities } = context.activity;
  if (!conversation?.conversationType || conversation.conversationType === 'personal') return true;
  return (entities ?? []).some(
    (e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === recipient?.id,
  );
}
