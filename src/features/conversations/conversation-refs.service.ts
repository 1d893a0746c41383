import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { ConversationKind } from '../../generated/prisma/enums.ts';

/** A Bot Framework conversation reference, as plain data (what proactive messages need). */
export interface ConversationReferenceData {
  conversation: { id: string; conversationType?: string; tenantId?: string; isGroup?: boolean };
  serviceUrl: string;
  channelId: string;
  bot: { id: string; name?: string };
  user?: { id: string; name?: string; aadObjectId?: string };
  locale?: string;
}

export function conversationKind(conversationType: string | undefined): ConversationKind {
  if (conversationType === 'channel') return 'CHANNEL';
  if (conversationType === 'groupChat') return 'GROUP';
  return 'PERSONAL';
}

/** What is stored for a conversation, enough to tell whether a turn's reference changes it. */
export type StoredConversation = { serviceUrl: string; personId: string | null; needsInstall: boolean } | null;

/** One indexed read: what is stored for a conversation (null when it is new). */
export function storedConversation(prisma: PrismaClient, conversationId: string): Promise<StoredConversation> {
  return prisma.conversationRef.findUnique({ where: { conversationId }, select: { serviceUrl: true, personId: true, needsInstall: true } });
}

/**
 * Remembers where to reach someone (or a channel) later; `existing` is what `storedConversation`
 * found, when the caller has read it already.
 * Personal chats are linked to the person; a changed service URL replaces the old one. Nothing is
 * written when nothing changed.
 */
export async function rememberConversation(
  prisma: PrismaClient,
  reference: ConversationReferenceData,
  link: { personId?: string; partnershipId?: string; teamId?: string },
  existing?: StoredConversation,
): Promise<void> {
  const conversationId = reference.conversation.id;
  const stored = existing === undefined ? await storedConversation(prisma, conversationId) : existing;
  const kind = conversationKind(reference.conversation.conversationType);
  const personId = kind === 'PERSONAL' ? (link.personId ?? null) : null;
  if (stored && stored.serviceUrl === reference.serviceUrl && stored.personId === personId && !stored.needsInstall) return;
  const data = {
    kind,
    personId,
    partnershipId: link.partnershipId ?? null,
    tenantId: reference.conversation.tenantId ?? null,
    serviceUrl: reference.serviceUrl,
    teamId: link.teamId ?? null,
    reference: reference as object,
    needsInstall: false,
  };
  await prisma.conversationRef.upsert({ where: { conversationId }, create: { conversationId, ...data }, update: data });
}
