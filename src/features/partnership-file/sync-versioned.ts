import { randomUUID } from 'node:crypto';
import { diffFields, recordAudit, type Fields, type ImportRun } from './sync-record.ts';
import { pruneRows, type Wanted } from './sync-table.ts';

export interface VersionedRow {
  id: string;
  version: number;
  supersededAt: Date | null;
}

export interface VersionedSpec<Row extends VersionedRow, D extends Fields> {
  entity: string;
  noun: string;
  /** Every version the database holds for the partnership, superseded ones included. */
  rows: readonly Row[];
  keyOf(row: Row): string;
  refOf(row: Row): string;
  wanted: ReadonlyArray<Wanted<D>>;
  /** Versions the file is not expected to hold (made in Teams): never missing, never pruned. */
  ignoreIfMissing?(row: Row): boolean;
  create(rows: Array<D & { id: string; version: number }>): Promise<unknown>;
  supersede(ids: string[], at: Date): Promise<unknown>;
}

/**
 * For records whose history is kept (RAG ratings, narratives, published figures): a value that
 * differs from the current version becomes version n+1 and the old one is superseded, never
 * overwritten. With --prune, current versions the file lacks are superseded too.
 */
export async function syncVersioned<Row extends VersionedRow, D extends Fields>(
  run: ImportRun,
  spec: VersionedSpec<Row, D>,
): Promise<void> {
  const { current, lastVersion } = indexVersions(spec);
  const creates: Array<D & { id: string; version: number }> = [];
  const superseded: string[] = [];
  const seen = new Set<string>();
  for (const wanted of spec.wanted) {
    seen.add(wanted.key);
    const row = current.get(wanted.key);
    const diff = row ? diffFields(row as unknown as Fields, wanted.data) : undefined;
    if (row && !diff) {
      run.tally.unchanged++;
      continue;
    }
    const id = randomUUID();
    const version = (lastVersion.get(wanted.key) ?? 0) + 1;
    creates.push({ ...wanted.data, id, version });
    const entry = { entity: spec.entity, entityId: id, entityRef: wanted.ref };
    if (row && diff) {
      superseded.push(row.id);
      recordAudit(run, 'import.updated', {
        ...entry,
        before: { ...diff.before, version: row.version },
        after: { ...diff.after, version },
      });
      run.tally.updated++;
    } else {
      recordAudit(run, 'import.created', { ...entry, after: { ...wanted.data, version } });
      run.tally.created++;
    }
  }
  if (superseded.length) await spec.supersede(superseded, run.now);
  if (creates.length) await spec.create(creates);
  const missing = [...current]
    .filter(([key, row]) => !seen.has(key) && !spec.ignoreIfMissing?.(row))
    .map(([, row]) => row);
  for (const row of missing) run.missing.push(`${spec.noun}: ${spec.refOf(row)}`);
  await pruneRows(
    run,
    missing,
    { entity: spec.entity, refOf: spec.refOf, after: { supersededAt: run.now } },
    (ids) => spec.supersede(ids, run.now),
  );
}

/** The current version of each record, and the highest version number it has ever had. */
function indexVersions<Row extends VersionedRow, D extends Fields>(spec: VersionedSpec<Row, D>) {
  const current = new Map<string, Row>();
  const lastVersion = new Map<string, number>();
  for (const row of spec.rows) {
    const key = spec.keyOf(row);
    lastVersion.set(key, Math.max(lastVersion.get(key) ?? 0, row.version));
    if (row.supersededAt === null) current.set(key, row);
  }
  return { current, lastVersion };
}
