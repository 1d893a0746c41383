import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';

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

/** Appends to the audit trail inside the caller's transaction: the change and its record land together. */
export async function audit(tx: Tx, entries: AuditInput | AuditInput[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.auditEntry.createMany({
    data: list.map((e) => ({
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
    })),
  });
}
