import { DateTime } from 'luxon';
import { Prisma } from '../../generated/prisma/client.ts';
import { dateOnly, enumOf, isoDate } from './import-lookup.ts';
import type { PartnershipFile } from './partnership-file.schemas.ts';
import type { ImportRun } from './sync-record.ts';
import { pruneRows, syncTable } from './sync-table.ts';
import { syncVersioned } from './sync-versioned.ts';

type FileMetric = PartnershipFile['metrics'][number];

/** Where the partnership's figures are for when the file names no borough. */
export const DEFAULT_AREA = 'Bromley';

/** The last day of a YYYY-MM month: a figure's period end. */
export function monthEnd(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return DateTime.fromObject({ year, month: m }, { zone: 'UTC' }).endOf('month').toISODate()!;
}

/**
 * Metrics by key, then their published figures, versioned like RAG ratings so a corrected figure
 * keeps the one it replaces. Computed figures (from police data) are never touched here.
 */
export async function importMetrics(
  run: ImportRun,
  file: PartnershipFile,
  priorities: ReadonlyMap<string, string>,
): Promise<void> {
  run.step = 'metrics';
  const { tx, partnershipId } = run;
  const existing = await tx.metric.findMany({ where: { partnershipId } });
  const { idOf, missing } = await syncTable(run, {
    entity: 'Metric',
    noun: 'metric',
    existing,
    keyOf: (row) => row.key,
    refOf: (row) => row.key,
    wanted: file.metrics.map((m, sortOrder) => ({
      key: m.key,
      ref: m.key,
      data: { ...metricData(m, partnershipId, priorities), sortOrder },
    })),
    create: (rows) => tx.metric.createMany({ data: rows }),
    update: (id, changes) => tx.metric.update({ where: { id }, data: changes }),
  });
  await importFigures(run, file, idOf);
  run.step = 'metrics';
  await pruneRows(
    run,
    missing,
    { entity: 'Metric', refOf: (row) => row.key, after: { deleted: true } },
    (ids) => tx.metric.deleteMany({ where: { id: { in: ids } } }),
  );
}

function metricData(m: FileMetric, partnershipId: string, priorities: ReadonlyMap<string, string>) {
  const json = (value: object | undefined): Prisma.InputJsonValue | typeof Prisma.DbNull =>
    value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);
  return {
    partnershipId,
    key: m.key,
    name: m.name,
    aliases: m.aliases,
    priorityId: m.priority === undefined ? null : (priorities.get(String(m.priority)) ?? null),
    unit: m.unit,
    goodDirection: enumOf(m.goodDirection),
    ragThresholds: json(m.ragThresholds),
    policeCategories: json(m.policeCategories),
  };
}

async function importFigures(
  run: ImportRun,
  file: PartnershipFile,
  metricIds: ReadonlyMap<string, string>,
): Promise<void> {
  run.step = 'metrics[].figures';
  const { tx, partnershipId } = run;
  const area = file.partnership.borough ?? DEFAULT_AREA;
  const rows = await tx.figure.findMany({
    where: { metric: { partnershipId }, source: 'PUBLISHED' },
    include: { metric: { select: { key: true } } },
  });
  await syncVersioned(run, {
    entity: 'Figure',
    noun: 'figure',
    rows,
    keyOf: (row) => `${row.metricId}|${row.area}|${row.periodKind}|${isoDate(row.periodEnd)}`,
    refOf: (row) => `${row.metric.key} ${row.periodLabel} (${row.area})`,
    wanted: file.metrics.flatMap((m) =>
      m.figures.map((f) => {
        const metricId = metricIds.get(m.key)!;
        const data = {
          metricId,
          area: f.area ?? area,
          periodKind: enumOf(f.kind),
          periodEnd: dateOnly(monthEnd(f.end)),
          periodLabel: f.label,
          value: Math.round(f.value * 100) / 100,
          source: 'PUBLISHED' as const,
          publishedChange: f.publishedChange ?? null,
          publishedRag: f.publishedRag ?? null,
          sourceDocument: f.source ?? null,
        };
        return {
          key: `${metricId}|${data.area}|${data.periodKind}|${monthEnd(f.end)}`,
          ref: `${m.key} ${f.label} (${data.area})`,
          data,
        };
      }),
    ),
    create: (created) =>
      tx.figure.createMany({ data: created.map((f) => ({ ...f, recordedAt: run.now })) }),
    supersede: (ids, at) =>
      tx.figure.updateMany({ where: { id: { in: ids } }, data: { supersededAt: at } }),
  });
}
