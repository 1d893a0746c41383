import {
  figureAnswer,
  periodFigure,
  type FigureAnswer,
  type MetricFacts,
  type MetricInfo,
} from './figure-answer.ts';
import { findFacts, lastEndedMonth, latestEnd, type MetricRef, type Trend } from './figures.service.ts';
import type { MetricsContext } from './metrics-import.service.ts';
import type { MonthIndex } from './months.ts';
import { monthSpan } from './period-values.ts';
import { COMPUTED_KINDS, type ComputedKind } from './periods.ts';

/** How many months a chart of monthly counts covers: two years shows the seasonal pattern twice. */
const CHART_MONTHS = 24;
/** At most this many published figures in a chart drawn from the board's papers alone. */
const CHART_PUBLISHED = 20;

/** What a chat answer about one metric shows: the figure to quote and, when asked, more beside it. */
export interface MetricView {
  metric: MetricInfo;
  /** Undefined when the metric has no figure at all. */
  quoted?: FigureAnswer;
  /** The police borough the figures are for. */
  area: string;
  /** Year-on-year comparisons for shorter periods (latest quarter, latest month), when data has them. */
  alsoCompared: FigureAnswer[];
}

/**
 * The figure the board would quote: the rolling year (the board's measure) where there is one,
 * else the latest period of the kind the latest published figure has, else any computed period.
 * Each comes with the same period a year before. Undefined when there is no such metric.
 */
export async function metricView(
  ctx: MetricsContext,
  metric: MetricRef,
  compare: boolean,
): Promise<MetricView | undefined> {
  const found = await findFacts(ctx, metric, true);
  if (!found) return undefined;
  const { facts, importedAt, borough } = found;
  const notAfter = lastEndedMonth(ctx);
  const kind = quotedKind(facts, notAfter);
  if (!kind) return { metric: facts.metric, area: borough, alsoCompared: [] };
  const answerFor = (k: ComputedKind) => {
    const end = latestEnd(facts, k, notAfter);
    return end === null ? undefined : figureAnswer(facts, { kind: k, end }, importedAt);
  };
  const quoted = answerFor(kind)!;
  const shorter: ComputedKind[] = compare ? ['QUARTER', 'MONTH'] : [];
  const alsoCompared = shorter
    .filter((k) => k !== kind)
    .map(answerFor)
    .filter((a): a is FigureAnswer => a !== undefined && a.previous.value !== null);
  return { metric: facts.metric, quoted, area: borough, alsoCompared };
}

function quotedKind(facts: MetricFacts, notAfter: MonthIndex): ComputedKind | undefined {
  if (latestEnd(facts, 'ROLLING_YEAR', notAfter) !== null) return 'ROLLING_YEAR';
  let newest: { kind: ComputedKind; end: MonthIndex } | undefined;
  for (const f of facts.published.values()) {
    const kind = f.periodKind as ComputedKind;
    if (COMPUTED_KINDS.includes(kind) && f.end <= notAfter && (!newest || f.end > newest.end))
      newest = { kind, end: f.end };
  }
  return newest?.kind ?? COMPUTED_KINDS.find((k) => latestEnd(facts, k, notAfter) !== null);
}

/**
 * The figures to chart for a trend: the last two years month by month where there are monthly
 * values (police counts or monthly figures), else the board's published figures of the quoted
 * kind, oldest first (none when it has no figures). Undefined when there is no such metric.
 */
export async function chartTrend(
  ctx: MetricsContext,
  metric: MetricRef,
): Promise<(Trend & { area: string }) | undefined> {
  const found = await findFacts(ctx, metric);
  if (!found) return undefined;
  const { facts, borough: area } = found;
  const notAfter = lastEndedMonth(ctx);
  const span = monthSpan(facts.monthly);
  if (span && span.first <= notAfter) {
    const last = Math.min(span.last, notAfter);
    const first = Math.max(span.first, last - CHART_MONTHS + 1);
    const points = [];
    for (let end = first; end <= last; end++) points.push(periodFigure(facts, { kind: 'MONTH', end }));
    return { metric: facts.metric, kind: 'MONTH', points, area };
  }
  const kind = quotedKind(facts, notAfter);
  if (!kind) return { metric: facts.metric, kind: 'MONTH', points: [], area };
  const ends = [...facts.published.values()]
    .filter((f) => f.periodKind === kind && f.end <= notAfter)
    .map((f) => f.end)
    .sort((a, b) => a - b)
    .slice(-CHART_PUBLISHED);
  const points = ends.map((end) => periodFigure(facts, { kind, end }));
  return { metric: facts.metric, kind, points, area };
}
