import { DateTime } from 'luxon';
import type { Prisma } from '../../generated/prisma/client.ts';
import { LONDON } from '../../time/financial-year.ts';
import { audit } from '../audit/audit.service.ts';
import { DomainError } from '../../domain-error.ts';
import type { Actor } from '../identity/identity.service.ts';
import { authorise, PURGED, type PrivacyCtx } from './privacy-access.ts';

type Tx = Prisma.TransactionClient;

export type PurgeOutcome =
  | { kind: 'no-retention' }
  | { kind: 'purged'; cutoff: string; narratives: number; auditEntries: number; snapshots: number };

/**
 * Blanks the text of every narrative about a period that ended more than the partnership's
 * `narrativeRetentionMonths` ago (Narrative.purgedAt says when), redacts the same words from the
 * audit log's before/after and from round snapshots, and keeps all metadata: who, when, which
 * commitment and period, RAG, kind. Runs inside the caller's transaction, which it marks as the
 * purge so the audit log's append-only trigger lets exactly this redaction through. Idempotent.
 */
export async function purgeExpiredNarratives(tx: Tx, partnershipId: string, now: Date): Promise<PurgeOutcome> {
  const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { narrativeRetentionMonths: true } });
  const months = partnership.narrativeRetentionMonths;
  if (months === null) return { kind: 'no-retention' };
  const cutoff = DateTime.fromJSDate(now, { zone: LONDON }).minus({ months }).toISODate()!;
  const expired = { commitment: { partnershipId }, period: { endsOn: { lt: new Date(`${cutoff}T00:00:00Z`) } } };
  const narratives = await tx.narrative.findMany({ where: { ...expired, purgedAt: null }, select: { id: true } });
  const ids = narratives.map((n) => n.id);
  await tx.$executeRaw`SELECT set_config('app.audit_purge', 'on', true)`;
  if (ids.length) await tx.narrative.updateMany({ where: { id: { in: ids } }, data: { text: '', purgedAt: now } });
  const auditEntries = await redactAudit(tx, partnershipId, ids);
  const snapshots = await redactSnapshots(tx, partnershipId, cutoff);
  await audit(tx, { partnershipId, actorLabel: 'retention purge', action: 'narrative.purged', entity: 'Partnership', entityId: partnershipId, after: { cutoff, narratives: ids.length, auditEntries, snapshots, months }, at: now });
  return { kind: 'purged', cutoff, narratives: ids.length, auditEntries, snapshots };
}

/** Replaces the `text` (and nothing else) of the narratives' audit entries with "[purged]". */
async function redactAudit(tx: Tx, partnershipId: string, narrativeIds: string[]): Promise<number> {
  let changed = 0;
  for (let i = 0; i < narrativeIds.length; i += 500) {
    const rows = await tx.auditEntry.findMany({ where: { partnershipId, entity: 'Narrative', entityId: { in: narrativeIds.slice(i, i + 500) } }, select: { id: true, before: true, after: true } });
    for (const row of rows) {
      const before = redacted(row.before);
      const after = redacted(row.after);
      if (!before.changed && !after.changed) continue;
      await tx.auditEntry.update({ where: { id: row.id }, data: { before: before.value as Prisma.InputJsonValue, after: after.value as Prisma.InputJsonValue } });
      changed++;
    }
  }
  return changed;
}

function redacted(value: unknown): { value: unknown; changed: boolean } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { value: value ?? undefined, changed: false };
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string' || record.text === PURGED) return { value, changed: false };
  return { value: { ...record, text: PURGED }, changed: true };
}

/** Round snapshots freeze narratives too: blank the text of those about expired periods. */
async function redactSnapshots(tx: Tx, partnershipId: string, cutoff: string): Promise<number> {
  const rows = await tx.roundSnapshot.findMany({
    where: { round: { partnershipId, period: { endsOn: { lt: new Date(`${cutoff}T00:00:00Z`) } } } },
    select: { id: true, data: true },
  });
  let changed = 0;
  for (const row of rows) {
    const data = row.data as { narratives?: Array<{ text?: string; purged?: boolean }> };
    if (!data?.narratives?.some((n) => n.text)) continue;
    const narratives = data.narratives.map((n) => ({ ...n, text: '', purged: true }));
    await tx.roundSnapshot.update({ where: { id: row.id }, data: { data: { ...data, narratives } as Prisma.InputJsonValue } });
    changed++;
  }
  return changed;
}

/** Sets how long narratives are kept (null: for ever); audited. The purge applies it. */
export async function setRetention(ctx: PrivacyCtx, who: Actor | undefined, months: number | null, sourceActivityId?: string): Promise<void> {
  const actor = authorise(who, 'privacy.purge');
  if (months !== null && (months < 1 || months > 600)) throw new DomainError('privacy.bad_retention', 'Give a retention period between 1 and 600 months, or "forever". Nothing was changed.');
  const now = ctx.clock.now();
  await ctx.db.prisma.$transaction(async (tx) => {
    const before = await tx.partnership.findUniqueOrThrow({ where: { id: actor.partnershipId }, select: { narrativeRetentionMonths: true } });
    await tx.partnership.update({ where: { id: actor.partnershipId }, data: { narrativeRetentionMonths: months } });
    await audit(tx, { partnershipId: actor.partnershipId, actorId: actor.personId, action: 'privacy.retention', entity: 'Partnership', entityId: actor.partnershipId, sourceActivityId, before, after: { narrativeRetentionMonths: months }, at: now });
  });
}
