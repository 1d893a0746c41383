import type { Prisma } from '../../generated/prisma/client.ts';
import { monthOfDate, monthStart, type MonthIndex } from './months.ts';
import { chunks, planVersions, type WriteTally } from './versioning.ts';

/** A month's count for a category (canonical spelling) in the borough. */
export interface CountRow {
  major: string;
  minor: string;
  month: MonthIndex;
  count: number;
}

export interface CountBatch {
  partnershipId: string;
  borough: string;
  importBatchId: string;
  now: Date;
  rows: readonly CountRow[];
}

/**
 * Writes a file's counts for one borough (`month` is the month's first day). A month held with
 * the same count is left alone; a different count supersedes it (the old version keeps its value
 * and gets `supersededAt`), so police revisions keep their history. A few statements whatever the
 * size: read the current rows, supersede, insert.
 */
export async function writePoliceCounts(
  tx: Prisma.TransactionClient,
  batch: CountBatch,
): Promise<WriteTally> {
  if (batch.rows.length === 0) return { new: 0, revised: 0, unchanged: 0 };
  const months = batch.rows.map((r) => r.month);
  const current = await tx.policeCount.findMany({
    where: {
      partnershipId: batch.partnershipId,
      borough: batch.borough,
      supersededAt: null,
      month: { gte: monthStart(Math.min(...months)), lte: monthStart(Math.max(...months)) },
    },
    select: { id: true, major: true, minor: true, month: true, count: true, version: true },
  });
  const held = new Map(current.map((c) => [`${c.major}|${c.minor}|${monthOfDate(c.month)}`, c]));
  const plan = planVersions(batch.rows, held, {
    keyOf: (row) => `${row.major}|${row.minor}|${row.month}`,
    same: (old, row) => old.count === row.count,
    insert: (row, version): Prisma.PoliceCountCreateManyInput => ({
      partnershipId: batch.partnershipId,
      borough: batch.borough,
      major: row.major,
      minor: row.minor,
      month: monthStart(row.month),
      count: row.count,
      version,
      importBatchId: batch.importBatchId,
    }),
  });
  for (const ids of chunks(plan.superseded))
    await tx.policeCount.updateMany({
      where: { id: { in: ids } },
      data: { supersededAt: batch.now },
    });
  for (const data of chunks(plan.inserts)) await tx.policeCount.createMany({ data });
  return plan.tally;
}
