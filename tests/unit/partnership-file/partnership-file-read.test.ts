import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  MAX_FILE_BYTES,
  PartnershipFileError,
  readPartnershipFile,
} from '../../../src/features/partnership-file/partnership-file.read.ts';
import { deriveEmail } from '../../../src/features/partnership-file/partnership-file.names.ts';
import { normaliseRag } from '../../../src/features/partnership-file/rag-words.ts';

const FIXTURE = resolve(import.meta.dirname, '..', '..', 'fixtures', 'partnership-minimal.yaml');
const ORIGINAL = readFileSync(FIXTURE, 'utf8');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pbb-read-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function replaced(from: string, to: string): string {
  if (!ORIGINAL.includes(from)) throw new Error(`fixture lacks: ${from}`);
  return ORIGINAL.replace(from, to);
}

/** The line (1-based) of the first occurrence of `text` in `source`. */
function lineOf(source: string, text: string): number {
  return source.slice(0, source.indexOf(text)).split('\n').length;
}

async function failure(path: string): Promise<PartnershipFileError> {
  const error = await readPartnershipFile(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PartnershipFileError);
  return error as PartnershipFileError;
}

describe('readPartnershipFile', () => {
  it('reads the minimal fixture', async () => {
    const file = await readPartnershipFile(FIXTURE);
    expect(file.partnership.slug).toBe('example-town');
    expect(file.people).toHaveLength(5);
    expect(file.people[0]!.membership).toBe('member');
  });

  it('reports malformed YAML with its line', async () => {
    const text = replaced(
      '  name: Example Town Partnership\n',
      '  name: [Example Town Partnership\n',
    );
    const path = fileWith('malformed.yaml', text);
    const error = await failure(path);
    expect(error.message).toContain(`Cannot import ${path}: 1 problem`);
    expect(error.message).toMatch(
      /line \d+: not valid YAML: Flow sequence .* must .* end with a \]/,
    );
    // The parser notices the unclosed bracket where the next line starts.
    expect(error.problems[0]!.line).toBe(lineOf(text, '  quorum: 3'));
  });

  it('reports a repeated key at its line', async () => {
    const text = replaced('  quorum: 3\n', '  quorum: 3\n  quorum: 4\n');
    const error = await failure(fileWith('repeated.yaml', text));
    expect(error.problems).toEqual([
      {
        path: '',
        line: lineOf(text, 'quorum: 4'),
        message: expect.stringMatching(/not valid YAML: Map keys must be unique/),
      },
    ]);
  });

  it('names the path, the line and what was expected for a wrong type deep inside', async () => {
    const text = replaced(
      '            - ref: 1.1.2\n',
      '            - ref: 1.1.2\n              owners: Community Safety\n',
    ).replace(
      '              owners: [Community Safety]\n        - number: 2',
      '        - number: 2',
    );
    const error = await failure(fileWith('wrong-type.yaml', text));
    const problem = error.problems.find(
      (p) => p.path === 'strategy.priorities[0].sections[0].commitments[1].owners',
    );
    expect(problem).toMatchObject({
      line: lineOf(text, 'owners: Community Safety'),
      message: 'expected a list, got "Community Safety"',
    });
    expect(error.message).toContain(
      'strategy.priorities[0].sections[0].commitments[1].owners, line',
    );
  });

  it('names an unknown reference, suggesting the likely one', async () => {
    const text = replaced(
      "owners: [{ person: Jamie O'Malley }]",
      'owners: [{ person: Jamie OMalley }]',
    );
    const error = await failure(fileWith('unknown-ref.yaml', text));
    expect(error.problems).toEqual([
      {
        path: 'meetings[0].minutes[1].actions[0].owners[0].person',
        line: lineOf(text, '{ person: Jamie OMalley }'),
        message: `unknown person "Jamie OMalley" (did you mean "Jamie O'Malley"?): expected a name listed under people`,
      },
    ]);
  });

  it('still suggests the name when two letters are swapped as well', async () => {
    const text = replaced(
      "owners: [{ person: Jamie O'Malley }]",
      'owners: [{ person: Jmaie OMalley }]',
    );
    const error = await failure(fileWith('swapped-ref.yaml', text));
    expect(error.problems.map((p) => p.message)).toEqual([
      `unknown person "Jmaie OMalley" (did you mean "Jamie O'Malley"?): expected a name listed under people`,
    ]);
  });

  it('lists several problems at once, RAG words and periods included', async () => {
    const text = replaced('    rag: [Amber]', '    rag: [Ambre]').replace(
      'period: Q2 2022/23\n    rag: [Ambre]',
      'period: Q3 2022/23\n    rag: [Ambre]',
    );
    const error = await failure(fileWith('several.yaml', text));
    expect(error.problems.map((p) => p.path)).toEqual(['updates[2].period', 'updates[2].rag[0]']);
    expect(error.message).toMatch(/2 problems/);
  });

  it('refuses a file over 10 MB before reading it', async () => {
    const path = join(dir, 'huge.yaml');
    const fd = openSync(path, 'w');
    // Sparse: the size is there, the bytes (and the parse) are not.
    writeSync(fd, 'x', MAX_FILE_BYTES + 1024 * 1024);
    closeSync(fd);
    const started = performance.now();
    const error = await failure(path);
    expect(performance.now() - started).toBeLessThan(500);
    expect(error.message).toMatch(/the file is 11\.0 MB; the limit is 10 MB, so it was not read/);
  });

  it('reads JSON too, with lines in its errors', async () => {
    const data = parse(ORIGINAL) as { people: Array<{ name: unknown }> };
    const good = await readPartnershipFile(fileWith('good.json', JSON.stringify(data, null, 2)));
    expect(good.people).toHaveLength(5);
    data.people[1]!.name = 42;
    const text = JSON.stringify(data, null, 2);
    const error = await failure(fileWith('bad.json', text));
    expect(error.problems[0]).toMatchObject({
      path: 'people[1].name',
      line: lineOf(text, '"name": 42'),
      message: 'expected text, got 42',
    });
  });

  it('points an unknown field at its own line', async () => {
    const text = replaced('  quorum: 3\n', '  quorum: 3\n  colour: blue\n');
    const error = await failure(fileWith('unknown-field.yaml', text));
    expect(error.problems[0]).toMatchObject({
      path: 'partnership.colour',
      line: lineOf(text, 'colour: blue'),
    });
  });
});

describe('file conventions', () => {
  it('derives emails as the conventions say', () => {
    expect(deriveEmail("Jamie O'Malley")).toBe('jamie.omalley@example.org');
    expect(deriveEmail('Mimi Morris-Cotterill')).toBe('mimi.morris-cotterill@example.org');
    expect(deriveEmail('Steve Wood')).toBe('steve.wood@example.org');
  });

  it('normalises a split RAG cell to the worse status', () => {
    const vocabulary = [
      { word: 'In Process', status: 'AMBER' as const },
      { word: 'Achieved', status: 'ACHIEVED' as const },
      { word: 'Red', status: 'RED' as const },
      { word: 'Not reported', status: 'NOT_REPORTED' as const },
    ];
    expect(normaliseRag(['In Process', 'achieved'], vocabulary)).toBe('AMBER');
    expect(normaliseRag(['Achieved', 'Red'], vocabulary)).toBe('RED');
    expect(normaliseRag(['Not reported', 'Achieved'], vocabulary)).toBe('ACHIEVED');
    expect(normaliseRag(['Not reported'], vocabulary)).toBe('NOT_REPORTED');
  });
});
