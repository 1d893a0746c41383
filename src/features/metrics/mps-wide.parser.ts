import type { CsvRecord } from './csv-reader.ts';
import { MetricsFileError } from './metrics-file.error.ts';
import type { WideFile, WideHeaderVersion, WideRow } from './metrics.schemas.ts';
import { monthKey, parseYyyymm, type MonthIndex } from './months.ts';
import { canonicalMajor, canonicalMinor, categoryKey } from './police-categories.ts';

/** The first three header cells of each version of the wide file, lower-cased. */
const HEADERS: Record<string, WideHeaderVersion> = {
  'majortext,minortext,lookup_boroughname': 'LookUp_BoroughName',
  'majortext,minortext,boroughname': 'BoroughName',
  'group,subgroup,bocu': 'BOCU',
};

/** Which wide header this is (any case), or undefined. */
export function wideHeaderVersion(header: readonly string[]): WideHeaderVersion | undefined {
  return HEADERS[
    header
      .slice(0, 3)
      .map((c) => c.trim().toLowerCase())
      .join(',')
  ];
}

/**
 * Reads a Met Police borough-level file in any header version: `MajorText,MinorText,
 * LookUp_BoroughName,…`, `MajorText,MinorText,BoroughName,…` or `Group,SubGroup,BOCU,…`, then
 * one `YYYYMM` column per month. Categories are stored in their canonical spelling.
 */
export function parseWide(records: readonly CsvRecord[]): WideFile {
  const [head, ...body] = records;
  const header = head ? wideHeaderVersion(head.cells) : undefined;
  if (!head || !header)
    throw new MetricsFileError(head?.line ?? 1, 'not a Met Police borough-level file header');
  const months = readMonths(head);
  if (body.length === 0) throw new MetricsFileError(head.line, 'the file has a header but no rows');
  const seen = new Map<string, number>();
  const rows = body.map((record) => {
    const row = readRow(record, head.cells.length, months);
    const key = `${row.major}|${row.minor}|${categoryKey(row.borough)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      throw new MetricsFileError(
        record.line,
        `${row.writtenMajor} / ${row.writtenMinor} for ${row.borough} is already given on line ${earlier}`,
      );
    seen.set(key, record.line);
    return row;
  });
  return { format: 'mps-wide', header, months, rows };
}

function readMonths(head: CsvRecord): MonthIndex[] {
  const cells = head.cells.slice(3);
  if (cells.length === 0)
    throw new MetricsFileError(
      head.line,
      'the header has no month columns (expected YYYYMM, e.g. 202104)',
    );
  const months: MonthIndex[] = [];
  cells.forEach((cell, i) => {
    const month = parseYyyymm(cell);
    if (month === undefined)
      throw new MetricsFileError(
        head.line,
        `column ${i + 4} "${cell}" is not a month written YYYYMM (e.g. 202104)`,
      );
    if (months.includes(month))
      throw new MetricsFileError(head.line, `month ${cell} appears twice in the header`);
    months.push(month);
  });
  return months;
}

function readRow(record: CsvRecord, width: number, months: readonly MonthIndex[]): WideRow {
  const { line, cells } = record;
  if (cells.length !== width)
    throw new MetricsFileError(
      line,
      `${cells.length} values, expected ${width} (one per header column)`,
    );
  const [major, minor, borough] = cells.map((c) => c.trim()) as [string, string, string];
  if (!major || !minor || !borough)
    throw new MetricsFileError(line, 'the category, subcategory and borough must not be empty');
  const counts = cells.slice(3).map((cell, i) => {
    const text = cell.trim();
    if (!/^\d+$/.test(text))
      throw new MetricsFileError(
        line,
        `${monthKey(months[i]!).replace('-', '')}: "${cell}" is not a whole number of offences`,
      );
    return Number(text);
  });
  return {
    line,
    major: canonicalMajor(major),
    minor: canonicalMinor(minor),
    writtenMajor: major,
    writtenMinor: minor,
    borough,
    counts,
  };
}
