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
  partnershipId: string;
  kind: string;
  personId: string | null;
  conversationRefId: string | null;
  payload: OutboxPayload;
  attempts: number;
  /** This claim's fencing token: only its holder may record the outcome. */
  claim: string;
}

/**
 * Claims a batch of due messages with row locks (SKIP LOCKED), so several bot instances share the
 * work without sending anything twice. A claim whose lease ran out (a worker that died mid-send)
 * is claimed again, under a new token: the dead worker can no longer record anything for it.
 */
export async function claimBatch(prisma: PrismaClient, claim: string, limit: number, now: Date, leaseMs: number): Promise<ClaimedMessage[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  // The CTE is evaluated once: with `WHERE id IN (subquery)` PostgreSQL may re-run the LIMIT
  // subquery while re-checking a row another worker just changed, and claim rows twice.
  const claimed = await prisma.$queryRaw<Array<Omit<ClaimedMessage, 'claim'> & { dedupeKey: string; nextAttemptAt: Date }>>`
    WITH due AS (
      SELECT id FROM "OutboxMessage"
      WHERE (status = 'PENDING'::"OutboxStatus" AND "nextAttemptAt" <= ${now})
         OR (status = 'SENDING'::"OutboxStatus" AND "claimedUntil" < ${now})
      ORDER BY "nextAttemptAt", "dedupeKey"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    UPDATE "OutboxMessage" o SET status = 'SENDING'::"OutboxStatus", "claimedBy" = ${claim},
      "claimedUntil" = ${leaseUntil}, attempts = o.attempts + 1
    FROM due WHERE o.id = due.id
    RETURNING o.id, o."partnershipId", o.kind, o."personId", o."conversationRefId", o.payload, o.attempts, o."dedupeKey", o."nextAttemptAt"`;
  // RETURNING follows the physical update order, not the subquery's: put the batch back in order
  // so a partner's card 1 arrives before card 2.
  return claimed
    .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || (a.dedupeKey < b.dedupeKey ? -1 : 1))
    .map(({ dedupeKey: _key, nextAttemptAt: _at, ...message }) => ({ ...message, claim }));
}

/** Only the current holder of a claim may touch the row: `false` means the claim was lost. */
const held = (message: ClaimedMessage) => ({ id: message.id, claimedBy: message.claim, status: 'SENDING' as const });

/**
 * Extends the lease just before a send, so a send that starts always has a whole lease (longer
 * than the send timeout) to finish in; a worker that fell behind finds its claim gone and skips.
 */
export async function renewClaim(prisma: PrismaClient, message: ClaimedMessage, now: Date, leaseMs: number): Promise<boolean> {
  const { count } = await prisma.outboxMessage.updateMany({ where: held(message), data: { claimedUntil: new Date(now.getTime() + leaseMs) } });
  return count === 1;
}

export async function markSent(prisma: PrismaClient, message: ClaimedMessage, now: Date, activityId?: string): Promise<boolean> {
  const { count } = await prisma.outboxMessage.updateMany({
    where: held(message),
    data: { status: 'SENT', sentAt: now, sentActivityId: activityId ?? null, claimedBy: null, claimedUntil: null },
  });
  return count === 1;
}

/** Back to the queue for another attempt at `nextAttemptAt`; `refund` when the attempt never happened. */
export async function markRetry(prisma: PrismaClient, message: ClaimedMessage, nextAttemptAt: Date, error: string | undefined, refund = false): Promise<boolean> {
  const { count } = await prisma.outboxMessage.updateMany({
    where: held(message),
    data: {
      status: 'PENDING',
      nextAttemptAt,
      ...(error ? { lastError: error.slice(0, 500) } : {}),
      ...(refund ? { attempts: { decrement: 1 } } : {}),
      claimedBy: null,
      claimedUntil: null,
    },
  });
  return count === 1;
}

export async function markFinal(prisma: PrismaClient, message: ClaimedMessage, status: 'DEAD' | 'NEEDS_INSTALL' | 'FAILED', error: string): Promise<boolean> {
  const { count } = await prisma.outboxMessage.updateMany({
    where: held(message),
    data: { status, lastError: error.slice(0, 500), claimedBy: null, claimedUntil: null },
  });
  return count === 1;
}

/**
 * When the next message falls due: the earliest retry, or the earliest claim to run out (a worker
 * that died mid-send). Undefined when nothing waits.
 */
export async function nextDueAt(prisma: PrismaClient): Promise<Date | undefined> {
  const [row] = await prisma.$queryRaw<Array<{ at: Date | null }>>`
    SELECT LEAST(
      (SELECT min("nextAttemptAt") FROM "OutboxMessage" WHERE status = 'PENDING'::"OutboxStatus"),
      (SELECT min("claimedUntil") FROM "OutboxMessage" WHERE status = 'SENDING'::"OutboxStatus")) AS at`;
  return row?.at ?? undefined;
}

/** How many messages are still to go (pending or being sent). */
export async function outstandingCount(prisma: PrismaClient): Promise<number> {
  return prisma.outboxMessage.count({ where: { status: { in: ['PENDING', 'SENDING'] } } });
}
