import type { PrismaClient } from '../../generated/prisma/client.ts';
import { rememberConversation, type ConversationReferenceData } from '../conversations/conversation-refs.service.ts';
import type { Transport } from './delivery.schemas.ts';
import type { ClaimedMessage } from './outbox.service.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { claimOnce } from './throttle.service.ts';

/** Where a message can go: a conversation, or why not (expected outcomes, as values). */
export type Reach =
  | { kind: 'reference'; reference: ConversationReferenceData }
  | { kind: 'needs-install'; error: string }
  | { kind: 'throttled'; retryAfterMs?: number; error: string };

/**
 * The conversation to send a message into. For a member the bot has never talked to, it tries
 * once (ever, across workers) to start the 1:1 chat with their Teams user id in the tenant the
 * bot already works in; Teams refuses that unless the app is installed for them.
 */
export async function reach(prisma: PrismaClient, transport: Transport, message: ClaimedMessage, now: Date, limiter: Pick<RateLimiter, 'acquire'>): Promise<Reach> {
  if (message.conversationRefId) {
    const ref = await prisma.conversationRef.findUnique({ where: { id: message.conversationRefId } });
    if (!ref || ref.needsInstall) return { kind: 'needs-install', error: 'the bot is no longer in that conversation' };
    return { kind: 'reference', reference: ref.reference as unknown as ConversationReferenceData };
  }
  if (!message.personId) return { kind: 'needs-install', error: 'no recipient' };
  const refs = await prisma.conversationRef.findMany({ where: { personId: message.personId, kind: 'PERSONAL' }, orderBy: { updatedAt: 'desc' } });
  const usable = refs.find((r) => !r.needsInstall);
  if (usable) return { kind: 'reference', reference: usable.reference as unknown as ConversationReferenceData };
  if (refs.length > 0) return { kind: 'needs-install', error: 'Teams refused: the app is blocked or uninstalled for them' };
  return createChat(prisma, transport, limiter, message.personId, message.partnershipId, now);
}

async function createChat(prisma: PrismaClient, transport: Transport, limiter: Pick<RateLimiter, 'acquire'>, personId: string, partnershipId: string, now: Date): Promise<Reach> {
  const person = await prisma.person.findUniqueOrThrow({ where: { id: personId }, select: { teamsUserId: true } });
  if (!person.teamsUserId || !transport.createPersonalConversation)
    return { kind: 'needs-install', error: 'no chat with the bot yet, and no Teams user id to start one' };
  const known = await prisma.conversationRef.findFirst({
    where: { partnershipId, tenantId: { not: null } },
    orderBy: { updatedAt: 'desc' },
    select: { tenantId: true, serviceUrl: true },
  });
  if (!known?.tenantId) return { kind: 'needs-install', error: 'no chat with the bot yet, and no tenant known to start one in' };
  const marker = `create-conversation:${personId}`;
  if (!(await claimOnce(prisma, marker, now))) return { kind: 'needs-install', error: 'starting a chat was tried once and failed' };
  // Starting a chat is a request to Teams like any send: it takes a slot under the tenant's limit.
  await limiter.acquire(`new-chat:${person.teamsUserId}`, known.tenantId);
  const created = await transport.createPersonalConversation({ teamsUserId: person.teamsUserId, tenantId: known.tenantId, serviceUrl: known.serviceUrl });
  if (created.kind === 'throttled') {
    // Not an attempt: Teams only asked us to wait, so the one try is still to come.
    await prisma.deliveryState.deleteMany({ where: { key: marker } });
    return created;
  }
  if (created.kind === 'failed') return { kind: 'needs-install', error: `starting a chat failed (${created.error})` };
  await rememberConversation(prisma, created.reference, { personId, partnershipId });
  return { kind: 'reference', reference: created.reference };
}
