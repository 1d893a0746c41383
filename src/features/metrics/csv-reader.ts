import { MetricsFileError } from './metrics-file.error.ts';

/** One record of a CSV file and the line it starts on (1-based, as an editor shows it). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Reads CSV text (RFC 4180): commas, double-quoted fields with `""` for a quote, line breaks
 * inside quotes, CRLF, LF or CR endings, a leading byte-order mark. Blank lines are skipped, and
 * so are lines starting with `#` before the first record (a note saying where a file came from).
 * A stray or unterminated quote throws a MetricsFileError naming the line.
 */
export function readCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let pos = 0;
  while (pos < src.length) {
    if (records.length === 0 && src[pos] === '#') {
      const end = nextBreak(src, pos);
      [pos, line] = skipBreak(src, end, line);
      continue;
    }
    const start = line;
    const { cells, next, lines } = readRecord(src, pos, line);
    pos = next;
    line = lines;
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: start, cells });
  }
  return records;
}

function nextBreak(src: string, from: number): number {
  let i = from;
  while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
  return i;
}

/** Steps over one line break at `at`, if any: returns the next position and line number. */
function skipBreak(src: string, at: number, line: number): [number, number] {
  if (at >= src.length) return [at, line];
  if (src[at] === '\r' && src[at + 1] === '\n') return [at + 2, line + 1];
  return [at + 1, line + 1];
}

function readRecord(
  src: string,
  from: number,
  line: number,
): { cells: string[]; next: number; lines: number } {
  const cells: string[] = [];
  let pos = from;
  let current = line;
  for (;;) {
    let cell: string;
    if (src[pos] === '"') {
      const quoted = readQuoted(src, pos, current);
      cell = quoted.value;
      pos = quoted.next;
      current = quoted.line;
      if (pos < src.length && src[pos] !== ',' && src[pos] !== '\n' && src[pos] !== '\r')
        throw new MetricsFileError(
          current,
          'unexpected text after a closing quote (a quote inside a quoted value is written "")',
        );
    } else {
      let end = pos;
      while (end < src.length && src[end] !== ',' && src[end] !== '\n' && src[end] !== '\r') end++;
      cell = src.slice(pos, end);
      if (cell.includes('"'))
        throw new MetricsFileError(
          current,
          'a quote inside an unquoted value (quote the whole value and write the quote as "")',
        );
      pos = end;
    }
    cells.push(cell);
    if (src[pos] === ',') {
      pos++;
      continue;
    }
    const [next, lines] = skipBreak(src, pos, current);
    return { cells, next, lines };
  }
}

function readQuoted(
  src: string,
  from: number,
  line: number,
): { value: string; next: number; line: number } {
  let pos = from + 1;
  let current = line;
  let value = '';
  for (;;) {
    const quote = src.indexOf('"', pos);
    if (quote === -1)
      throw new MetricsFileError(line, 'a quoted value is never closed (missing ")');
    const chunk = src.slice(pos, quote);
    current += countBreaks(chunk);
    value += chunk;
    if (src[quote + 1] === '"') {
      value += '"';
      pos = quote + 2;
      continue;
    }
    return { value, next: quote + 1, line: current };
  }
}

function countBreaks(text: string): number {
  const matches = text.match(/\r\n|\r|\n/g);
  return matches ? matches.length : 0;
}
