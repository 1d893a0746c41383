import type { Prisma } from '../../generated/prisma/client.ts';
import type { MetricFacts, MetricInfo, StoredFigure } from './figure-answer.ts';
import { PoliceCategoriesSchema, RagThresholdsSchema } from './metrics.schemas.ts';
import { monthOfDate, type MonthIndex } from './months.ts';
import { sumByMonth } from './period-values.ts';
import { COMPUTED_KINDS } from './periods.ts';
import {
  categorySelector,
  selects,
  selectsAnything,
  type CategorySelector,
} from './police-categories.ts';

/** A metric as the figures need it. */
export interface MetricSource {
  id: string;
  key: string;
  name: string;
  unit: string;
  goodDirection: MetricInfo['goodDirection'];
  ragThresholds: Prisma.JsonValue;
  policeCategories: Prisma.JsonValue;
}

/** A current figure row. */
export interface FigureRow {
  metricId: string;
  area: string;
  periodKind: string;
  periodEnd: Date;
  periodLabel: string;
  value: Prisma.Decimal;
  source: string;
  publishedChange: string | null;
  publishedRag: string | null;
  sourceDocument: string | null;
  recordedAt: Date;
}

/** A current police count, its month as a MonthIndex. */
export interface CountFact {
  major: string;
  minor: string;
  month: MonthIndex;
  count: number;
}

/**
 * A metric's facts: its monthly values (from the police categories it is made of, or else from
 * its month figures) and its published figures by period.
 */
export function factsFor(
  metric: MetricSource,
  figures: readonly FigureRow[],
  counts: readonly CountFact[],
  fyStartMonth: number,
): MetricFacts {
  const own = figures.filter((f) => f.metricId === metric.id);
  const selector = selectorOf(metric);
  const monthly = selectsAnything(selector)
    ? sumByMonth(counts.filter((c) => selects(selector, c.major, c.minor)))
    : monthlyFromFigures(own);
  return { metric: infoOf(metric), monthly, published: publishedByPeriod(own), fyStartMonth };
}

export function selectorOf(metric: Pick<MetricSource, 'policeCategories'>): CategorySelector {
  const parsed = PoliceCategoriesSchema.safeParse(metric.policeCategories ?? []);
  return categorySelector(parsed.success ? parsed.data : []);
}

export function infoOf(metric: MetricSource): MetricInfo {
  const thresholds = RagThresholdsSchema.safeParse(metric.ragThresholds);
  return {
    id: metric.id,
    key: metric.key,
    name: metric.name,
    unit: metric.unit,
    goodDirection: metric.goodDirection,
    ragThresholds: thresholds.success ? thresholds.data : undefined,
  };
}

function publishedByPeriod(figures: readonly FigureRow[]): Map<string, StoredFigure> {
  const kinds: readonly string[] = COMPUTED_KINDS;
  const out = new Map<string, StoredFigure>();
  for (const f of figures) {
    if (f.source !== 'PUBLISHED' || !kinds.includes(f.periodKind)) continue;
    const end = monthOfDate(f.periodEnd);
    out.set(`${f.periodKind}|${end}`, { ...f, end, value: Number(f.value.toString()) });
  }
  return out;
}

/** Monthly values of a metric no police category makes (hate crime, ASB calls): its month figures, computed ones first. */
function monthlyFromFigures(figures: readonly FigureRow[]): Map<MonthIndex, number> {
  const out = new Map<MonthIndex, number>();
  const months = figures.filter((f) => f.periodKind === 'MONTH');
  for (const source of ['PUBLISHED', 'COMPUTED'])
    for (const f of months)
      if (f.source === source) out.set(monthOfDate(f.periodEnd), Number(f.value.toString()));
  return out;
}
