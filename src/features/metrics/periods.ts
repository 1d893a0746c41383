import {
  fiscalYearLabel,
  parseQuarterLabel,
  quarterLabel,
  quarterOf,
} from '../../time/financial-year.ts';
import {
  monthEnd,
  monthIndex,
  monthKey,
  monthLabel,
  monthOf,
  parseMonthKey,
  parseMonthName,
  parseYear,
  type MonthIndex,
} from './months.ts';
import { parseRollingYearLabel, rollingYearLabel } from './rolling-year.ts';

/** The period kinds a figure can be computed for from monthly values. */
export type ComputedKind = 'MONTH' | 'QUARTER' | 'ROLLING_YEAR' | 'FINANCIAL_YEAR';
export const COMPUTED_KINDS: readonly ComputedKind[] = [
  'MONTH',
  'QUARTER',
  'ROLLING_YEAR',
  'FINANCIAL_YEAR',
];

/** A run of whole months ending in `end`: a month, a financial-year quarter or a year. */
export interface Period {
  kind: ComputedKind;
  end: MonthIndex;
}

const LENGTH: Record<ComputedKind, number> = {
  MONTH: 1,
  QUARTER: 3,
  ROLLING_YEAR: 12,
  FINANCIAL_YEAR: 12,
};

export function periodLength(kind: ComputedKind): number {
  return LENGTH[kind];
}

/** Whether a period of the kind can end in the month: quarters and financial years end on their boundaries. */
export function canEndIn(kind: ComputedKind, end: MonthIndex, fyStartMonth = 4): boolean {
  const monthsIntoYear = (monthOf(end) - fyStartMonth + 12) % 12;
  if (kind === 'QUARTER') return monthsIntoYear % 3 === 2;
  if (kind === 'FINANCIAL_YEAR') return monthsIntoYear === 11;
  return true;
}

/** The latest month at or before `month` that a period of the kind can end in. */
export function lastEndAtOrBefore(
  kind: ComputedKind,
  month: MonthIndex,
  fyStartMonth = 4,
): MonthIndex {
  let end = month;
  while (!canEndIn(kind, end, fyStartMonth)) end--;
  return end;
}

/** First and last month covered. */
export function periodMonths(p: Period): { first: MonthIndex; last: MonthIndex } {
  return { first: p.end - LENGTH[p.kind] + 1, last: p.end };
}

/** The same-length period a year earlier: same month, same quarter or the previous (rolling) year. */
export function previousPeriod(p: Period): Period {
  return { kind: p.kind, end: p.end - 12 };
}

/** Step between consecutive periods of a trend: a month for months and rolling years, else the length. */
export function trendStep(kind: ComputedKind): number {
  return kind === 'MONTH' || kind === 'ROLLING_YEAR' ? 1 : LENGTH[kind];
}

/** "Jan 2022", "Q2 2022/23", "Rolling Year Jan 22", "2021/22". */
export function periodLabel(p: Period, fyStartMonth = 4): string {
  switch (p.kind) {
    case 'MONTH':
      return monthLabel(p.end);
    case 'ROLLING_YEAR':
      return rollingYearLabel(p.end);
    case 'QUARTER':
      return quarterLabel(quarterOf(`${monthKey(p.end)}-01`, fyStartMonth));
    case 'FINANCIAL_YEAR':
      return fiscalYearLabel(quarterOf(`${monthKey(p.end)}-01`, fyStartMonth).fiscalYear);
  }
}

/** The Figure `periodEnd`: the period's last day. */
export function periodEndDate(p: Period): Date {
  return monthEnd(p.end);
}

/**
 * Reads a period as people write it: "2022-01" or "Jan 2022" (a month), "Q2 2022/23" (a quarter),
 * "Rolling Year Jan 22" (twelve months to January 2022), "2021/22" or "FY 2021/22" (a financial year).
 */
export function parsePeriodLabel(text: string, fyStartMonth = 4): Period | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  const month = parseMonthKey(t) ?? parseMonthWords(t);
  if (month !== undefined) return { kind: 'MONTH', end: month };
  const rolling = parseRollingYearLabel(t);
  if (rolling !== undefined) return { kind: 'ROLLING_YEAR', end: rolling };
  const quarter = parseQuarterLabel(t.toUpperCase());
  if (quarter) {
    const startMonth = monthIndex(quarter.fiscalYear, fyStartMonth) + (quarter.quarter - 1) * 3;
    return { kind: 'QUARTER', end: startMonth + 2 };
  }
  const fy = /^(?:FY )?(\d{4})\/(\d{2})$/i.exec(t);
  if (fy && (Number(fy[1]) + 1) % 100 === Number(fy[2]))
    return { kind: 'FINANCIAL_YEAR', end: monthIndex(Number(fy[1]), fyStartMonth) + 11 };
  return undefined;
}

function parseMonthWords(text: string): MonthIndex | undefined {
  const m = /^([a-z]+)\.? (\d{2}|\d{4})$/i.exec(text);
  if (!m) return undefined;
  const month = parseMonthName(m[1]!);
  const year = parseYear(m[2]!);
  return month && year ? monthIndex(year, month) : undefined;
}
