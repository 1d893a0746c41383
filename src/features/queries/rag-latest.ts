import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { PeriodRef } from './intent.ts';

/** Which commitments a RAG question is about. */
export type RagScope =
  | { kind: 'overall' }
  | { kind: 'priority'; number: number }
  | { kind: 'ref'; ref: string }
  | { kind: 'services'; serviceIds: string[]; title: string };

/** A commitment in scope with its latest current rating (none when it was never rated). */
export interface LatestRag {
  ref: string;
  text: string;
  parentId: string | null;
  priorityNumber: number;
  priorityTitle: string;
  owners: string[];
  leads: string[];
  rating: {
    words: string[];
    status: string;
    recordedAt: Date;
    source: string;
    period: PeriodRef;
    setBy: string | null;
  } | null;
  /** Services with a current narrative for the rating's period. */
  narrators: string[];
}

interface Commitment extends Omit<LatestRag, 'rating' | 'narrators'> {
  id: string;
}

interface Rating {
  id: string;
  words: string[];
  status: string;
  recordedAt: Date;
  source: string;
  fiscalYear: number;
  quarter: number;
  setBy: string | null;
  narrators: string[];
}

/** The tables both statements read the commitments in scope from (the scope may name the priority). */
const COMMITMENTS = Prisma.sql`
    FROM "Commitment" c
    JOIN "Section" se ON se.id = c."sectionId"
    JOIN "Priority" pr ON pr.id = se."priorityId"`;

function scopeSql(scope: RagScope): Prisma.Sql {
  if (scope.kind === 'priority') return Prisma.sql`AND pr.number = ${scope.number}`;
  if (scope.kind === 'ref') {
    const prefix = `${scope.ref.replace(/[\\%_]/g, '\\$&')}.%`;
    return Prisma.sql`AND (c.ref = ${scope.ref} OR c.ref LIKE ${prefix})`;
  }
  if (scope.kind === 'services')
    return scope.serviceIds.length === 0
      ? Prisma.sql`AND false`
      : Prisma.sql`AND EXISTS (SELECT 1 FROM "CommitmentOwner" o
          WHERE o."commitmentId" = c.id AND o."serviceId" IN (${Prisma.join(scope.serviceIds)}))`;
  return Prisma.empty;
}

/**
 * Two statements run side by side, each the same whatever the length of history: the commitments
 * in scope with their owners, and each one's latest current rating, found by walking its
 * partnership's periods newest first (the period index backwards, probing the rating index) and
 * stopping at the first, so older periods are never read. With a period, only that period's
 * rating counts. (As one statement PostgreSQL spent longer planning and running its five
 * correlated subqueries than the two halves take together.)
 */
export async function loadLatestRag(
  prisma: PrismaClient,
  partnershipId: string,
  scope: RagScope,
  period?: PeriodRef,
): Promise<LatestRag[]> {
  const inPeriod = period
    ? Prisma.sql`AND p."fiscalYear" = ${period.fiscalYear} AND p.quarter = ${period.quarter}`
    : Prisma.empty;
  const where = Prisma.sql`WHERE c."partnershipId" = ${partnershipId} AND c."retiredAt" IS NULL ${scopeSql(scope)}`;
  const [commitments, ratings] = await Promise.all([
    prisma.$queryRaw<Commitment[]>`
      SELECT c.id, c.ref, c.text, c."parentId", pr.number AS "priorityNumber", pr.title AS "priorityTitle",
        COALESCE(own.owners, '{}') AS owners, COALESCE(own.leads, '{}') AS leads
      ${COMMITMENTS}
      -- Every owner of the partnership's services grouped once, not a sort and aggregate per commitment
      -- (on PGlite that per-commitment work was most of the statement, about 3 ms of 4).
      LEFT JOIN (
        SELECT o."commitmentId", array_agg(s.name ORDER BY s.name) AS owners,
          array_agg(s.name ORDER BY s.name) FILTER (WHERE o."isLead") AS leads
        FROM "CommitmentOwner" o JOIN "Service" s ON s.id = o."serviceId"
        WHERE s."partnershipId" = ${partnershipId}
        GROUP BY o."commitmentId"
      ) own ON own."commitmentId" = c.id
      ${where}`,
    prisma.$queryRaw<Rating[]>`
      SELECT c.id, l.words, l.status, l."recordedAt", l.source, l."fiscalYear", l.quarter, setter.name AS "setBy",
        COALESCE((SELECT array_agg(x.name ORDER BY x.first, x.name) FROM (
          SELECT s.name, min(n."recordedAt") AS first FROM "Narrative" n JOIN "Service" s ON s.id = n."serviceId"
          WHERE n."commitmentId" = c.id AND n."periodId" = l."periodId"
            AND n."supersededAt" IS NULL AND n."purgedAt" IS NULL
          GROUP BY s.name) x), '{}') AS narrators
      ${COMMITMENTS}
      JOIN LATERAL (
        SELECT r.words, r.status::text AS status, r."recordedAt", r.source::text AS source,
          p."fiscalYear", p.quarter, p.id AS "periodId", r."setById"
        FROM "ReportingPeriod" p
        JOIN "RagRating" r ON r."periodId" = p.id AND r."commitmentId" = c.id AND r."supersededAt" IS NULL
        WHERE p."partnershipId" = c."partnershipId" ${inPeriod}
        ORDER BY p."fiscalYear" DESC, p.quarter DESC
        LIMIT 1
      ) l ON true
      -- Who set it, joined once outside the walk: inside, the planner hashed every person per commitment.
      LEFT JOIN "Person" setter ON setter.id = l."setById"
      ${where}`,
  ]);
  const byCommitment = new Map(ratings.map((r) => [r.id, r]));
  return commitments.map(({ id, ...c }) => {
    const r = byCommitment.get(id);
    return {
      ...c,
      rating: r
        ? {
            words: r.words,
            status: r.status,
            recordedAt: r.recordedAt,
            source: r.source,
            period: { fiscalYear: r.fiscalYear, quarter: r.quarter as PeriodRef['quarter'] },
            setBy: r.setBy,
          }
        : null,
      narrators: r?.narrators ?? [],
    };
  });
}
