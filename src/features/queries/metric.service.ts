import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Answer } from './answers.ts';
import {
  changeBetween,
  disagrees,
  monthIndex,
  parsePublishedChange,
  YEAR_KINDS,
} from './figure-change.ts';

type FigureRow = {
  area: string;
  periodKind: string;
  periodEnd: Date;
  periodLabel: string;
  value: { toString(): string };
  source: 'PUBLISHED' | 'COMPUTED';
  publishedChange: string | null;
  sourceDocument: string | null;
};

/** Latest first; for the same period the published figure wins over the computed one. */
function byRecency(a: FigureRow, b: FigureRow): number {
  return (
    b.periodEnd.getTime() - a.periodEnd.getTime() ||
    (a.source === 'PUBLISHED' ? -1 : 1) - (b.source === 'PUBLISHED' ? -1 : 1)
  );
}

/** The figure to compare with: twelve months earlier for a year-long period, else the one before. */
export function previousOf(latest: FigureRow, figures: FigureRow[]): FigureRow | undefined {
  const same = figures.filter(
    (f) =>
      f.periodKind === latest.periodKind &&
      f.area === latest.area &&
      f.periodEnd < latest.periodEnd,
  );
  if (YEAR_KINDS.has(latest.periodKind))
    return same.find((f) => monthIndex(f.periodEnd) === monthIndex(latest.periodEnd) - 12);
  return same[0];
}

const FIGURE_SELECT = {
  area: true,
  periodKind: true,
  periodEnd: true,
  periodLabel: true,
  value: true,
  source: true,
  publishedChange: true,
  sourceDocument: true,
} as const;

const num = (f: FigureRow) => Number(f.value.toString());

/** The answer for a metric's figures, sorted latest first. */
export function metricAnswer(name: string, unit: string, figures: FigureRow[]): Answer {
  const latest = figures[0];
  if (!latest) return { kind: 'notice', text: `No figures have been recorded for ${name} yet.` };
  const previous = previousOf(latest, figures);
  const change = previous ? changeBetween(num(previous), num(latest)) : undefined;
  const printed = parsePublishedChange(latest.publishedChange);
  return {
    kind: 'metric',
    name,
    unit,
    latest: {
      value: num(latest),
      label: latest.periodLabel,
      source: latest.source,
      area: latest.area,
      ...(latest.publishedChange ? { publishedChange: latest.publishedChange } : {}),
      ...(latest.sourceDocument ? { document: latest.sourceDocument } : {}),
    },
    ...(previous ? { previous: { value: num(previous), label: previous.periodLabel } } : {}),
    ...(change ? { change } : {}),
    ...(printed ? { publishedPercent: printed.percent } : {}),
    disagrees: Boolean(printed && change && disagrees(printed, change.percent)),
  };
}

/** A metric's latest figure, its period, the previous figure, the change, and any printed change that disagrees. */
export async function answerMetric(
  prisma: PrismaClient,
  partnershipId: string,
  key: string,
): Promise<Answer> {
  const metric = await prisma.metric.findUnique({
    where: { partnershipId_key: { partnershipId, key } },
    select: {
      name: true,
      unit: true,
      figures: { where: { supersededAt: null }, select: FIGURE_SELECT },
    },
  });
  if (!metric) return { kind: 'notice', text: 'I have no such figure.' };
  return metricAnswer(metric.name, metric.unit, (metric.figures as FigureRow[]).sort(byRecency));
}
