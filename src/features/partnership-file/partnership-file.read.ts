import { readFile, stat } from 'node:fs/promises';
import { isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import {
  formatPath,
  PartnershipFileError,
  type DocPath,
  type FileProblem,
} from './partnership-file.error.ts';
import { describeIssues } from './partnership-file.issues.ts';
import { checkReferences } from './partnership-file.references.ts';
import { PartnershipFileSchema, type PartnershipFile } from './partnership-file.schemas.ts';

export { PartnershipFileError };

/** Larger files are refused before they are read: a partnership's data is a few hundred KB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Reads, validates and cross-checks a partnership file (YAML, or JSON, which YAML reads too).
 * Throws a PartnershipFileError naming the file, each problem's place and line, and what was
 * expected; never touches the database, so a bad file leaves it as it was.
 */
export async function readPartnershipFile(path: string): Promise<PartnershipFile> {
  await refuseLargeFile(path);
  const text = await readFile(path, 'utf8');
  return parsePartnershipText(text, path);
}

/** The same checks on text already in memory; `file` is how messages name it. */
export function parsePartnershipText(text: string, file: string): PartnershipFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: true,
  });
  // The first syntax error is the real one; the parser's later errors are mostly its consequences.
  if (doc.errors[0]) throw new PartnershipFileError(file, [syntaxProblem(doc.errors[0])]);
  const lineOf = (path: DocPath) => lineOfPath(doc, lineCounter, path);
  const parsed = PartnershipFileSchema.safeParse(doc.toJS({ maxAliasCount: 1_000 }), {
    reportInput: true,
  });
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues).map((p) =>
      located(p.path, p.message, lineOf),
    );
    throw new PartnershipFileError(file, problems);
  }
  const references = checkReferences(parsed.data);
  if (references.length)
    throw new PartnershipFileError(
      file,
      references.map((p) => located(p.path, p.message, lineOf)),
    );
  return parsed.data;
}

async function refuseLargeFile(path: string): Promise<void> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile())
      throw new PartnershipFileError(path, [
        { path: '', message: 'expected a file, found a folder or device' },
      ]);
    size = info.size;
  } catch (error) {
    if (error instanceof PartnershipFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new PartnershipFileError(path, [
      { path: '', message: code === 'ENOENT' ? 'no such file' : `cannot be read (${code})` },
    ]);
  }
  if (size > MAX_FILE_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    throw new PartnershipFileError(path, [
      {
        path: '',
        message: `the file is ${mb} MB; the limit is 10 MB, so it was not read. Expected a partnership file (usually well under 1 MB): check it is the right file`,
      },
    ]);
  }
}

function syntaxProblem(error: {
  message: string;
  linePos?: [{ line: number; col: number }, ...unknown[]];
}): FileProblem {
  const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const position = error.linePos?.[0];
  const message = `not valid YAML: ${first}${position ? ` (column ${position.col})` : ''}`;
  return position ? { path: '', line: position.line, message } : { path: '', message };
}

function located(
  path: DocPath,
  message: string,
  lineOf: (path: DocPath) => number | undefined,
): FileProblem {
  const line = lineOf(path);
  return line === undefined
    ? { path: formatPath(path), message }
    : { path: formatPath(path), line, message };
}

/** The line of the value at `path`, or of the nearest enclosing node when the value is missing. */
function lineOfPath(doc: Document, lines: LineCounter, path: DocPath): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as
      { range?: [number, number, number] } | undefined;
    if (depth < path.length && node && typeof path[depth] === 'string') {
      const key = keyNode(node, path[depth] as string);
      if (key?.range) return lines.linePos(key.range[0]).line;
    }
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** A field written in the map but whose value is the problem's subject (e.g. an unknown key). */
function keyNode(
  map: unknown,
  key: string,
): { range?: [number, number, number] | null } | undefined {
  const items = (map as { items?: unknown[] }).items ?? [];
  for (const item of items)
    if (isPair(item) && isScalar(item.key) && item.key.value === key) return item.key;
  return undefined;
}
