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

/**
 * Remembers where to reach someone (or a channel) later. Personal chats are linked to the
 * person; a changed service URL replaces the old one. One indexed read when nothing changed.
 */
export async function rememberConversation(
  prisma: PrismaClient,
  reference: ConversationReferenceData,
  link: { personId?: string; partnershipId?: string; teamId?: string },
): Promise<void> {
  const conversationId = reference.conversation.id;
  const existing = await prisma.conversationRef.findUnique({
    where: { conversationId },
    select: { serviceUrl: true, personId: true, needsInstall: true },
  });
  const kind = conversationKind(reference.conversation.conversationType);
  const personId = kind === 'PERSONAL' ? (link.personId ?? null) : null;
  if (existing && existing.serviceUrl === reference.serviceUrl && existing.personId === personId && !existing.needsInstall) return;
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
