/** One thing wrong with a partnership file, located as precisely as the file allows. */
export interface FileProblem {
  /** Where in the document, e.g. `strategy.priorities[1].sections[2].commitments[0].rag`; '' for the whole file. */
  path: string;
  /** 1-based line in the file, where the parser could tell. */
  line?: number;
  /** What was found and what was expected, in words an officer can act on. */
  message: string;
}

/** A file error message lists this many problems; fixing them usually reveals the rest. */
export const MAX_PROBLEMS_SHOWN = 20;

/**
 * A partnership file that cannot be imported. The message names the file, each problem's place
 * and line, and what was expected, so it can be printed as it is; nothing has been written.
 */
export class PartnershipFileError extends Error {
  override name = 'PartnershipFileError';
  constructor(
    readonly file: string,
    readonly problems: FileProblem[],
    options?: { cause?: unknown },
  ) {
    super(describeProblems(file, problems), options);
  }
}

function describeProblems(file: string, problems: FileProblem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `  - ${placeOf(p)}${p.message}`);
  const more = problems.length - MAX_PROBLEMS_SHOWN;
  if (more > 0) lines.push(`  … and ${more} more`);
  return `Cannot import ${file}: ${count} (nothing was imported).\n${lines.join('\n')}`;
}

function placeOf(problem: FileProblem): string {
  const where = [problem.path, problem.line === undefined ? '' : `line ${problem.line}`].filter(
    Boolean,
  );
  return where.length ? `${where.join(', ')}: ` : '';
}

export type DocPath = ReadonlyArray<string | number>;

/** `['strategy', 'priorities', 1, 'title']` → `strategy.priorities[1].title`. */
export function formatPath(path: DocPath): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${key}` : key;
  }, '');
}
