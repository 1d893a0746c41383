import type { PrismaClient } from '../../generated/prisma/client.ts';
import { dashboardFigures, plainFigures } from './figure-rows.ts';
import type { FigureInput } from './figures.writer.ts';
import { MetricNames } from './metric-names.ts';
import { MetricsFileError } from './metrics-file.error.ts';
import type { DashboardFile, MetricsFile, PlainFile, WideFile } from './metrics.schemas.ts';
import { monthKey, monthOfDate, type MonthIndex } from './months.ts';
import { categoryKey } from './police-categories.ts';
import type { CountRow } from './police-counts.writer.ts';

/** What a file says, before anything is written: the rows to write and what the report tells. */
export interface ImportPlan {
  counts: CountRow[];
  figures: FigureInput[];
  rows: number;
  rowsUsed: number;
  months: { first: string; last: string; count: number } | null;
  boroughs: string[];
  /** Police categories ("BURGLARY / RES BURGLARY OF A HOME") or metric names. */
  categories: string[];
  skipped: string[];
}

/** Turns a parsed file into the rows to write for the borough; a file with nothing for it is rejected. */
export async function planImport(
  prisma: PrismaClient,
  file: MetricsFile,
  target: PlanTarget,
): Promise<ImportPlan> {
  if (file.format === 'mps-wide') return planWide(file, target.borough);
  const metrics = await prisma.metric.findMany({
    where: { partnershipId: target.partnershipId },
    select: { id: true, key: true, name: true, aliases: true },
    orderBy: { key: 'asc' },
  });
  const names = new MetricNames(metrics);
  return file.format === 'plain'
    ? planPlain(file, names, target)
    : planDashboard(file, names, target.borough);
}

interface PlanTarget {
  partnershipId: string;
  borough: string;
  fyStartMonth: number;
}

const nameOf = (names: MetricNames, id: string) =>
  names.metrics.find((m) => m.id === id)?.name ?? id;

function planPlain(file: PlainFile, names: MetricNames, target: PlanTarget): ImportPlan {
  const figures = plainFigures(file, target.borough, names, target.fyStartMonth);
  return {
    counts: [],
    figures,
    rows: file.rows.length,
    rowsUsed: file.rows.length,
    months: span(figures.map((f) => monthOfDate(f.periodEnd))),
    boroughs: distinct(figures.map((f) => f.area)),
    categories: distinct(figures.map((f) => nameOf(names, f.metricId))),
    skipped: [],
  };
}

function planDashboard(file: DashboardFile, names: MetricNames, borough: string): ImportPlan {
  const mapped = dashboardFigures(file, borough, names);
  if (mapped.months.length === 0) throw noRowsFor(borough, mapped.boroughs);
  if (mapped.figures.length === 0)
    throw new MetricsFileError(
      undefined,
      `none of the offences in the file (${mapped.unmatched.join('; ')}) is named like a metric of the partnership (or one of its aliases)`,
    );
  const skipped = [
    ...(mapped.unmatched.length ? [`offences with no metric: ${mapped.unmatched.join('; ')}`] : []),
    ...(mapped.otherMeasures.length
      ? [`measures other than Offences: ${mapped.otherMeasures.join(', ')}`]
      : []),
  ];
  return {
    counts: [],
    figures: mapped.figures,
    rows: file.rows.length,
    rowsUsed: mapped.rowsUsed,
    months: span(mapped.months),
    boroughs: mapped.boroughs,
    categories: distinct(mapped.figures.map((f) => nameOf(names, f.metricId))),
    skipped,
  };
}

function planWide(file: WideFile, borough: string): ImportPlan {
  const boroughs = distinct(file.rows.map((r) => r.borough));
  const rows = file.rows.filter((r) => categoryKey(r.borough) === categoryKey(borough));
  if (rows.length === 0) throw noRowsFor(borough, boroughs);
  const counts = rows.flatMap((row) =>
    file.months.map((month, i) => ({
      major: row.major,
      minor: row.minor,
      month,
      count: row.counts[i]!,
    })),
  );
  return {
    counts,
    figures: [],
    rows: file.rows.length,
    rowsUsed: rows.length,
    months: span(file.months),
    boroughs,
    categories: distinct(rows.map((r) => `${r.major} / ${r.minor}`)),
    skipped: [],
  };
}

function noRowsFor(borough: string, boroughs: string[]): MetricsFileError {
  return new MetricsFileError(
    undefined,
    `the file has no rows for ${borough} (boroughs in it: ${boroughs.join(', ') || 'none'})`,
  );
}

function span(months: readonly MonthIndex[]): ImportPlan['months'] {
  if (months.length === 0) return null;
  let first = months[0]!;
  let last = first;
  for (const m of months) {
    if (m < first) first = m;
    if (m > last) last = m;
  }
  return { first: monthKey(first), last: monthKey(last), count: new Set(months).size };
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
