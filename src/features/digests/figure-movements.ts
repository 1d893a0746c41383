import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';

type Db = Prisma.TransactionClient | PrismaClient;

/** How many metrics the digest shows: a headline, not the whole table. */
export const HEADLINE_FIGURES = 6;

export interface FigureMovement {
  metric: string;
  previousLabel: string;
  previous: number;
  latestLabel: string;
  latest: number;
  /** Computed from the two figures, one decimal place. */
  changePercent: number;
  /** The change as the paper printed it, where it did ("+14"). */
  publishedChange?: string;
}

/**
 * For each metric with at least two current published figures (same area and kind of period),
 * the latest against the one before, largest movement first. Published figures are what the
 * board saw; computed ones are left to the questions feature.
 */
export async function figureMovements(db: Db, partnershipId: string, limit = HEADLINE_FIGURES): Promise<FigureMovement[]> {
  const figures = await db.figure.findMany({
    where: { metric: { partnershipId }, source: 'PUBLISHED', supersededAt: null },
    orderBy: { periodEnd: 'desc' },
    select: { area: true, periodKind: true, periodLabel: true, value: true, publishedChange: true, metric: { select: { name: true } } },
  });
  const series = new Map<string, typeof figures>();
  for (const f of figures) {
    const key = `${f.metric.name}|${f.area}|${f.periodKind}`;
    series.set(key, [...(series.get(key) ?? []), f]);
  }
  const movements: FigureMovement[] = [];
  for (const [key, [latest, previous]] of series) {
    if (!latest || !previous || Number(previous.value) === 0) continue;
    const [a, b] = [Number(previous.value), Number(latest.value)];
    movements.push({
      metric: key.split('|')[0]!,
      previousLabel: previous.periodLabel,
      previous: a,
      latestLabel: latest.periodLabel,
      latest: b,
      changePercent: Math.round(((b - a) / a) * 1000) / 10,
      ...(latest.publishedChange ? { publishedChange: latest.publishedChange } : {}),
    });
  }
  return movements.sort((x, y) => Math.abs(y.changePercent) - Math.abs(x.changePercent) || x.metric.localeCompare(y.metric)).slice(0, limit);
}
