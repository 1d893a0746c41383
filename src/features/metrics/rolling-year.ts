import {
  MONTH_NAMES,
  monthIndex,
  monthOf,
  parseMonthName,
  parseYear,
  yearOf,
  type MonthIndex,
} from './months.ts';

/** Months in a rolling year: the twelve ending in (and including) its last month. */
export const ROLLING_YEAR_MONTHS = 12;

/** First and last month of the rolling year ending in `end`: "Rolling Year Jan 22" is Feb 2021-Jan 2022. */
export function rollingYearMonths(end: MonthIndex): { first: MonthIndex; last: MonthIndex } {
  return { first: end - (ROLLING_YEAR_MONTHS - 1), last: end };
}

/** The rolling year before: the twelve months just ahead of this one's first. */
export function previousRollingYear(end: MonthIndex): MonthIndex {
  return end - ROLLING_YEAR_MONTHS;
}

/** The board's wording: "Rolling Year Jan 22". */
export function rollingYearLabel(end: MonthIndex): string {
  return `Rolling Year ${MONTH_NAMES[monthOf(end) - 1]} ${String(yearOf(end) % 100).padStart(2, '0')}`;
}

/**
 * Reads "Rolling Year Jan 22", "rolling year to January 2022" or "RY Jan 22": the month the year
 * ends in, or undefined when the text is not one.
 */
export function parseRollingYearLabel(text: string): MonthIndex | undefined {
  const m = /^(?:rolling\s+year|ry)\s+(?:to\s+|ending\s+)?([a-z]+)\.?\s+(\d{2}|\d{4})$/i.exec(
    text.trim(),
  );
  if (!m) return undefined;
  const month = parseMonthName(m[1]!);
  const year = parseYear(m[2]!);
  return month && year ? monthIndex(year, month) : undefined;
}
