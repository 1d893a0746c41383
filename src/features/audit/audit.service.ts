import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';

type Tx = Prisma.TransactionClient | PrismaClient;

export interface AuditInput {
  partnershipId: string;
  actorId?: string | null;
  actorLabel?: string;
  action: string;
  entity: string;
  entityId: string;
  /** The reference people use ("2.3.1", "minute 26"): what "history of 2.3.1" looks up. */
  entityRef?: string;
  sourceActivityId?: string | null;
  before?: unknown;
  after?: unknown;
  at: Date;
}

/** An entry as the row it becomes, whichever way it is written. */
function auditRow(e: AuditInput) {
  return {
    partnershipId: e.partnershipId,
    actorId: e.actorId ?? null,
    actorLabel: e.actorLabel ?? null,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    entityRef: e.entityRef ?? null,
    sourceActivityId: e.sourceActivityId ?? null,
    before: (e.before ?? undefined) as object | undefined,
    after: (e.after ?? undefined) as object | undefined,
    at: e.at,
  };
}

/** Appends to the audit trail inside the caller's transaction: the change and its record land together. */
export async function audit(tx: Tx, entries: AuditInput | AuditInput[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.auditEntry.createMany({ data: list.map(auditRow) });
}

/**
 * The same rows as `audit()`, as the INSERT of a statement that writes its change with
 * data-modifying CTEs (a card submit, a round draft), so that it needs no transaction. Entries are
 * written in the order given (the trail's ids follow it). With `onlyIf`, the name of one of the
 * statement's CTEs, they are written only if that CTE wrote a row.
 */
export function auditInsertSql(entries: AuditInput[], onlyIf?: string): Prisma.Sql {
  const gate = onlyIf ? Prisma.sql`WHERE EXISTS (SELECT 1 FROM ${Prisma.raw(onlyIf)})` : Prisma.empty;
  // Instants travel as JSON's UTC strings: read as timestamptz, stored as the UTC time Prisma stores.
  return Prisma.sql`
    INSERT INTO "AuditEntry" ("partnershipId", "actorId", "actorLabel", action, entity, "entityId", "entityRef", "sourceActivityId", before, after, at)
    SELECT a."partnershipId", a."actorId", a."actorLabel", a.action, a.entity, a."entityId", a."entityRef", a."sourceActivityId",
      a.before, a.after, a.at AT TIME ZONE 'UTC'
    FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(entries.map(auditRow))}::jsonb) AS ("partnershipId" text, "actorId" text, "actorLabel" text,
        action text, entity text, "entityId" text, "entityRef" text, "sourceActivityId" text, before jsonb, after jsonb, at timestamptz))
      WITH ORDINALITY AS a("partnershipId", "actorId", "actorLabel", action, entity, "entityId", "entityRef", "sourceActivityId", before, after, at, ord)
    ${gate}
    ORDER BY a.ord
    RETURNING id`;
}
