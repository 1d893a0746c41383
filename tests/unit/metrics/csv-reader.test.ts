import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/features/metrics/csv-reader.ts';
import { MetricsFileError } from '../../../src/features/metrics/metrics-file.error.ts';

const cells = (text: string) => readCsv(text).map((r) => r.cells);
const lines = (text: string) => readCsv(text).map((r) => r.line);

function failure(text: string): MetricsFileError {
  try {
    readCsv(text);
  } catch (error) {
    if (error instanceof MetricsFileError) return error;
    throw error;
  }
  throw new Error('expected the text to be rejected');
}

describe('readCsv', () => {
  it('reads LF, CRLF and CR line endings alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      expect(cells(`a,b${eol}1,2${eol}`)).toEqual([
        ['a', 'b'],
        ['1', '2'],
      ]);
      expect(cells(`a,b${eol}1,2`)).toEqual([
        ['a', 'b'],
        ['1', '2'],
      ]);
    }
  });

  it('keeps a comma inside quotes in the value, as the 2026 file writes "PUBLIC FEAR, ALARM OR DISTRESS"', () => {
    const text =
      'Group,SubGroup,BOCU,202407\nPUBLIC ORDER OFFENCES,"PUBLIC FEAR, ALARM OR DISTRESS",Bromley,79\n';
    expect(cells(text)[1]).toEqual([
      'PUBLIC ORDER OFFENCES',
      'PUBLIC FEAR, ALARM OR DISTRESS',
      'Bromley',
      '79',
    ]);
  });

  it('reads "" as a quote, keeps line breaks inside quotes and numbers records by their first line', () => {
    const text = 'a,b\r\n"say ""hi""","two\r\nlines"\r\nx,y\r\n';
    expect(cells(text)).toEqual([
      ['a', 'b'],
      ['say "hi"', 'two\r\nlines'],
      ['x', 'y'],
    ]);
    expect(lines(text)).toEqual([1, 2, 4]);
  });

  it('keeps empty cells, skips blank lines, a byte-order mark and # notes before the header', () => {
    const text = '\uFEFF# made up\n# second note\nmetric,period,value\n\nTNO,,\n\n';
    expect(readCsv(text)).toEqual([
      { line: 3, cells: ['metric', 'period', 'value'] },
      { line: 5, cells: ['TNO', '', ''] },
    ]);
    expect(cells('a\n#b\n')).toEqual([['a'], ['#b']]);
  });

  it('rejects an unterminated quote with the line it opens on', () => {
    const error = failure('a,b\n1,2\n3,"four\n5,6\n');
    expect(error.line).toBe(3);
    expect(error.userMessage).toMatch(/^line 3: a quoted value is never closed/);
  });

  it('rejects a quote in the middle of an unquoted value, and text after a closing quote', () => {
    expect(failure('a,b\n1,fo"o\n').line).toBe(2);
    expect(failure('a,b\n1,"foo"bar\n').userMessage).toMatch(
      /^line 2: unexpected text after a closing quote/,
    );
  });
});
