import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { PeriodRef, Vocabulary } from './intent.ts';

/**
 * Reads the partnership's own words (priorities, services, organisations, people, metrics and the
 * periods that hold data) in six small queries, whatever the size of the partnership. Without a
 * partnership, every partnership's words: only to tell a stranger's question from small talk.
 */
export async function loadVocabulary(
  prisma: PrismaClient,
  partnershipId?: string,
): Promise<Vocabulary> {
  const current = { supersededAt: null };
  const of = partnershipId ? { partnershipId } : {};
  const [priorities, services, organisations, people, metrics, periods] = await Promise.all([
    prisma.priority.findMany({
      where: { strategy: of },
      select: {
        number: true,
        title: true,
        shortName: true,
        aliases: true,
        strategy: { select: { startYear: true } },
      },
      orderBy: [{ number: 'asc' }],
    }),
    prisma.service.findMany({
      where: of,
      select: { name: true, aliases: true, kind: true },
    }),
    prisma.organisation.findMany({
      where: of,
      select: { name: true, shortName: true, aliases: true },
    }),
    prisma.person.findMany({
      where: { ...of, membership: { not: 'RETIRED' } },
      select: { name: true, honorific: true },
    }),
    prisma.metric.findMany({
      where: of,
      select: { key: true, name: true, aliases: true },
    }),
    prisma.reportingPeriod.findMany({
      where: {
        ...of,
        OR: [{ ragRatings: { some: current } }, { narratives: { some: current } }],
      },
      select: { fiscalYear: true, quarter: true },
    }),
  ]);
  return {
    priorities: newestStrategyFirst(priorities),
    services,
    organisations,
    people,
    metrics,
    periods: periods.map((p) => ({
      fiscalYear: p.fiscalYear,
      quarter: p.quarter as PeriodRef['quarter'],
    })),
  };
}

/** Where a new strategy reuses a priority number, the newer strategy's priority is the one meant. */
function newestStrategyFirst<T extends { number: number; strategy: { startYear: number | null } }>(
  rows: T[],
): Array<Omit<T, 'strategy'>> {
  const byNumber = new Map<number, T>();
  for (const row of rows) {
    const seen = byNumber.get(row.number);
    if (!seen || (row.strategy.startYear ?? 0) > (seen.strategy.startYear ?? 0))
      byNumber.set(row.number, row);
  }
  return [...byNumber.values()].map(({ strategy: _strategy, ...rest }) => rest);
}
