import { DomainError } from '../../domain-error.ts';
import { figureAnswer, type FigureAnswer, type MetricFacts } from './figure-answer.ts';
import {
  lastPoliceImport,
  loadFacts,
  METRIC_SELECT,
  type MetricRow,
} from './figures.repository.ts';
import type { MetricsContext } from './metrics-import.service.ts';
import { isoDay, monthEnd, monthOfDate, parseMonthKey, type MonthIndex } from './months.ts';
import { resolveBorough } from './partnership-borough.ts';
import { previousRollingYear, rollingYearLabel, rollingYearMonths } from './rolling-year.ts';

/** The board's crime performance table: one row per metric, two rolling years side by side. */
export interface CrimeTable {
  partnershipId: string;
  borough: string;
  /** Last day of the current rolling year, YYYY-MM-DD. */
  periodEnd: string;
  previousLabel: string;
  currentLabel: string;
  /** Each row's `previous` and the row itself (current): value, % as printed or computed, RAG. */
  rows: FigureAnswer[];
}

/**
 * The crime performance table in the seeds' layout (metric, rolling year previous, rolling year
 * current, % difference, RAG) for the rolling year ending in `periodEnd`'s month: published
 * figures where the board has them, computed ones otherwise. Metrics with no figure for either
 * year are left out. Rows come in priority order, then by name.
 */
export async function crimeTable(
  ctx: MetricsContext,
  partnershipId: string,
  periodEnd: string | Date,
): Promise<CrimeTable> {
  const end = monthOf(periodEnd);
  const prisma = ctx.db.prisma;
  const partnership = await prisma.partnership.findUnique({
    where: { id: partnershipId },
    select: { id: true, fyStartMonth: true },
  });
  if (!partnership)
    throw new DomainError('metrics.no-partnership', 'That partnership no longer exists.');
  const [metrics, borough, importedAt] = await Promise.all([
    prisma.metric.findMany({ where: { partnershipId }, select: METRIC_SELECT }),
    resolveBorough(prisma, partnershipId),
    lastPoliceImport(prisma, partnershipId),
  ]);
  const window = { first: rollingYearMonths(previousRollingYear(end)).first, last: end };
  const facts = await loadFacts(prisma, metrics, {
    partnershipId,
    borough,
    fyStartMonth: partnership.fyStartMonth,
    window,
  });
  return {
    partnershipId,
    borough,
    periodEnd: isoDay(monthEnd(end)),
    previousLabel: rollingYearLabel(previousRollingYear(end)),
    currentLabel: rollingYearLabel(end),
    rows: tableRows(facts, metrics, end, importedAt),
  };
}

/** Metrics with a figure for either year, in the board's order (the partnership file's). */
function tableRows(
  facts: readonly MetricFacts[],
  metrics: readonly MetricRow[],
  end: MonthIndex,
  importedAt: Date | null,
): FigureAnswer[] {
  const order = new Map(metrics.map((m) => [m.id, m.sortOrder]));
  const rank = (row: FigureAnswer) => order.get(row.metric.id) ?? 0;
  return facts
    .map((f) => figureAnswer(f, { kind: 'ROLLING_YEAR', end }, importedAt))
    .filter((row) => row.value !== null || row.previous.value !== null)
    .sort((a, b) => rank(a) - rank(b) || a.metric.name.localeCompare(b.metric.name));
}

function monthOf(periodEnd: string | Date): MonthIndex {
  const end = periodEnd instanceof Date ? monthOfDate(periodEnd) : parseMonthKey(periodEnd);
  if (end === undefined)
    throw new DomainError(
      'metrics.bad-period',
      `"${String(periodEnd)}" is not a month written YYYY-MM.`,
    );
  return end;
}
