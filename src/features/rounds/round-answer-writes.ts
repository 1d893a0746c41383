import { Prisma, type NarrativeKind, type RagStatus, type Round } from '../../generated/prisma/client.ts';
import { auditInsertSql } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.service.ts';

/** Everything one submission changes, decided in code before anything is written. */
export interface AnswerWrites {
  round: Round;
  actor: Actor;
  /** Whose assignment the card answers: the card's person, who may not be the actor (a delegate). */
  assigneeId: string;
  late: boolean;
  now: Date;
  sourceActivityId: string | null;
  /** Ids of the versions the new ones replace. */
  superseded: { narratives: string[]; ratings: string[] };
  narratives: Array<{ id: string; commitmentId: string; serviceId: string; slot: string; kind: NarrativeKind; text: string; boardOnly: boolean; supportNeeded: boolean; version: number }>;
  ratings: Array<{ id: string; commitmentId: string; words: string[]; status: RagStatus; version: number }>;
  audits: Array<{ action: string; entity: string; entityId: string; entityRef: string; before: unknown; after: unknown }>;
}

/**
 * Writes a submission as one statement (data-modifying CTEs): supersede the old versions, insert
 * the new ones and their audit entries (in the order planned: the trail's ids follow the answers
 * on the card), and mark the card's assignment returned. One round trip instead of a transaction
 * of four or more, and atomic without one. Rows travel as JSON arrays so that any number of
 * answers is still one statement of a fixed shape.
 */
export async function writeAnswers(db: Prisma.TransactionClient, w: AnswerWrites): Promise<void> {
  const json = (value: unknown) => JSON.stringify(value);
  await db.$executeRaw`
    WITH superseded_narratives AS (
      UPDATE "Narrative" SET "supersededAt" = ${w.now}
      WHERE id IN (SELECT jsonb_array_elements_text(${json(w.superseded.narratives)}::jsonb)) AND "supersededAt" IS NULL
      RETURNING id
    ), new_narratives AS (
      INSERT INTO "Narrative" (id, "commitmentId", "periodId", "serviceId", slot, seq, kind, text, "boardOnly", "supportNeeded",
        version, "authorId", source, "sourceActivityId", "roundId", late, "recordedAt")
      SELECT n.id, n."commitmentId", ${w.round.periodId}::text, n."serviceId", n.slot, 100, n.kind::"NarrativeKind", n.text, n."boardOnly", n."supportNeeded",
        n.version, ${w.actor.personId}::text, 'CARD'::"UpdateSource", ${w.sourceActivityId}::text, ${w.round.id}::text, ${w.late}::boolean, ${w.now}::timestamp(3)
      FROM jsonb_to_recordset(${json(w.narratives)}::jsonb)
        AS n(id text, "commitmentId" text, "serviceId" text, slot text, kind text, text text, "boardOnly" boolean, "supportNeeded" boolean, version int)
      RETURNING id
    ), superseded_ratings AS (
      UPDATE "RagRating" SET "supersededAt" = ${w.now}
      WHERE id IN (SELECT jsonb_array_elements_text(${json(w.superseded.ratings)}::jsonb)) AND "supersededAt" IS NULL
      RETURNING id
    ), new_ratings AS (
      INSERT INTO "RagRating" (id, "commitmentId", "periodId", words, status, version, "setById", source, "sourceActivityId", "roundId", late, "recordedAt")
      SELECT r.id, r."commitmentId", ${w.round.periodId}::text, r.words, r.status::"RagStatus", r.version,
        ${w.actor.personId}::text, 'CARD'::"UpdateSource", ${w.sourceActivityId}::text, ${w.round.id}::text, ${w.late}::boolean, ${w.now}::timestamp(3)
      FROM jsonb_to_recordset(${json(w.ratings)}::jsonb) AS r(id text, "commitmentId" text, words text[], status text, version int)
      RETURNING id
    ), audited AS (${auditInsertSql(
      w.audits.map((a) => ({ ...a, partnershipId: w.round.partnershipId, actorId: w.actor.personId, sourceActivityId: w.sourceActivityId, at: w.now })),
    )}
    )
    UPDATE "RoundAssignment" SET status = 'RETURNED'::"AssignmentStatus", "returnedAt" = ${w.now}
    WHERE "roundId" = ${w.round.id} AND "personId" = ${w.assigneeId}`;
}
