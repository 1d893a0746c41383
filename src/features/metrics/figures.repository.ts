import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { MetricFacts } from './figure-answer.ts';
import { factsFor, selectorOf, type CountFact, type FigureRow } from './metric-facts.ts';
import { monthEnd, monthOfDate, monthStart, type MonthIndex } from './months.ts';
import { selectsAnything, type CategorySelector } from './police-categories.ts';

/** The metric columns the figures need. */
export const METRIC_SELECT = {
  id: true,
  key: true,
  name: true,
  unit: true,
  goodDirection: true,
  ragThresholds: true,
  policeCategories: true,
  sortOrder: true,
  priority: { select: { number: true } },
} as const;
export type MetricRow = Prisma.MetricGetPayload<{ select: typeof METRIC_SELECT }>;

/** Kinds of police file whose import dates stand behind computed figures. */
export const POLICE_BATCH_KINDS = ['mps-wide', 'mps-dashboard'];

const FIGURE_SELECT = {
  metricId: true,
  area: true,
  periodKind: true,
  periodEnd: true,
  periodLabel: true,
  value: true,
  source: true,
  publishedChange: true,
  publishedRag: true,
  sourceDocument: true,
  recordedAt: true,
} as const;

export interface Scope {
  partnershipId: string;
  borough: string;
  fyStartMonth: number;
  /** Only months (and figures ending) in this range; all when absent. */
  window?: { first: MonthIndex; last: MonthIndex };
}

/**
 * Everything the figures of some metrics are made from, in two queries whatever the number of
 * metrics or months: their current figures for the borough, and the borough's current police
 * counts for the categories they use.
 */
export async function loadFacts(
  prisma: PrismaClient,
  metrics: readonly MetricRow[],
  scope: Scope,
): Promise<MetricFacts[]> {
  const range = scope.window
    ? { gte: monthStart(scope.window.first), lte: monthEnd(scope.window.last) }
    : undefined;
  const selectors = metrics.map(selectorOf).filter(selectsAnything);
  const [figures, counts] = await Promise.all([
    prisma.figure.findMany({
      where: { metricId: { in: metrics.map((m) => m.id) }, supersededAt: null, periodEnd: range },
      select: FIGURE_SELECT,
    }),
    selectors.length === 0 ? [] : policeCounts(prisma, scope, selectors, range),
  ]);
  const area = scope.borough.toLowerCase();
  const mine: FigureRow[] = figures.filter((f) => f.area === '' || f.area.toLowerCase() === area);
  return metrics.map((m) => factsFor(m, mine, counts, scope.fyStartMonth));
}

async function policeCounts(
  prisma: PrismaClient,
  scope: Scope,
  selectors: readonly CategorySelector[],
  range: { gte: Date; lte: Date } | undefined,
): Promise<CountFact[]> {
  const rows = await prisma.policeCount.findMany({
    where: {
      partnershipId: scope.partnershipId,
      borough: scope.borough,
      supersededAt: null,
      month: range,
      ...categoryFilter(selectors),
    },
    select: { major: true, minor: true, month: true, count: true },
  });
  return rows.map((c) => ({ ...c, month: monthOfDate(c.month) }));
}

function categoryFilter(selectors: readonly CategorySelector[]): Prisma.PoliceCountWhereInput {
  if (selectors.some((s) => s.all)) return {};
  const majors = [...new Set(selectors.flatMap((s) => s.majors))];
  const pairs = selectors.flatMap((s) => s.pairs);
  return {
    OR: [
      ...(majors.length ? [{ major: { in: majors } }] : []),
      ...pairs.map((p) => ({ major: p.major, minor: p.minor })),
    ],
  };
}

/** When the police data behind computed figures was last imported. */
export async function lastPoliceImport(
  prisma: PrismaClient,
  partnershipId: string,
): Promise<Date | null> {
  const batch = await prisma.importBatch.findFirst({
    where: { partnershipId, kind: { in: POLICE_BATCH_KINDS } },
    orderBy: { importedAt: 'desc' },
    select: { importedAt: true },
  });
  return batch?.importedAt ?? null;
}

/**
 * The latest month, not after `notAfter`, with any figure of the metric (its latest figure's end,
 * read with the metric) or, when it is made of police categories, any police count of the
 * borough (an index-only maximum); null when there is none. At most one statement whatever the
 * history.
 */
export async function latestDataMonth(
  prisma: PrismaClient,
  metric: MetricRow,
  scope: Pick<Scope, 'partnershipId' | 'borough'>,
  notAfter: MonthIndex,
  /** The latest figure's end, read with the metric (`latestFigureSelect`): null for none. */
  figureEnd: Date | null,
): Promise<MonthIndex | null> {
  const until = monthEnd(notAfter);
  const counts = selectsAnything(selectorOf(metric))
    ? await prisma.policeCount.aggregate({
        where: { partnershipId: scope.partnershipId, borough: scope.borough, supersededAt: null, month: { lte: until } },
        _max: { month: true },
      })
    : undefined;
  const months = [figureEnd, counts?._max.month]
    .filter((d): d is Date => d instanceof Date)
    .map(monthOfDate);
  return months.length ? Math.max(...months) : null;
}

/**
 * The metric's latest current figure ending by `notAfter`, to read with the metric itself
 * (`figures: latestFigureSelect(…)` in its select) and so spare `latestDataMonth` a statement.
 */
export const latestFigureSelect = (notAfter: MonthIndex) => ({
  where: { supersededAt: null, periodEnd: { lte: monthEnd(notAfter) } },
  orderBy: { periodEnd: 'desc' as const },
  take: 1,
  select: { periodEnd: true },
});
