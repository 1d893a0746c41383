import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { OutboxPayload } from './delivery.schemas.ts';

type Tx = Prisma.TransactionClient | PrismaClient;

export interface OutboxInput {
  partnershipId: string;
  /** One row per recipient and message: the same key twice is delivered once. */
  dedupeKey: string;
  kind: string;
  personId?: string;
  conversationRefId?: string;
  payload: OutboxPayload;
}

/**
 * Queues messages inside the caller's transaction, so they exist exactly when the change does.
 * Due times come from the bot's clock (AS_OF), never the database's.
 */
export async function enqueue(tx: Tx, messages: OutboxInput[], now: Date): Promise<number> {
  if (messages.length === 0) return 0;
  const result = await tx.outboxMessage.createMany({
    data: messages.map((m) => ({ ...m, payload: m.payload as object, nextAttemptAt: now, createdAt: now })),
    skipDuplicates: true,
  });
  return result.count;
}

export interface ClaimedMessage {
  id: string;
  kind: string;
  personId: string | null;
  conversationRefId: string | null;
  payload: OutboxPayload;
  attempts: number;
}

/**
 * Claims a batch of due messages for one worker with row locks (SKIP LOCKED), so several bot
 * instances share the work without sending anything twice. A claim whose lease ran out (a worker
 * that died mid-send) is claimed again.
 */
export async function claimBatch(prisma: PrismaClient, worker: string, limit: number, now: Date, leaseMs: number): Promise<ClaimedMessage[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const claimed = await prisma.$queryRaw<Array<ClaimedMessage & { dedupeKey: string; nextAttemptAt: Date }>>`
    UPDATE "OutboxMessage" SET status = 'SENDING'::"OutboxStatus", "claimedBy" = ${worker},
      "claimedUntil" = ${leaseUntil}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "OutboxMessage"
      WHERE (status = 'PENDING'::"OutboxStatus" AND "nextAttemptAt" <= ${now})
         OR (status = 'SENDING'::"OutboxStatus" AND "claimedUntil" < ${now})
      ORDER BY "nextAttemptAt", "dedupeKey"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, "personId", "conversationRefId", payload, attempts, "dedupeKey", "nextAttemptAt"`;
  // RETURNING follows the physical update order, not the subquery's: put the batch back in order
  // so a partner's card 1 arrives before card 2.
  return claimed
    .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || (a.dedupeKey < b.dedupeKey ? -1 : 1))
    .map(({ dedupeKey: _key, nextAttemptAt: _at, ...message }) => message);
}

export async function markSent(prisma: PrismaClient, id: string, now: Date, activityId?: string): Promise<void> {
  await prisma.outboxMessage.update({
    where: { id },
    data: { status: 'SENT', sentAt: now, sentActivityId: activityId ?? null, claimedBy: null, claimedUntil: null },
  });
}

export async function markRetry(prisma: PrismaClient, id: string, nextAttemptAt: Date, error: string): Promise<void> {
  await prisma.outboxMessage.update({
    where: { id },
    data: { status: 'PENDING', nextAttemptAt, lastError: error.slice(0, 500), claimedBy: null, claimedUntil: null },
  });
}

export async function markFinal(prisma: PrismaClient, id: string, status: 'DEAD' | 'NEEDS_INSTALL' | 'FAILED', error: string): Promise<void> {
  await prisma.outboxMessage.update({
    where: { id },
    data: { status, lastError: error.slice(0, 500), claimedBy: null, claimedUntil: null },
  });
}

/** How many messages are still to go (pending or being sent). */
export async function outstandingCount(prisma: PrismaClient): Promise<number> {
  return prisma.outboxMessage.count({ where: { status: { in: ['PENDING', 'SENDING'] } } });
}
