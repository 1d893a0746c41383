import type { z } from 'zod/v4';
import type { DocPath } from './partnership-file.error.ts';

type Issue = z.core.$ZodIssue & { input?: unknown };

/** A schema problem before it is given a line: where it is and what was expected. */
export interface LocatedMessage {
  path: DocPath;
  message: string;
}

/** What the two unions of the format accept, said the way the docs say it. */
const UNION_SHAPES: Array<[RegExp, string]> = [
  [
    /owners$/,
    'an owner written { person: NAME }, { organisation: NAME }, { group: NAME } or { role: chair | vice-chair | officer | clerk }',
  ],
  [/(present|alsoPresent|apologies)$/, "a person's name, or { name: NAME, titleAsWritten: TEXT }"],
];

/**
 * Turns zod's issues into messages an officer can act on ("expected a date written YYYY-MM-DD,
 * got "17/08/2022""), descending into unions to the option that nearly matched.
 */
export function describeIssues(issues: readonly Issue[], base: DocPath = []): LocatedMessage[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...(issue.path as Array<string | number>)];
    if (issue.code === 'invalid_union') return describeUnion(issue, path);
    // Point at the misspelt field itself, so the line is the field's.
    if (issue.code === 'unrecognized_keys')
      return [{ path: [...path, issue.keys[0]!], message: describeIssue(issue) }];
    return [{ path, message: describeIssue(issue) }];
  });
}

function describeUnion(issue: Issue & { errors: Issue[][] }, path: DocPath): LocatedMessage[] {
  const sizes = issue.errors.map((option) => option.length);
  const fewest = Math.min(...sizes);
  const best = issue.errors.filter((option) => option.length === fewest);
  const nearMiss =
    best.length === 1 && !best[0]!.some((i) => i.path.length === 0 && i.code === 'invalid_type');
  if (nearMiss) return describeIssues(best[0]!, path);
  const parent = String(path.filter((k) => typeof k === 'string').at(-1) ?? '');
  const shape =
    UNION_SHAPES.find(([pattern]) => pattern.test(parent))?.[1] ?? 'one of the accepted forms';
  return [{ path, message: `expected ${shape}, got ${describeValue(issue.input)}` }];
}

function describeIssue(issue: Issue): string {
  const got = describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `missing: expected ${article(issue.expected)}`
        : `expected ${article(issue.expected)}, got ${got}`;
    case 'too_small':
      return `expected ${bound(issue.origin, 'at least', issue.minimum)}, got ${got}`;
    case 'too_big':
      return `expected ${bound(issue.origin, 'at most', issue.maximum)}, got ${sizeOf(issue.input) ?? got}`;
    case 'invalid_format':
      return `expected ${formatWanted(issue)}, got ${got}`;
    case 'invalid_value':
      return `expected ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: check the spelling against docs/partnership-file.md`;
    default:
      return issue.message;
  }
}

function formatWanted(issue: Issue & { format: string }): string {
  if (issue.format === 'email') return 'an email address';
  // The schema words its own patterns ("a date written YYYY-MM-DD"); zod's defaults start "Invalid".
  return /^Invalid/.test(issue.message) ? `a valid ${issue.format}` : issue.message;
}

function bound(origin: string, which: string, limit: number | bigint): string {
  const n = Number(limit);
  if (origin === 'string')
    return n === 1 && which === 'at least' ? 'some text' : `${which} ${n} characters`;
  if (origin === 'array') return `${which} ${n} item${n === 1 ? '' : 's'}`;
  return `a number ${which === 'at least' ? '≥' : '≤'} ${n}`;
}

function article(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    int: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    object: 'a mapping (fields and values)',
    array: 'a list',
  };
  return words[expected] ?? expected;
}

function sizeOf(input: unknown): string | undefined {
  if (typeof input === 'string') return `${input.length} characters`;
  if (Array.isArray(input)) return `${input.length} items`;
  return undefined;
}

/** A short, safe rendering of what the file held at the place. */
export function describeValue(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return `a list of ${input.length}`;
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') {
    if (input.trim() === '') return 'empty text';
    return JSON.stringify(input.length > 60 ? `${input.slice(0, 57)}...` : input);
  }
  return String(input);
}
