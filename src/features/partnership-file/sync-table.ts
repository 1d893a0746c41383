import { randomUUID } from 'node:crypto';
import { diffFields, recordAudit, type Fields, type ImportRun } from './sync-record.ts';

/** One record the file wants: its natural key, a fallback key, how to name it, and its fields. */
export interface Wanted<D extends Fields> {
  key: string;
  /** An id chosen in advance, for a record others point at before it is written. */
  id?: string;
  /** Tried when the key finds nothing (a renamed person still has their email). */
  altKey?: string;
  ref: string;
  data: D;
}

export interface TableSpec<Row extends { id: string }, D extends Fields> {
  /** Prisma model name, as the audit log records it. */
  entity: string;
  /** How the missing-from-file list names one ("person", "commitment"). */
  noun: string;
  existing: readonly Row[];
  keyOf(row: NoInfer<Row>): string;
  altKeyOf?(row: NoInfer<Row>): string;
  refOf(row: NoInfer<Row>): string;
  /** Rows the file is not expected to hold (already retired, or made in Teams): never missing. */
  ignoreIfMissing?(row: NoInfer<Row>): boolean;
  /** False for tables whose extra rows are harmless (reporting periods). */
  reportMissing?: boolean;
  wanted: ReadonlyArray<Wanted<D>>;
  /** Final touches that depend on the row found (keep a retirement date, say). */
  prepare?(data: D, row: NoInfer<Row> | undefined): D;
  create(rows: Array<D & { id: string }>): Promise<unknown>;
  update(id: string, changes: Partial<D>): Promise<unknown>;
}

export interface Synced<Row> {
  /** Natural key → id, for everything the file holds. */
  idOf: Map<string, string>;
  /** Rows the database has and the file lacks (already listed in run.missing). */
  missing: Row[];
}

/**
 * Brings one table in line with the file by natural key: creates what is new (in one statement),
 * updates only the fields that differ, audits each change, and reports what the file lacks.
 */
export async function syncTable<Row extends { id: string }, D extends Fields>(
  run: ImportRun,
  spec: TableSpec<Row, D>,
): Promise<Synced<Row>> {
  const matched = matchRows(spec);
  const idOf = new Map<string, string>();
  const creates: Array<D & { id: string }> = [];
  for (const [wanted, row] of matched) {
    const data = spec.prepare ? spec.prepare(wanted.data, row) : wanted.data;
    const id = row?.id ?? wanted.id ?? randomUUID();
    idOf.set(wanted.key, id);
    if (!row) {
      creates.push({ ...data, id });
      recordAudit(run, 'import.created', {
        entity: spec.entity,
        entityId: id,
        entityRef: wanted.ref,
        after: data,
      });
      run.tally.created++;
      continue;
    }
    const diff = diffFields(row as unknown as Fields, data);
    if (!diff) {
      run.tally.unchanged++;
      continue;
    }
    await spec.update(row.id, diff.changes);
    recordAudit(run, 'import.updated', {
      entity: spec.entity,
      entityId: row.id,
      entityRef: wanted.ref,
      before: diff.before,
      after: diff.after,
    });
    run.tally.updated++;
  }
  if (creates.length) await spec.create(creates);
  const used = new Set([...matched.values()]);
  if (spec.reportMissing === false) return { idOf, missing: [] };
  const missing = spec.existing.filter((row) => !used.has(row) && !spec.ignoreIfMissing?.(row));
  for (const row of missing) run.missing.push(`${spec.noun}: ${spec.refOf(row)}`);
  return { idOf, missing };
}

function matchRows<Row extends { id: string }, D extends Fields>(
  spec: TableSpec<Row, D>,
): Map<Wanted<D>, Row | undefined> {
  const byKey = new Map(spec.existing.map((row) => [spec.keyOf(row), row]));
  const matched = new Map<Wanted<D>, Row | undefined>();
  const taken = new Set<Row>();
  for (const wanted of spec.wanted) {
    const row = byKey.get(wanted.key);
    matched.set(wanted, row);
    if (row) taken.add(row);
  }
  if (!spec.altKeyOf) return matched;
  const byAlt = new Map(
    spec.existing.filter((r) => !taken.has(r)).map((row) => [spec.altKeyOf!(row), row]),
  );
  for (const [wanted, row] of matched) {
    const alt = wanted.altKey === undefined ? undefined : byAlt.get(wanted.altKey);
    if (row || !alt || taken.has(alt)) continue;
    matched.set(wanted, alt);
    taken.add(alt);
  }
  return matched;
}

/** With --prune, retires or deletes what the file lacks, auditing each; otherwise only lists it. */
export async function pruneRows<Row extends { id: string }>(
  run: ImportRun,
  rows: readonly Row[],
  entry: { entity: string; refOf(row: NoInfer<Row>): string; after: Fields },
  apply: (ids: string[]) => Promise<unknown>,
): Promise<void> {
  if (!run.prune || rows.length === 0) return;
  await apply(rows.map((row) => row.id));
  for (const row of rows)
    recordAudit(run, 'import.pruned', {
      entity: entry.entity,
      entityId: row.id,
      entityRef: entry.refOf(row),
      after: entry.after,
    });
  run.tally.pruned += rows.length;
}
