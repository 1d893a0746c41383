import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

/** One occurrence of scheduled work: unique by key, so planning it again changes nothing. */
export interface Occurrence {
  partnershipId: string;
  key: string;
  kind: string;
  dueAt: Date;
  /** Occurrences of one series collapse: after downtime only the latest due one runs. */
  series: string;
  payload: Record<string, unknown>;
}

export interface DueOccurrence {
  id: string;
  partnershipId: string;
  key: string;
  kind: string;
  dueAt: Date;
  payload: Record<string, unknown> & { series?: string };
}

/** Writes planned occurrences to the database (the schedule survives restarts); returns how many were new. */
export async function recordOccurrences(prisma: PrismaClient, occurrences: Occurrence[]): Promise<number> {
  if (occurrences.length === 0) return 0;
  const { count } = await prisma.schedule.createMany({
    data: occurrences.map((o) => ({ partnershipId: o.partnershipId, key: o.key, kind: o.kind, dueAt: o.dueAt, payload: { ...o.payload, series: o.series } })),
    skipDuplicates: true,
  });
  return count;
}

/**
 * Locks the occurrences due by `now` that nobody has run, skipping rows another instance holds:
 * the caller runs them and marks them done in the same transaction, so each runs once.
 */
export async function takeDue(tx: Prisma.TransactionClient, now: Date, limit: number): Promise<DueOccurrence[]> {
  return tx.$queryRaw<DueOccurrence[]>`
    SELECT id, "partnershipId", key, kind, "dueAt", payload FROM "Schedule"
    WHERE "doneAt" IS NULL AND "dueAt" <= ${now}
    ORDER BY "dueAt", key
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
}

export async function markDone(tx: Prisma.TransactionClient, ids: string[], now: Date): Promise<void> {
  if (ids.length) await tx.schedule.updateMany({ where: { id: { in: ids } }, data: { doneAt: now } });
}

/** Groups due occurrences by series and keeps the latest of each; the rest were missed. */
export function collapse(due: DueOccurrence[]): Array<{ run: DueOccurrence; missed: DueOccurrence[] }> {
  const bySeries = new Map<string, DueOccurrence[]>();
  for (const d of due) {
    const series = `${d.kind}|${d.payload.series ?? d.key}`;
    bySeries.set(series, [...(bySeries.get(series) ?? []), d]);
  }
  return [...bySeries.values()].map((group) => {
    const sorted = [...group].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    return { run: sorted.at(-1)!, missed: sorted.slice(0, -1) };
  });
}
