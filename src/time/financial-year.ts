import { DateTime } from 'luxon';
import { zonedIsoDate } from './zoned-format.ts';

/** The partnership's zone; every calendar rule runs in it, whatever the server's zone. */
export const LONDON = 'Europe/London';

/** A financial-year quarter: fiscalYear 2022 is 2022/23 and, with an April start, Q1 is April-June. */
export interface Quarter {
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
}

/** The calendar date (YYYY-MM-DD) an instant falls on in the zone. */
export function localDate(at: Date, zone = LONDON): string {
  return zonedIsoDate(at, zone);
}

/** The quarter a calendar date (YYYY-MM-DD) or an instant falls in. */
export function quarterOf(at: Date | string, fyStartMonth = 4, zone = LONDON): Quarter {
  const date = typeof at === 'string' ? at : localDate(at, zone);
  const [year, month] = date.split('-').map(Number) as [number, number];
  const monthsIn = (month - fyStartMonth + 12) % 12;
  const fiscalYear = month >= fyStartMonth ? year : year - 1;
  return { fiscalYear, quarter: (Math.floor(monthsIn / 3) + 1) as Quarter['quarter'] };
}

/** First and last calendar dates of a quarter. */
export function quarterBounds(q: Quarter, fyStartMonth = 4): { startsOn: string; endsOn: string } {
  const start = DateTime.fromObject(
    { year: q.fiscalYear, month: fyStartMonth, day: 1 },
    { zone: 'UTC' },
  ).plus({ months: (q.quarter - 1) * 3 });
  const end = start.plus({ months: 3 }).minus({ days: 1 });
  return { startsOn: start.toISODate()!, endsOn: end.toISODate()! };
}

export function fiscalYearLabel(fiscalYear: number): string {
  return `${fiscalYear}/${String((fiscalYear + 1) % 100).padStart(2, '0')}`;
}

/** "Q2 2022/23". */
export function quarterLabel(q: Quarter): string {
  return `Q${q.quarter} ${fiscalYearLabel(q.fiscalYear)}`;
}

/** Reads "Q2 2022/23"; undefined when it is not one (or its years do not follow). */
export function parseQuarterLabel(label: string): Quarter | undefined {
  const m = /^Q([1-4]) (\d{4})\/(\d{2})$/.exec(label.trim());
  if (!m) return undefined;
  const fiscalYear = Number(m[2]);
  if ((fiscalYear + 1) % 100 !== Number(m[3])) return undefined;
  return { fiscalYear, quarter: Number(m[1]) as Quarter['quarter'] };
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1
    ? { fiscalYear: q.fiscalYear - 1, quarter: 4 }
    : { fiscalYear: q.fiscalYear, quarter: (q.quarter - 1) as Quarter['quarter'] };
}

/**
 * A date a user gave without a year ("due 12 January") means the next such date after now, in
 * London. Returns YYYY-MM-DD, or undefined for an impossible day (30 February).
 */
export function nextOccurrence(month: number, day: number, now: Date, zone = LONDON): string | undefined {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  for (const year of [today.year, today.year + 1, today.year + 2, today.year + 3, today.year + 4]) {
    const candidate = DateTime.fromObject({ year, month, day }, { zone });
    if (!candidate.isValid) continue;
    if (candidate > today) return candidate.toISODate()!;
  }
  return undefined;
}

/** The instant a London wall-clock time (YYYY-MM-DDTHH:MM) stands for, across BST and GMT. */
export function londonWallTime(local: string, zone = LONDON): Date {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new RangeError(`Not a local date-time: ${local}`);
  return dt.toJSDate();
}
