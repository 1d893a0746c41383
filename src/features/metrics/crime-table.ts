import { DomainError } from '../../domain-error.ts';
import { figureAnswer, type FigureAnswer, type MetricFacts } from './figure-answer.ts';
import {
  lastPoliceImport,
  loadFacts,
  METRIC_SELECT,
  type MetricRow,
} from './figures.repository.ts';
import type { MetricsContext } from './metrics-import.service.ts';
import { isoDay, monthEnd, monthOfDate, monthStart, parseMonthKey, type MonthIndex } from './months.ts';
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
 * figures where the board has them, computed ones otherwise. A metric is a row when it has a
 * figure for the year and something to compare it with (see tableRows). Rows come in priority
 * order, then by name.
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

/**
 * Metrics the table can compare, in the board's order (the partnership file's): a figure for the
 * year and either one for the year before or a printed change. A figure quoted alone in a paper's
 * text (residential burglary's 1,139) is not a row of the board's table.
 */
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
    .filter((row) => row.value !== null && (row.previous.value !== null || row.changeText !== null))
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

/**
 * The month the latest crime table is for ("YYYY-MM"): the rolling-year end that most metrics
 * have a published figure for (the board's last table; the later of equals), else the last
 * month of police data that has ended. Undefined when there are no figures at all.
 */
export async function latestTableMonth(
  ctx: MetricsContext,
  partnershipId: string,
): Promise<string | undefined> {
  const prisma = ctx.db.prisma;
  const ends = await prisma.figure.groupBy({
    by: ['periodEnd'],
    where: {
      metric: { partnershipId },
      periodKind: 'ROLLING_YEAR',
      source: 'PUBLISHED',
      supersededAt: null,
      periodEnd: { lte: ctx.clock.now() },
    },
    _count: { _all: true },
  });
  const best = ends.sort(
    (a, b) => b._count._all - a._count._all || b.periodEnd.getTime() - a.periodEnd.getTime(),
  )[0];
  if (best) return isoDay(best.periodEnd).slice(0, 7);
  const counts = await prisma.policeCount.aggregate({
    where: { partnershipId, supersededAt: null, month: { lt: monthStart(monthOfDate(ctx.clock.now())) } },
    _max: { month: true },
  });
  return counts._max.month ? isoDay(counts._max.month).slice(0, 7) : undefined;
}
