import type { Prisma } from '../../generated/prisma/client.ts';
import { auditInsertSql } from '../audit/audit.service.ts';

/** A drafted round and everything written with it, decided in code before anything is written. */
export interface DraftWrites {
  partnershipId: string;
  /** The quarter's reporting period, made on first use (dates as YYYY-MM-DD). */
  period: { id: string; fiscalYear: number; quarter: number; startsOn: string; endsOn: string };
  roundId: string;
  priorityNumbers: number[];
  dueOn: string;
  openedById: string;
  assignments: Array<{ id: string; personId: string; commitmentIds: string[] }>;
  /** The officer's preview card, remembered so that its "Send the cards" can be checked. */
  previewCardId: string;
  /** The round's label in the audit trail ("Q3 2022/23"). */
  label: string;
  now: Date;
}

/**
 * Drafts a round as one statement (data-modifying CTEs): the period if it is new, the round and
 * its assignments unless one is already open for that period, its audit entry and the preview
 * card. One round trip instead of a transaction of eight, and atomic without one. The period's
 * no-op update on conflict returns the row even when another draft made it a moment ago, which
 * a plain read could not see within the same statement.
 */
export async function writeDraft(db: Prisma.TransactionClient, w: DraftWrites): Promise<'drafted' | 'already-open'> {
  const [row] = await db.$queryRaw<Array<{ drafted: boolean }>>`
    WITH period AS (
      INSERT INTO "ReportingPeriod" (id, "partnershipId", "fiscalYear", quarter, "startsOn", "endsOn")
      VALUES (${w.period.id}, ${w.partnershipId}, ${w.period.fiscalYear}::int, ${w.period.quarter}::int, ${w.period.startsOn}::date, ${w.period.endsOn}::date)
      ON CONFLICT ("partnershipId", "fiscalYear", quarter) DO UPDATE SET quarter = EXCLUDED.quarter
      RETURNING id
    ), new_round AS (
      INSERT INTO "Round" (id, "partnershipId", "periodId", "priorityNumbers", status, "dueOn", "openedById", "createdAt")
      SELECT ${w.roundId}, ${w.partnershipId}, period.id, ${w.priorityNumbers}::int[], 'DRAFT'::"RoundStatus", ${w.dueOn}::date, ${w.openedById}, ${w.now}::timestamp(3)
      FROM period
      WHERE NOT EXISTS (SELECT 1 FROM "Round" r WHERE r."periodId" = period.id AND r.status = 'OPEN'::"RoundStatus")
      RETURNING id
    ), assignments AS (
      INSERT INTO "RoundAssignment" (id, "roundId", "personId", "commitmentIds", status)
      SELECT a.id, new_round.id, a."personId", a."commitmentIds", 'PENDING'::"AssignmentStatus"
      FROM new_round, jsonb_to_recordset(${JSON.stringify(w.assignments)}::jsonb) AS a(id text, "personId" text, "commitmentIds" text[])
      RETURNING id
    ), audited AS (${auditInsertSql(
      [{ partnershipId: w.partnershipId, actorId: w.openedById, action: 'round.drafted', entity: 'Round', entityId: w.roundId, entityRef: w.label, after: { priorities: w.priorityNumbers, dueOn: w.dueOn }, at: w.now }],
      'new_round',
    )}
    ), preview AS (
      INSERT INTO "SentCard" (id, kind, "personId", "roundId", data, "createdAt")
      SELECT ${w.previewCardId}, 'round.preview', ${w.openedById}, new_round.id, jsonb_build_object('roundId', new_round.id), ${w.now}::timestamp(3)
      FROM new_round
      RETURNING id
    )
    SELECT EXISTS (SELECT 1 FROM new_round) AS drafted`;
  return row?.drafted ? 'drafted' : 'already-open';
}
