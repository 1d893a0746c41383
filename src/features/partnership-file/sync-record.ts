import { Prisma } from '../../generated/prisma/client.ts';

export type Tx = Prisma.TransactionClient;
export type Fields = Record<string, unknown>;

/** Everything one import run shares: the transaction, who and when, and what it has done so far. */
export interface ImportRun {
  tx: Tx;
  file: string;
  partnershipId: string;
  actorLabel: string;
  now: Date;
  prune: boolean;
  tally: { created: number; updated: number; unchanged: number; pruned: number };
  missing: string[];
  audit: Prisma.AuditEntryCreateManyInput[];
  /** Which part of the file is being written, for a failure's message. */
  step: string;
}

/** Values as the audit log and the comparison see them: dates as ISO text, decimals as numbers. */
export function canonical(value: unknown): unknown {
  if (value === undefined || value === null || value === Prisma.DbNull || value === Prisma.JsonNull)
    return null;
  if (value instanceof Date) return value.toISOString();
  if (Prisma.Decimal.isDecimal(value)) return Number(value.toString());
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Fields).sort(([a], [b]) => a.localeCompare(b));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** The fields of `wanted` whose value differs from the row's, with both sides for the audit. */
export function diffFields<D extends Fields>(
  row: Fields,
  wanted: D,
): { changes: Partial<D>; before: Fields; after: Fields } | undefined {
  const changes: Partial<D> = {};
  const before: Fields = {};
  const after: Fields = {};
  for (const [field, value] of Object.entries(wanted)) {
    if (sameValue(row[field], value)) continue;
    (changes as Fields)[field] = value;
    before[field] = canonical(row[field]);
    after[field] = canonical(value);
  }
  return Object.keys(changes).length ? { changes, before, after } : undefined;
}

export function recordAudit(
  run: ImportRun,
  action: 'import.created' | 'import.updated' | 'import.pruned',
  entry: { entity: string; entityId: string; entityRef: string; before?: Fields; after?: Fields },
): void {
  run.audit.push({
    partnershipId: run.partnershipId,
    at: run.now,
    actorLabel: run.actorLabel,
    action,
    entity: entry.entity,
    entityId: entry.entityId,
    entityRef: entry.entityRef,
    ...(entry.before ? { before: canonical(entry.before) as Prisma.InputJsonValue } : {}),
    ...(entry.after ? { after: canonical(entry.after) as Prisma.InputJsonValue } : {}),
  });
}
