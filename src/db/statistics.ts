import type { PrismaClient } from '../generated/prisma/client.ts';

/** The tables whose size grows with history: the ones whose query plans depend on knowing it. */
const HISTORY_TABLES = ['ReportingPeriod', 'RagRating', 'Narrative', 'Commitment', 'Action', 'Figure'];

/**
 * Refreshes the planner's statistics after a bulk load. PGlite has no autovacuum, and a
 * PostgreSQL server's autovacuum analyses only a while after the load (or never, where it is
 * switched off): until then the planner believes the tables are as small as they were, and the
 * "latest rating of each commitment" walk turns into a scan of every period for every commitment
 * (300 ms instead of 7 at 100× history).
 */
export async function refreshStatistics(prisma: Pick<PrismaClient, '$executeRawUnsafe'>): Promise<void> {
  await prisma.$executeRawUnsafe(`ANALYZE ${HISTORY_TABLES.map((t) => `"${t}"`).join(', ')}`);
}
