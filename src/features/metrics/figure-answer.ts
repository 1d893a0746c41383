import {
  agreesWithPrinted,
  formatPct,
  judgementOf,
  movementOf,
  parsePrintedChange,
  percentChange,
  ragFromThresholds,
  type GoodDirectionValue,
  type Judgement,
  type Movement,
  type PrintedChange,
} from './figure-math.ts';
import type { RagThresholds } from './metrics.schemas.ts';
import { isoDay, type MonthIndex } from './months.ts';
import { computedValue, type MonthlyValues } from './period-values.ts';
import {
  periodEndDate,
  periodLabel,
  previousPeriod,
  type ComputedKind,
  type Period,
} from './periods.ts';

export type Source = 'PUBLISHED' | 'COMPUTED';

export interface MetricInfo {
  id: string;
  key: string;
  name: string;
  unit: string;
  goodDirection: GoodDirectionValue;
  ragThresholds?: RagThresholds | undefined;
}

/** A published figure as stored (current version). */
export interface StoredFigure {
  periodKind: string;
  end: MonthIndex;
  periodLabel: string;
  value: number;
  publishedChange: string | null;
  publishedRag: string | null;
  sourceDocument: string | null;
  recordedAt: Date;
}

/** Everything known about one metric: monthly values and published figures by `${kind}|${end}`. */
export interface MetricFacts {
  metric: MetricInfo;
  monthly: MonthlyValues;
  published: ReadonlyMap<string, StoredFigure>;
  fyStartMonth: number;
}

/** A metric's figure for one period: the one to quote, and both sources behind it. */
export interface PeriodFigure {
  kind: ComputedKind;
  /** Last day of the period, YYYY-MM-DD. */
  periodEnd: string;
  periodLabel: string;
  /** The published figure where there is one, else the computed one; null when neither. */
  value: number | null;
  source: Source | null;
  publishedValue: number | null;
  computedValue: number | null;
  publishedChange: string | null;
  publishedRag: string | null;
  sourceDocument: string | null;
  recordedAt: Date | null;
}

export interface Disagreement {
  printed: string;
  printedPct: number;
  /** The % change computed from the published figures themselves, to one decimal place. */
  computedPct: number;
}

/** A figure, the same period a year before, and what the change means. */
export interface FigureAnswer extends PeriodFigure {
  metric: MetricInfo;
  previous: PeriodFigure;
  /** The two figures compared come from different sources (published against computed). */
  mixedSources: boolean;
  change: number | null;
  /** Computed from the two figures quoted, to one decimal place. */
  changePct: number | null;
  /** The % change to show: as printed where the figure was published with one, else computed. */
  changeText: string | null;
  changeFrom: 'printed' | 'computed' | null;
  movement: Movement | null;
  judgement: Judgement | null;
  disagreement: Disagreement | null;
  rag: { word: string; from: 'printed' | 'thresholds' } | null;
  /** When the data behind the figure was imported. */
  importedAt: Date | null;
}

const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** The figure for a period: published wins (or `prefer` says which, when both exist); the other is kept alongside. */
export function periodFigure(
  facts: MetricFacts,
  p: Period,
  prefer: Source = 'PUBLISHED',
): PeriodFigure {
  const pub = facts.published.get(`${p.kind}|${p.end}`);
  const computed = computedValue(p, facts.monthly);
  const usePublished = pub !== undefined && (prefer === 'PUBLISHED' || computed === null);
  return {
    kind: p.kind,
    periodEnd: isoDay(periodEndDate(p)),
    periodLabel: pub?.periodLabel ?? periodLabel(p, facts.fyStartMonth),
    value: usePublished ? pub.value : computed,
    source: usePublished ? 'PUBLISHED' : computed !== null ? 'COMPUTED' : null,
    publishedValue: pub?.value ?? null,
    computedValue: computed,
    publishedChange: pub?.publishedChange ?? null,
    publishedRag: pub?.publishedRag ?? null,
    sourceDocument: pub?.sourceDocument ?? null,
    recordedAt: pub?.recordedAt ?? null,
  };
}

/**
 * The answer for a metric and period: the figure (published where there is one), the same
 * period a year before from the same source where possible, the change, and a flag where a
 * printed % change disagrees with the published figures it was printed with.
 */
export function figureAnswer(facts: MetricFacts, p: Period, importedAt: Date | null): FigureAnswer {
  const current = periodFigure(facts, p);
  const printed =
    current.source === 'PUBLISHED' ? parsePrintedChange(current.publishedChange) : undefined;
  const previous = previousFigure(facts, p, current, printed);
  const change =
    current.value !== null && previous.value !== null ? current.value - previous.value : null;
  const changePct = oneDecimal(percentChange(previous.value, current.value));
  const rag = current.publishedRag
    ? { word: current.publishedRag, from: 'printed' as const }
    : ragWord(ragFromThresholds(printed?.pct ?? changePct, facts.metric.ragThresholds));
  const movement = movementOf(change);
  return {
    ...current,
    metric: facts.metric,
    previous,
    mixedSources:
      current.source !== null && previous.source !== null && current.source !== previous.source,
    change,
    changePct,
    changeText: printed ? current.publishedChange : formatPct(changePct),
    changeFrom: printed ? 'printed' : changePct !== null ? 'computed' : null,
    movement,
    judgement: judgementOf(movement, facts.metric.goodDirection),
    disagreement: disagreementOf(current, previous, printed),
    rag,
    importedAt: current.source === 'PUBLISHED' ? current.recordedAt : importedAt,
  };
}

/** The same period a year before, from the current figure's source where it can be; else the earlier figure printed in brackets ("+16% (441)"). */
function previousFigure(
  facts: MetricFacts,
  p: Period,
  current: PeriodFigure,
  printed: PrintedChange | undefined,
): PeriodFigure {
  const previous = periodFigure(facts, previousPeriod(p), current.source ?? 'PUBLISHED');
  if (previous.value !== null || printed?.previous === undefined) return previous;
  return {
    ...previous,
    value: printed.previous,
    source: 'PUBLISHED',
    publishedValue: printed.previous,
    sourceDocument: current.sourceDocument,
  };
}

/** A printed % change that is not the change between the published figures themselves. */
function disagreementOf(
  current: PeriodFigure,
  previous: PeriodFigure,
  printed: PrintedChange | undefined,
): Disagreement | null {
  const ownPct = percentChange(
    previous.publishedValue ?? printed?.previous,
    current.publishedValue,
  );
  if (!printed || ownPct === null || agreesWithPrinted(printed, ownPct)) return null;
  return {
    printed: current.publishedChange!,
    printedPct: printed.pct,
    computedPct: oneDecimal(ownPct)!,
  };
}

function ragWord(word: 'Green' | 'Amber' | 'Red' | null): FigureAnswer['rag'] {
  return word ? { word, from: 'thresholds' } : null;
}
