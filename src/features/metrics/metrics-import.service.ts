import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { recordImport } from './import-batch.ts';
import { planImport, type ImportPlan } from './import-plan.ts';
import type { ImportReport } from './import-report.ts';
import { MAX_FILE_BYTES, parseMetricsFile } from './metrics-file.parser.ts';
import { MetricsFileError } from './metrics-file.error.ts';
import { ImportOptionsSchema, type ImportOptions, type MetricsFile } from './metrics.schemas.ts';
import { resolveBorough, resolvePartnership } from './partnership-borough.ts';

/** What the metrics services need of the application. */
export type MetricsContext = Pick<AppContext, 'db' | 'clock'>;

export { formatImportReport, type ImportReport } from './import-report.ts';

/**
 * Imports a police or figures file for one borough of a partnership: the Met's wide borough files
 * become PoliceCount rows, dashboard and plain files become the metrics' figures. Validated in
 * full before anything is written (a MetricsFileError names the line and reason), written in one
 * transaction with an ImportBatch and an audit entry, idempotent (the same file again, by sha256,
 * changes nothing; the same values again are left alone), and a changed value supersedes the
 * earlier one with history kept.
 */
export async function importPoliceFile(
  ctx: MetricsContext,
  filePath: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const opts = checkedOptions(options);
  const bytes = await readLimited(filePath);
  return importPoliceBytes(ctx, { name: basename(filePath), bytes }, opts);
}

/** The same for a file's content already in memory (a file sent to the bot in chat); at most MAX_FILE_BYTES. */
export async function importPoliceBytes(
  ctx: MetricsContext,
  upload: { name: string; bytes: Uint8Array },
  options: ImportOptions = {},
): Promise<ImportReport> {
  const opts = checkedOptions(options);
  if (upload.bytes.byteLength > MAX_FILE_BYTES) throw tooBig(upload.bytes.byteLength);
  const { file, plan, partnershipId, base } = await readAndPlan(ctx, upload, opts);
  const { counts: _c, figures: _f, ...seen } = plan;
  const earlier = await earlierImport(ctx.db.prisma, partnershipId, base.sha256, base.borough);
  if (earlier) {
    const unchanged = plan.counts.length + plan.figures.length;
    const written = { new: 0, revised: 0, unchanged };
    return { ...base, ...seen, batchId: null, alreadyImportedAt: earlier, written };
  }
  const target = { ...base, partnershipId, now: ctx.clock.now(), opts };
  const { batchId, written } = await ctx.db.prisma.$transaction(
    (tx) => recordImport(tx, file, plan, target),
    { timeout: 300_000 },
  );
  return { ...base, ...seen, batchId, alreadyImportedAt: null, written };
}

/** Reads, checks and plans the file; nothing is written. */
async function readAndPlan(
  ctx: MetricsContext,
  { name, bytes }: { name: string; bytes: Uint8Array },
  opts: ImportOptions,
) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const prisma = ctx.db.prisma;
  const partnership = await resolvePartnership(prisma, opts.partnershipId);
  const file = parseMetricsFile(new TextDecoder('utf-8').decode(bytes), partnership.fyStartMonth);
  const borough = await resolveBorough(prisma, partnership.id, opts.borough, boroughsIn(file));
  const plan = await planImport(prisma, file, {
    partnershipId: partnership.id,
    borough,
    fyStartMonth: partnership.fyStartMonth,
  });
  const base = {
    file: name,
    format: file.format,
    ...(file.format === 'mps-wide' ? { header: file.header } : {}),
    sha256,
    partnership: partnership.slug,
    borough,
  };
  return { file, plan, partnershipId: partnership.id, base };
}

function checkedOptions(options: ImportOptions): ImportOptions {
  const parsed = ImportOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new DomainError('metrics.bad-options', `Cannot import with these options (${problems}).`);
}

function boroughsIn(file: MetricsFile): string[] {
  if (file.format !== 'plain') return [...new Set<string>(file.rows.map((r) => r.borough))];
  return [...new Set(file.rows.flatMap((r) => (r.area ? [r.area] : [])))];
}

async function readLimited(filePath: string): Promise<Buffer> {
  const info = await stat(filePath).catch(() => undefined);
  if (!info?.isFile()) throw new MetricsFileError(undefined, `no file at ${filePath}`);
  if (info.size > MAX_FILE_BYTES) throw tooBig(info.size);
  return readFile(filePath);
}

export function tooBig(bytes: number): MetricsFileError {
  return new MetricsFileError(
    undefined,
    `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB`,
  );
}

/** When this file (by content) was last imported for this borough, if it was. */
async function earlierImport(
  prisma: PrismaClient,
  partnershipId: string,
  sha256: string,
  borough: string,
): Promise<Date | undefined> {
  const batches = await prisma.importBatch.findMany({
    where: { partnershipId, sha256 },
    select: { importedAt: true, summary: true },
    orderBy: { importedAt: 'desc' },
  });
  const same = batches.find(
    (b) =>
      String((b.summary as { borough?: unknown } | null)?.borough ?? '').toLowerCase() ===
      borough.toLowerCase(),
  );
  return same?.importedAt;
}
