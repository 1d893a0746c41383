import type { CsvRecord } from './csv-reader.ts';
import { MetricsFileError } from './metrics-file.error.ts';
import type { PlainFile, PlainRow } from './metrics.schemas.ts';
import { parsePeriodLabel } from './periods.ts';

const COLUMNS = ['metric', 'period', 'value', 'change', 'rag', 'area'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['metric', 'period', 'value'];
const NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

const columnName = (cell: string) => cell.trim().toLowerCase();

/** Whether the header is a plain figures file's: `metric`, `period` and `value` columns (any order, any case). */
export function isPlainHeader(header: readonly string[]): boolean {
  const names = header.map(columnName);
  return REQUIRED.every((name) => names.includes(name));
}

/**
 * Reads `metric,period,value` (optionally `change` as printed, `rag`, `area`): figures typed from
 * board papers. A period is "2022-01", "Q2 2022/23", "Rolling Year Jan 22" or "2021/22".
 */
export function parsePlain(records: readonly CsvRecord[], fyStartMonth = 4): PlainFile {
  const [head, ...body] = records;
  if (!head || !isPlainHeader(head.cells))
    throw new MetricsFileError(head?.line ?? 1, 'not a metric,period,value header');
  const names = head.cells.map(columnName);
  names.forEach((name) => {
    if (!(COLUMNS as readonly string[]).includes(name))
      throw new MetricsFileError(
        head.line,
        `unknown column "${name}" (expected ${COLUMNS.join(', ')})`,
      );
  });
  if (body.length === 0) throw new MetricsFileError(head.line, 'the file has a header but no rows');
  const at = (column: Column) => names.indexOf(column);
  const seen = new Map<string, number>();
  return {
    format: 'plain',
    rows: body.map((record) => {
      const row = readRow(record, names.length, at, fyStartMonth);
      const key = `${row.metric.toLowerCase()}|${row.period.kind}|${row.period.end}|${(row.area ?? '').toLowerCase()}`;
      const earlier = seen.get(key);
      if (earlier !== undefined)
        throw new MetricsFileError(
          record.line,
          `${row.metric} for ${row.periodText} is already given on line ${earlier}`,
        );
      seen.set(key, record.line);
      return row;
    }),
  };
}

function readRow(
  record: CsvRecord,
  width: number,
  at: (c: Column) => number,
  fyStartMonth: number,
): PlainRow {
  const { line, cells } = record;
  if (cells.length !== width)
    throw new MetricsFileError(
      line,
      `${cells.length} values, expected ${width} (one per header column)`,
    );
  const get = (column: Column) => (at(column) === -1 ? '' : (cells[at(column)] ?? '').trim());
  const metric = get('metric');
  if (!metric) throw new MetricsFileError(line, 'the metric must not be empty');
  const periodText = get('period');
  const period = parsePeriodLabel(periodText, fyStartMonth);
  if (!period)
    throw new MetricsFileError(
      line,
      `period "${periodText}" is not one of 2022-01, Q2 2022/23, Rolling Year Jan 22 or 2021/22`,
    );
  const valueText = get('value');
  if (!NUMBER.test(valueText))
    throw new MetricsFileError(line, `value "${valueText}" is not a number`);
  const row: PlainRow = {
    line,
    metric,
    period,
    periodText,
    value: Number(valueText.replace(/,/g, '')),
  };
  if (get('change')) row.change = get('change');
  if (get('rag')) row.rag = get('rag');
  if (get('area')) row.area = get('area');
  return row;
}
