/**
 * A calendar month as one integer, year * 12 + (month - 1): month arithmetic becomes addition and
 * a rolling year is the twelve integers ending in a month. Dates are UTC calendar dates, as
 * Prisma returns `@db.Date` columns.
 */
export type MonthIndex = number;

export const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
const FULL_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export function monthIndex(year: number, month: number): MonthIndex {
  return year * 12 + (month - 1);
}

export function yearOf(index: MonthIndex): number {
  return Math.floor(index / 12);
}

/** 1 to 12. */
export function monthOf(index: MonthIndex): number {
  return (index % 12) + 1;
}

/** "202104" (a column of the police files); undefined unless it is a real month. */
export function parseYyyymm(text: string): MonthIndex | undefined {
  const m = /^(\d{4})(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? monthIndex(Number(m[1]), month) : undefined;
}

/** "2022-01". */
export function monthKey(index: MonthIndex): string {
  return `${yearOf(index)}-${String(monthOf(index)).padStart(2, '0')}`;
}

/** "2022-01" (or a date "2022-01-31", whose month is taken); undefined unless it is one. */
export function parseMonthKey(text: string): MonthIndex | undefined {
  const m = /^(\d{4})-(\d{2})(-\d{2})?$/.exec(text.trim());
  if (!m) return undefined;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? monthIndex(Number(m[1]), month) : undefined;
}

/** The first day of the month, at UTC midnight. */
export function monthStart(index: MonthIndex): Date {
  return new Date(Date.UTC(yearOf(index), monthOf(index) - 1, 1));
}

/** The last day of the month, at UTC midnight: a Figure's `periodEnd`. */
export function monthEnd(index: MonthIndex): Date {
  return new Date(Date.UTC(yearOf(index), monthOf(index), 0));
}

/** The month a `@db.Date` value (UTC midnight) falls in. */
export function monthOfDate(date: Date): MonthIndex {
  return monthIndex(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/** "2022-01-31" for a `@db.Date` value. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "Jan 2022". */
export function monthLabel(index: MonthIndex): string {
  return `${MONTH_NAMES[monthOf(index) - 1]} ${yearOf(index)}`;
}

/** 1 to 12 for "Jan", "January", "Sept" (any case); undefined otherwise. */
export function parseMonthName(text: string): number | undefined {
  const word = text.trim().toLowerCase();
  if (word.length < 3) return undefined;
  const found = FULL_NAMES.findIndex(
    (name) => name.startsWith(word) || (word === 'sept' && name === 'september'),
  );
  return found === -1 ? undefined : found + 1;
}

/** "22" or "2022" as a year (two digits mean 2000-2099). */
export function parseYear(text: string): number | undefined {
  if (/^\d{2}$/.test(text)) return 2000 + Number(text);
  if (/^\d{4}$/.test(text)) return Number(text);
  return undefined;
}
