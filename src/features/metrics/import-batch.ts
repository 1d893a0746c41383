import type { Prisma } from '../../generated/prisma/client.ts';
import { writeFigures } from './figures.writer.ts';
import type { ImportPlan } from './import-plan.ts';
import type { ImportOptions, MetricsFile } from './metrics.schemas.ts';
import { writePoliceCounts } from './police-counts.writer.ts';
import type { WriteTally } from './versioning.ts';

/** Where and when a file is being imported, and by whom. */
export interface ImportTarget {
  partnershipId: string;
  borough: string;
  file: string;
  sha256: string;
  now: Date;
  opts: ImportOptions;
}

/** The writes of one import, inside its transaction: the batch, the rows, the summary, the audit entry. */
export async function recordImport(
  tx: Prisma.TransactionClient,
  file: MetricsFile,
  plan: ImportPlan,
  t: ImportTarget,
): Promise<{ batchId: string; written: WriteTally }> {
  const batch = await tx.importBatch.create({
    data: {
      partnershipId: t.partnershipId,
      kind: file.format,
      fileName: t.file,
      sha256: t.sha256,
      importedById: t.opts.actorId ?? null,
      importedAt: t.now,
    },
  });
  const written = await writeRows(tx, plan, t, batch.id);
  const summary = summaryOf(file, t.borough, plan, written);
  await tx.importBatch.update({ where: { id: batch.id }, data: { summary } });
  await tx.auditEntry.create({
    data: {
      partnershipId: t.partnershipId,
      at: t.now,
      actorId: t.opts.actorId ?? null,
      actorLabel: t.opts.actorLabel ?? 'metrics import',
      action: 'metrics.import',
      entity: 'ImportBatch',
      entityId: batch.id,
      entityRef: t.file,
      after: { ...summary, sha256: t.sha256 },
    },
  });
  return { batchId: batch.id, written };
}

function writeRows(
  tx: Prisma.TransactionClient,
  plan: ImportPlan,
  t: ImportTarget,
  importBatchId: string,
): Promise<WriteTally> {
  if (plan.counts.length > 0) {
    const { partnershipId, borough, now } = t;
    return writePoliceCounts(tx, { partnershipId, borough, importBatchId, now, rows: plan.counts });
  }
  return writeFigures(tx, {
    importBatchId,
    sourceDocument: t.file,
    now: t.now,
    figures: plan.figures,
  });
}

/** What ImportBatch.summary and the audit entry keep of an import. */
function summaryOf(file: MetricsFile, borough: string, plan: ImportPlan, written: WriteTally) {
  return {
    format: file.format,
    ...(file.format === 'mps-wide' ? { header: file.header } : {}),
    borough,
    rows: plan.rows,
    rowsUsed: plan.rowsUsed,
    months: plan.months,
    boroughs: plan.boroughs,
    categories: plan.categories,
    skipped: plan.skipped,
    written: { ...written },
  };
}
