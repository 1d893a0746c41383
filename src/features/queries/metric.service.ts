import type { AppContext } from '../../app-context.ts';
import type { FigureAnswer, PeriodFigure } from '../metrics/figure-answer.ts';
import { chartTrend, metricView } from '../metrics/figure-views.ts';
import { crimeTable, latestTableMonth } from '../metrics/crime-table.ts';
import type {
  Answer,
  CrimeTableAnswer,
  FigureComparison,
  MetricAnswer,
  TrendAnswer,
} from './answers.ts';
import { formatPercent } from './format.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

const NONE = (name: string) => ({
  kind: 'notice' as const,
  text: `No figures have been recorded for ${name} yet.`,
});

const byKey = (partnershipId: string, key: string) => ({ partnershipId_key: { partnershipId, key } });

const known = (f: PeriodFigure) =>
  f.value !== null && f.source !== null ? { value: f.value, label: f.periodLabel, source: f.source } : undefined;

/** The figure answer as chat shows it: figure, period, the same period a year before, change, direction, RAG, source. */
export function metricAnswer(
  q: FigureAnswer,
  area: string,
  asked: MetricAnswer['asked'],
  comparisons: FigureComparison[] = [],
): MetricAnswer {
  const previous = known(q.previous);
  return {
    kind: 'metric',
    asked,
    name: q.metric.name,
    unit: q.metric.unit,
    latest: {
      value: q.value!,
      label: q.periodLabel,
      source: q.source!,
      area,
      ...(q.source === 'PUBLISHED' && q.publishedChange ? { publishedChange: q.publishedChange } : {}),
      ...(q.sourceDocument ? { document: q.sourceDocument } : {}),
    },
    ...(previous ? { previous } : {}),
    ...(q.change !== null && q.changePct !== null
      ? { change: { absolute: q.change, percent: q.changePct } }
      : {}),
    ...(q.disagreement
      ? { disagreement: { printed: q.disagreement.printed, computedPct: q.disagreement.computedPct } }
      : {}),
    ...(q.movement && q.judgement ? { direction: { movement: q.movement, judgement: q.judgement } } : {}),
    ...(q.rag ? { rag: q.rag } : {}),
    ...(q.importedAt ? { importedAt: q.importedAt } : {}),
    comparisons,
  };
}

function comparison(a: FigureAnswer): FigureComparison {
  const previous = known(a.previous);
  return {
    label: a.periodLabel,
    value: a.value!,
    ...(previous ? { previous: { value: previous.value, label: previous.label } } : {}),
    ...(a.changeText ? { changeText: a.changeText } : {}),
  };
}

/** "latest burglary figure" / "knife crime compared with last year". */
export async function answerMetric(
  ctx: Ctx,
  partnershipId: string,
  key: string,
  asked: MetricAnswer['asked'] = 'latest',
): Promise<Answer> {
  const view = await metricView(ctx, byKey(partnershipId, key), asked === 'compare');
  if (!view) return { kind: 'notice', text: 'I have no such figure.' };
  if (!view.quoted || view.quoted.value === null) return NONE(view.metric.name);
  return metricAnswer(view.quoted, view.area, asked, view.alsoCompared.map(comparison));
}

/** "hate crime trend": the figures to chart, oldest first. */
export async function answerTrend(ctx: Ctx, partnershipId: string, key: string): Promise<Answer> {
  const trend = await chartTrend(ctx, byKey(partnershipId, key));
  if (!trend) return { kind: 'notice', text: 'I have no such figure.' };
  if (!trend.points.some((p) => p.value !== null)) return NONE(trend.metric.name);
  const computed = trend.points.some((p) => p.source === 'COMPUTED');
  const answer: TrendAnswer = {
    kind: 'metric-trend',
    name: trend.metric.name,
    unit: trend.metric.unit,
    series: trend.kind === 'MONTH' ? 'Month by month' : `${KIND_WORDS[trend.kind]}, as published`,
    points: trend.points.map((p) => ({ label: p.periodLabel, value: p.value })),
    area: trend.area,
    source: computed
      ? 'Computed from the police data imported, published figures where the board has them.'
      : "From the board's papers.",
  };
  return answer;
}

const KIND_WORDS: Record<string, string> = {
  ROLLING_YEAR: 'Rolling years',
  QUARTER: 'Quarters',
  FINANCIAL_YEAR: 'Financial years',
  MONTH: 'Months',
};

/** "crime table": the board's crime performance table for the latest rolling year it has. */
export async function answerCrimeTable(ctx: Ctx, partnershipId: string): Promise<Answer> {
  const month = await latestTableMonth(ctx, partnershipId);
  if (!month) return { kind: 'notice', text: 'No crime figures have been recorded yet.' };
  const table = await crimeTable(ctx, partnershipId, month);
  const answer: CrimeTableAnswer = {
    kind: 'crime-table',
    previousLabel: table.previousLabel,
    currentLabel: table.currentLabel,
    area: table.borough,
    rows: table.rows.map((r) => ({
      name: r.metric.name,
      previous: r.previous.value,
      current: r.value,
      change: r.changeText,
      rag: r.rag?.word ?? null,
      ...(r.disagreement
        ? {
            flag: `printed ${r.disagreement.printed}, but the figures give ${formatPercent(r.disagreement.computedPct)}`,
          }
        : {}),
    })),
    source:
      'Published figures as printed in the board papers; computed from police data where the board has none.',
  };
  return answer;
}
