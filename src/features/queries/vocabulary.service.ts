import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { PeriodRef, Vocabulary } from './intent.ts';

interface Cached {
  stamp: string;
  vocabulary: Vocabulary;
}

/** Per database client, per partnership ('*' for all): the last vocabulary read and its stamp. */
const caches = new WeakMap<PrismaClient, Map<string, Cached>>();

/**
 * The partnership's own words (priorities, services, organisations, people, metrics and the
 * periods that hold data), read again only when they have changed. Every turn asks PostgreSQL for
 * a digest of exactly what the vocabulary is made of (one statement over a few small tables): an
 * import, a member or service change or a new period's first update changes it, whichever process
 * wrote it, so bot instances sharing one database never answer from stale words. Without a
 * partnership, every partnership's words: only to tell a stranger's question from small talk.
 * The vocabulary returned is shared between turns: treat it as read-only.
 */
export async function loadVocabulary(
  prisma: PrismaClient,
  partnershipId?: string,
  early?: Promise<PersonStamp | undefined>,
): Promise<Vocabulary> {
  const cache = caches.get(prisma) ?? new Map<string, Cached>();
  caches.set(prisma, cache);
  const key = partnershipId ?? '*';
  // The stamp is read before the words: words newer than their stamp only cause one more read.
  // One read as the turn began serves if it was of this partnership (the same digest either way).
  const started = await early?.catch(() => undefined);
  const stamp = started && partnershipId && started.partnershipId === partnershipId ? started.stamp : await vocabularyStamp(prisma, partnershipId);
  const hit = cache.get(key);
  if (hit?.stamp === stamp) return hit.vocabulary;
  const vocabulary = await readVocabulary(prisma, partnershipId);
  cache.set(key, { stamp, vocabulary });
  return vocabulary;
}

/** A vocabulary stamp read before the turn knew who was asking, and whose partnership it is of. */
export interface PersonStamp {
  partnershipId: string | null;
  stamp: string;
}

/**
 * The stamp of the partnership of whoever has this Entra object id, read while the turn is still
 * being claimed: the person is found inside the statement, so it needs no earlier round trip.
 */
export async function vocabularyStampOfPerson(prisma: PrismaClient, aadObjectId: string): Promise<PersonStamp> {
  // The person is found once and the digest's subqueries refer to that row (a stranger: no row).
  const [row] = await prisma.$queryRaw<Array<PersonStamp>>`
    SELECT asker."partnershipId", ${stampSql(Prisma.sql`asker."partnershipId"`)} AS stamp
    FROM "Person" asker WHERE asker."aadObjectId" = ${aadObjectId}`;
  return { partnershipId: row?.partnershipId ?? null, stamp: row?.stamp ?? '' };
}

/**
 * A digest of every column and row `readVocabulary` reads, under the same conditions. Whether a
 * period holds data is asked as a scalar subquery with LIMIT 1, one index probe per period: as
 * EXISTS, the planner may (with fresh statistics) hash every rating and narrative ever recorded
 * instead, 20 ms at 100× history rather than 3.
 */
async function vocabularyStamp(prisma: PrismaClient, partnershipId?: string): Promise<string> {
  const [row] = await prisma.$queryRaw<Array<{ stamp: string }>>`SELECT ${stampSql(partnershipId ? Prisma.sql`${partnershipId}` : undefined)} AS stamp`;
  return row?.stamp ?? '';
}

/** The digest's expression, for one partnership (an SQL expression giving its id) or for all. */
function stampSql(partnership?: Prisma.Sql): Prisma.Sql {
  const of = (alias: string) => (partnership ? Prisma.sql`${Prisma.raw(alias)}."partnershipId" = ${partnership}` : Prisma.sql`true`);
  return Prisma.sql`md5(concat_ws('|',
      (SELECT string_agg(ROW(pr.number, pr.title, pr."shortName", pr.aliases, st."startYear")::text, ';' ORDER BY pr.id)
        FROM "Priority" pr JOIN "Strategy" st ON st.id = pr."strategyId" WHERE ${of('st')}),
      (SELECT string_agg(ROW(s.name, s.kind, s.aliases)::text, ';' ORDER BY s.id)
        FROM "Service" s WHERE ${of('s')}),
      (SELECT string_agg(ROW(o.name, o."shortName", o.aliases)::text, ';' ORDER BY o.id)
        FROM "Organisation" o WHERE ${of('o')}),
      (SELECT string_agg(ROW(pe.name, pe.honorific)::text, ';' ORDER BY pe.id)
        FROM "Person" pe WHERE ${of('pe')} AND pe.membership <> 'RETIRED'),
      (SELECT string_agg(ROW(m.key, m.name, m.aliases)::text, ';' ORDER BY m.id)
        FROM "Metric" m WHERE ${of('m')}),
      (SELECT string_agg(rp."fiscalYear" || 'Q' || rp.quarter, ';' ORDER BY rp.id)
        FROM "ReportingPeriod" rp WHERE ${of('rp')}
          AND ((SELECT true FROM "RagRating" r WHERE r."periodId" = rp.id AND r."supersededAt" IS NULL LIMIT 1)
            OR (SELECT true FROM "Narrative" n WHERE n."periodId" = rp.id AND n."supersededAt" IS NULL LIMIT 1)))
    ))`;
}

/** Reads the words in six small queries, whatever the size of the partnership. */
async function readVocabulary(
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
