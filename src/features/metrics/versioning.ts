/** What an import did to versioned rows: new ones, revised ones (history kept), unchanged ones. */
export interface WriteTally {
  new: number;
  revised: number;
  unchanged: number;
}

/** A current (not superseded) row. */
export interface HeldRow {
  id: string;
  version: number;
}

export interface VersionPlan<I> {
  tally: WriteTally;
  /** Ids of current rows a new version replaces: they get `supersededAt`. */
  superseded: string[];
  inserts: I[];
}

/**
 * Decides, row by row, what a file changes in versioned data: a row the same as the current one
 * is unchanged; a different one is a new version (old + 1) that supersedes it; one with no
 * current row is version 1.
 */
export function planVersions<R, H extends HeldRow, I>(
  rows: readonly R[],
  held: ReadonlyMap<string, H>,
  how: {
    keyOf: (row: R) => string;
    same: (old: H, row: R) => boolean;
    insert: (row: R, version: number, old: H | undefined) => I;
  },
): VersionPlan<I> {
  const plan: VersionPlan<I> = {
    tally: { new: 0, revised: 0, unchanged: 0 },
    superseded: [],
    inserts: [],
  };
  for (const row of rows) {
    const old = held.get(how.keyOf(row));
    if (old && how.same(old, row)) {
      plan.tally.unchanged++;
      continue;
    }
    if (old) plan.superseded.push(old.id);
    plan.tally[old ? 'revised' : 'new']++;
    plan.inserts.push(how.insert(row, old ? old.version + 1 : 1, old));
  }
  return plan;
}

/** Statements stay well under PostgreSQL's 65,535 bind parameters. */
export function chunks<T>(items: readonly T[], size = 2_000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
