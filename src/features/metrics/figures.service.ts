import { DomainError } from '../../domain-error.ts';
import { localDate } from '../../time/financial-year.ts';
import {
  figureAnswer,
  periodFigure,
  type FigureAnswer,
  type MetricFacts,
  type MetricInfo,
  type PeriodFigure,
} from './figure-answer.ts';
import { lastPoliceImport, latestDataMonth, latestFigureSelect, loadFacts, METRIC_SELECT } from './figures.repository.ts';
import type { MetricsContext } from './metrics-import.service.ts';
import { parseMonthKey, type MonthIndex } from './months.ts';
import { resolveBorough } from './partnership-borough.ts';
import { latestComputedEnd } from './period-values.ts';
import { canEndIn, trendStep, type ComputedKind } from './periods.ts';

export type { FigureAnswer, PeriodFigure } from './figure-answer.ts';
export { crimeTable, type CrimeTable } from './crime-table.ts';

/** A run of figures for a chart, oldest first; a period with no figure has a null value. */
export interface Trend {
  metric: MetricInfo;
  kind: ComputedKind;
  points: PeriodFigure[];
}

/**
 * The latest figure of a metric for the kind of period (a month, a financial-year quarter, a
 * rolling year), among periods that have ended by now: the published figure where there is one
 * (the computed one kept alongside), compared with the same period a year before. Undefined when
 * there is none.
 */
export async function latestFigure(
  ctx: MetricsContext,
  metricId: string,
  kind: ComputedKind,
): Promise<FigureAnswer | undefined> {
  const { facts, importedAt } = await metricFacts(ctx, metricId);
  const end = latestEnd(facts, kind, lastEndedMonth(ctx));
  return end === null ? undefined : figureAnswer(facts, { kind, end }, importedAt);
}

/** A metric's figure for a given period ("YYYY-MM", the period's last month); undefined when it cannot end then. */
export async function figureFor(
  ctx: MetricsContext,
  metricId: string,
  kind: ComputedKind,
  periodEnd: string,
): Promise<FigureAnswer | undefined> {
  const end = parseMonthKey(periodEnd);
  if (end === undefined)
    throw new DomainError('metrics.bad-period', `"${periodEnd}" is not a month written YYYY-MM.`);
  const { facts, importedAt } = await metricFacts(ctx, metricId);
  if (!canEndIn(kind, end, facts.fyStartMonth)) return undefined;
  return figureAnswer(facts, { kind, end }, importedAt);
}

/** The last `count` periods of the kind up to the latest one, for a chart (months step one at a time for rolling years). */
export async function trend(
  ctx: MetricsContext,
  metricId: string,
  kind: ComputedKind,
  count: number,
): Promise<Trend | undefined> {
  const { facts } = await metricFacts(ctx, metricId);
  const last = latestEnd(facts, kind, lastEndedMonth(ctx));
  if (last === null) return undefined;
  const step = trendStep(kind);
  const n = Math.max(1, Math.min(Math.floor(count), 240));
  const points = Array.from({ length: n }, (_, i) =>
    periodFigure(facts, { kind, end: last - (n - 1 - i) * step }),
  );
  return { metric: facts.metric, kind, points };
}

/** The last month that has ended, in London, by the context's clock. */
export function lastEndedMonth(ctx: Pick<MetricsContext, 'clock'>): MonthIndex {
  return parseMonthKey(localDate(ctx.clock.now()))! - 1;
}

/** The latest period end with a figure, published or computed, not after `notAfter`. */
export function latestEnd(
  facts: MetricFacts,
  kind: ComputedKind,
  notAfter: MonthIndex,
): MonthIndex | null {
  let best = latestComputedEnd(kind, facts.monthly, notAfter, facts.fyStartMonth);
  for (const figure of facts.published.values())
    if (
      figure.periodKind === kind &&
      figure.end <= notAfter &&
      (best === null || figure.end > best)
    )
      best = figure.end;
  return best;
}

/** A metric by id, or by its key within a partnership (as a question names it). */
export type MetricRef = { id: string } | { partnershipId_key: { partnershipId: string; key: string } };

export interface FactsOf {
  facts: MetricFacts;
  /** When the police data behind computed figures came in. */
  importedAt: Date | null;
  borough: string;
}

/** A metric's facts for its partnership's borough; throws when the id names no metric. */
export async function metricFacts(ctx: MetricsContext, metricId: string): Promise<FactsOf> {
  const found = await findFacts(ctx, { id: metricId });
  if (!found) throw new DomainError('metrics.no-metric', 'That metric no longer exists.');
  return found;
}

/**
 * How far back a figure answer reads, from the latest month with data: the quoted period (a year
 * at most), the same period a year before, and a year's slack, so the answer does not grow with
 * twenty years of history.
 */
const RECENT_MONTHS = 48;

/**
 * The same by id or by key; undefined when no such metric. `recent` reads only the last
 * RECENT_MONTHS up to the latest month with data (one more statement), for answers about now.
 */
export async function findFacts(
  ctx: MetricsContext,
  ref: MetricRef,
  recent = false,
): Promise<FactsOf | undefined> {
  const prisma = ctx.db.prisma;
  const notAfter = lastEndedMonth(ctx);
  const metric = await prisma.metric.findUnique({
    where: ref,
    select: {
      ...METRIC_SELECT,
      partnership: { select: { id: true, fyStartMonth: true, borough: true } },
      figures: latestFigureSelect(notAfter),
    },
  });
  if (!metric) return undefined;
  const { partnership } = metric;
  const borough = partnership.borough ?? (await resolveBorough(prisma, partnership.id));
  const scope = { partnershipId: partnership.id, borough, fyStartMonth: partnership.fyStartMonth };
  const last = recent ? await latestDataMonth(prisma, metric, scope, notAfter, metric.figures[0]?.periodEnd ?? null) : null;
  const window = last === null ? {} : { window: { first: last - RECENT_MONTHS + 1, last } };
  const [[facts], importedAt] = await Promise.all([
    loadFacts(prisma, [metric], { ...scope, ...window }),
    lastPoliceImport(prisma, partnership.id),
  ]);
  return { facts: facts!, importedAt, borough };
}
