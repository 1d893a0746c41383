import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import { LONDON } from '../../time/financial-year.ts';

const BANK_HOLIDAYS_FILE = resolve(import.meta.dirname, '..', '..', '..', 'data', 'bank-holidays', 'england-and-wales.json');

/** England and Wales bank holidays, from the bundled copy of gov.uk's list (see its README). */
export interface Calendar {
  holidays: ReadonlySet<string>;
  /** The last year the list covers: later dates have no holidays known. */
  lastYear: number;
}

let cached: Calendar | undefined;

/** The bundled calendar, read once. */
export function englandAndWales(): Calendar {
  if (cached) return cached;
  const file = JSON.parse(readFileSync(BANK_HOLIDAYS_FILE, 'utf8')) as { events: Array<{ date: string }> };
  const dates = file.events.map((e) => e.date);
  cached = { holidays: new Set(dates), lastYear: Math.max(...dates.map((d) => Number(d.slice(0, 4)))) };
  return cached;
}

/** Monday to Friday and not a bank holiday. `date` is a calendar date, YYYY-MM-DD. */
export function isWorkingDay(date: string, calendar: Calendar = englandAndWales()): boolean {
  const weekday = DateTime.fromISO(date, { zone: 'UTC' }).weekday;
  return weekday <= 5 && !calendar.holidays.has(date);
}

/** The date `n` working days after (or, negative, before) `date`; `date` itself never counts. */
export function addWorkingDays(date: string, n: number, calendar: Calendar = englandAndWales()): string {
  let day = DateTime.fromISO(date, { zone: 'UTC' });
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    day = day.plus({ days: step });
    if (isWorkingDay(day.toISODate()!, calendar)) left--;
  }
  return day.toISODate()!;
}

/** The instant a London wall-clock time ("09:00") happens on a date, GMT or BST as it falls. */
export function atLondonTime(date: string, time: string): Date {
  return DateTime.fromISO(`${date}T${time}`, { zone: LONDON }).toUTC().toJSDate();
}
