import type { CsvRecord } from './csv-reader.ts';
import { MetricsFileError } from './metrics-file.error.ts';
import type { DashboardFile, DashboardRow } from './metrics.schemas.ts';
import {
  monthIndex,
  parseMonthKey,
  parseMonthName,
  parseYear,
  parseYyyymm,
  type MonthIndex,
} from './months.ts';

/** Columns the long dashboard format must have, by their name with only letters and digits, lower case. */
const REQUIRED = {
  month: 'monthyear',
  areaType: 'areatype',
  borough: 'boroughsnt',
  areaName: 'areaname',
  group: 'offencegroup',
  subgroup: 'offencesubgroup',
  measure: 'measure',
  count: 'count',
} as const;
type Field = keyof typeof REQUIRED;

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Whether the header is the MPS Monthly Crime Dashboard's (column order and case do not matter). */
export function isDashboardHeader(header: readonly string[]): boolean {
  const names = new Set(header.map(squash));
  return Object.values(REQUIRED).every((name) => names.has(name));
}

/**
 * Reads the MPS Monthly Crime Dashboard long format (`Month_Year, Area Type, Borough_SNT, Area
 * name, Area code, Offence Group, Offence Subgroup, Measure, Financial Year, FY_FYIndex, Count,
 * Refresh Date`): one row per month, area, offence and measure.
 */
export function parseDashboard(records: readonly CsvRecord[]): DashboardFile {
  const [head, ...body] = records;
  if (!head || !isDashboardHeader(head.cells))
    throw new MetricsFileError(head?.line ?? 1, 'not a Monthly Crime Dashboard header');
  const names = head.cells.map(squash);
  const column = Object.fromEntries(
    Object.entries(REQUIRED).map(([field, name]) => [field, names.indexOf(name)]),
  ) as Record<Field, number>;
  if (body.length === 0) throw new MetricsFileError(head.line, 'the file has a header but no rows');
  return {
    format: 'mps-dashboard',
    rows: body.map((record) => readRow(record, head.cells.length, column)),
  };
}

function readRow(record: CsvRecord, width: number, column: Record<Field, number>): DashboardRow {
  const { line, cells } = record;
  if (cells.length !== width)
    throw new MetricsFileError(
      line,
      `${cells.length} values, expected ${width} (one per header column)`,
    );
  const get = (field: Field) => (cells[column[field]] ?? '').trim();
  const month = parseDashboardMonth(get('month'));
  if (month === undefined)
    throw new MetricsFileError(
      line,
      `Month_Year "${get('month')}" is not a month (e.g. 01/04/2022 or 2022-04)`,
    );
  for (const field of ['areaType', 'borough', 'group', 'measure'] as const)
    if (!get(field)) throw new MetricsFileError(line, `the ${LABELS[field]} must not be empty`);
  const countText = get('count').replace(/,/g, '');
  if (!/^\d+$/.test(countText))
    throw new MetricsFileError(line, `Count "${get('count')}" is not a whole number`);
  return {
    line,
    month,
    areaType: get('areaType'),
    borough: get('borough'),
    areaName: get('areaName'),
    group: get('group'),
    subgroup: get('subgroup'),
    measure: get('measure'),
    count: Number(countText),
  };
}

const LABELS: Record<Field, string> = {
  month: 'Month_Year',
  areaType: 'Area Type',
  borough: 'Borough_SNT',
  areaName: 'Area name',
  group: 'Offence Group',
  subgroup: 'Offence Subgroup',
  measure: 'Measure',
  count: 'Count',
};

/** "01/04/2022" (day first), "2022-04-01", "2022-04", "202204", "Apr-22", "April 2022". */
export function parseDashboardMonth(text: string): MonthIndex | undefined {
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (dmy) {
    const month = Number(dmy[2]);
    return month >= 1 && month <= 12 ? monthIndex(Number(dmy[3]), month) : undefined;
  }
  const iso = parseMonthKey(text) ?? parseYyyymm(text);
  if (iso !== undefined) return iso;
  const words = /^([a-z]+)[-\s](\d{2}|\d{4})$/i.exec(text);
  if (!words) return undefined;
  const month = parseMonthName(words[1]!);
  const year = parseYear(words[2]!);
  return month && year ? monthIndex(year, month) : undefined;
}
