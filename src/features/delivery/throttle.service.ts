import type { PrismaClient } from '../../generated/prisma/client.ts';

/** The DeliveryState row every worker reads before claiming: Teams said 429, so everyone waits. */
export const THROTTLE_KEY = 'throttled-until';

/**
 * Records that Teams asked the bot to slow down until `until`. Only ever moves later: a shorter
 * Retry-After seen by another worker at the same time does not cut the pause short.
 */
export async function throttleUntil(prisma: PrismaClient, until: Date, now: Date): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "DeliveryState" (key, until, "updatedAt") VALUES (${THROTTLE_KEY}, ${until}, ${now})
    ON CONFLICT (key) DO UPDATE SET until = GREATEST("DeliveryState".until, EXCLUDED.until), "updatedAt" = EXCLUDED."updatedAt"`;
}

/** When the shared pause ends, if it is still on at `now`. */
export async function throttledUntil(prisma: PrismaClient, now: Date): Promise<Date | undefined> {
  const row = await prisma.deliveryState.findUnique({ where: { key: THROTTLE_KEY } });
  return row?.until && row.until > now ? row.until : undefined;
}

/**
 * How long to wait after a 429: Teams' Retry-After when given, else exponential backoff; plus up
 * to a fifth more at random, so the workers that were all told the same do not return together.
 */
export function throttleDelay(retryAfterMs: number | undefined, attempts: number, random: () => number = Math.random): number {
  const base = retryAfterMs ?? backoff(attempts, random);
  return Math.round(base + random() * Math.min(base / 5, 5_000));
}

/** Exponential backoff with jitter: 1 s, 2 s, 4 s … (half fixed, half random) capped at five minutes. */
export function backoff(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(300_000, 1_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** A once-only marker (the first to write it wins), e.g. "the 1:1 chat with X was tried". */
export async function claimOnce(prisma: PrismaClient, key: string, now: Date): Promise<boolean> {
  const { count } = await prisma.deliveryState.createMany({ data: [{ key, until: now, updatedAt: now }], skipDuplicates: true });
  return count === 1;
}
