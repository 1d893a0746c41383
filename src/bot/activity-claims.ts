import { isUniqueViolation } from '../db/conflicts.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

/**
 * What a delivery found for its activity key: it may run the turn (`claimed`, or `taken-over`
 * from a delivery whose lease ran out), the turn is `done`, another delivery is running it and
 * renewed its claim lately (`busy`), or the claim is live but its holder has gone quiet, or was
 * released a moment ago (`stale`: worth waiting for).
 */
export type ClaimResult = 'claimed' | 'taken-over' | 'done' | 'busy' | 'stale';

export interface ClaimTiming {
  /** How long a claim lasts unrenewed. */
  leaseMs: number;
  /** A claim renewed within this long has a live holder. */
  freshMs: number;
}

type Prisma = Pick<PrismaClient, 'processedActivity'>;

const until = (now: Date, leaseMs: number) => new Date(now.getTime() + leaseMs);

/**
 * Claims an activity's key for one turn. A new key is inserted with a lease; an existing one
 * whose lease has run out is taken over by a conditional update, which only one of several
 * racing deliveries can win (PostgreSQL re-checks the condition on the row it locked).
 * `processedAt` is the holder's last sign of life (claim or renewal), then the time it was done.
 */
export async function claimActivity(prisma: Prisma, key: string, now: Date, timing: ClaimTiming): Promise<ClaimResult> {
  try {
    await prisma.processedActivity.create({ data: { key, processedAt: now, claimedUntil: until(now, timing.leaseMs) } });
    return 'claimed';
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const taken = await prisma.processedActivity.updateMany({
    where: { key, claimedUntil: { lte: now } },
    data: { processedAt: now, claimedUntil: until(now, timing.leaseMs) },
  });
  if (taken.count === 1) return 'taken-over';
  const row = await prisma.processedActivity.findUnique({ where: { key }, select: { processedAt: true, claimedUntil: true } });
  if (!row) return 'stale';
  if (row.claimedUntil === null) return 'done';
  return now.getTime() - row.processedAt.getTime() < timing.freshMs ? 'busy' : 'stale';
}

/** Extends a claim still in progress (a no-op once it is done or released). */
export async function renewClaim(prisma: Prisma, key: string, now: Date, leaseMs: number): Promise<void> {
  await prisma.processedActivity.updateMany({ where: { key, claimedUntil: { not: null } }, data: { processedAt: now, claimedUntil: until(now, leaseMs) } });
}

/** The turn completed: from now on every delivery of the activity is a duplicate. */
export async function completeClaim(prisma: Prisma, key: string, now: Date): Promise<void> {
  await prisma.processedActivity.updateMany({ where: { key }, data: { processedAt: now, claimedUntil: null } });
}

/** The turn failed: forget the claim (never a completed key), so a resend is handled. */
export async function releaseClaim(prisma: Prisma, key: string): Promise<void> {
  await prisma.processedActivity.deleteMany({ where: { key, claimedUntil: { not: null } } });
}

/**
 * Forgets the keys of turns handled (or abandoned) before `cutoff`: a resend comes within
 * minutes, so old keys only grow the table. First-contact keys (`welcome|…`) are kept: they
 * stand for an install, not a delivery.
 */
export async function purgeOldClaims(prisma: Prisma, cutoff: Date): Promise<number> {
  const { count } = await prisma.processedActivity.deleteMany({ where: { processedAt: { lt: cutoff }, NOT: { key: { startsWith: 'welcome|' } } } });
  return count;
}
