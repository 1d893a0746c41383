import type { FigureSource, PeriodKind, Prisma } from '../../generated/prisma/client.ts';
import { isoDay } from './months.ts';
import { chunks, planVersions, type WriteTally } from './versioning.ts';

/** A figure as a file gives it. */
export interface FigureInput {
  metricId: string;
  area: string;
  periodKind: PeriodKind;
  periodEnd: Date;
  periodLabel: string;
  value: number;
  source: FigureSource;
  publishedChange?: string | undefined;
  publishedRag?: string | undefined;
}

export interface FigureBatch {
  importBatchId: string;
  sourceDocument: string;
  now: Date;
  figures: readonly FigureInput[];
}

type KeyFields = {
  metricId: string;
  area: string;
  periodKind: string;
  periodEnd: Date;
  source: string;
};
const keyOf = (f: KeyFields) =>
  `${f.metricId}|${f.area.toLowerCase()}|${f.periodKind}|${isoDay(f.periodEnd)}|${f.source}`;

const HELD_SELECT = {
  id: true,
  metricId: true,
  area: true,
  periodKind: true,
  periodEnd: true,
  source: true,
  value: true,
  version: true,
  publishedChange: true,
  publishedRag: true,
} as const;

/**
 * Writes figures from a file, versioned like police counts: the same value (and printed change
 * and RAG) is left alone, a different one supersedes the current version and keeps it as history.
 */
export async function writeFigures(
  tx: Prisma.TransactionClient,
  batch: FigureBatch,
): Promise<WriteTally> {
  if (batch.figures.length === 0) return { new: 0, revised: 0, unchanged: 0 };
  const metricIds = [...new Set(batch.figures.map((f) => f.metricId))];
  const current = await tx.figure.findMany({
    where: { metricId: { in: metricIds }, supersededAt: null },
    select: HELD_SELECT,
  });
  const plan = planVersions(batch.figures, new Map(current.map((f) => [keyOf(f), f])), {
    keyOf,
    same: (old, figure) =>
      Number(old.value.toString()) === figure.value &&
      (old.publishedChange ?? undefined) === figure.publishedChange &&
      (old.publishedRag ?? undefined) === figure.publishedRag,
    insert: (figure, version, old): Prisma.FigureCreateManyInput => ({
      ...figure,
      area: old?.area ?? figure.area,
      publishedChange: figure.publishedChange ?? null,
      publishedRag: figure.publishedRag ?? null,
      sourceDocument: batch.sourceDocument,
      version,
      importBatchId: batch.importBatchId,
      recordedAt: batch.now,
    }),
  });
  for (const ids of chunks(plan.superseded))
    await tx.figure.updateMany({ where: { id: { in: ids } }, data: { supersededAt: batch.now } });
  for (const data of chunks(plan.inserts)) await tx.figure.createMany({ data });
  return plan.tally;
}
