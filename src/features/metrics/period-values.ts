import type { MonthIndex } from './months.ts';
import {
  canEndIn,
  lastEndAtOrBefore,
  periodLength,
  periodMonths,
  type ComputedKind,
  type Period,
} from './periods.ts';

/** A metric's value for each month that has one. */
export type MonthlyValues = ReadonlyMap<MonthIndex, number>;

/** The period's total from monthly values; null unless every month of it has a value. */
export function computedValue(p: Period, monthly: MonthlyValues): number | null {
  const { first, last } = periodMonths(p);
  let total = 0;
  for (let m = first; m <= last; m++) {
    const value = monthly.get(m);
    if (value === undefined) return null;
    total += value;
  }
  return total;
}

/** First and last month with a value. */
export function monthSpan(monthly: MonthlyValues): { first: MonthIndex; last: MonthIndex } | null {
  let first: MonthIndex | null = null;
  let last: MonthIndex | null = null;
  for (const m of monthly.keys()) {
    if (first === null || m < first) first = m;
    if (last === null || m > last) last = m;
  }
  return first === null || last === null ? null : { first, last };
}

/** The last month of the latest complete period of the kind ending at or before `notAfter`. */
export function latestComputedEnd(
  kind: ComputedKind,
  monthly: MonthlyValues,
  notAfter: MonthIndex,
  fyStartMonth = 4,
): MonthIndex | null {
  const span = monthSpan(monthly);
  if (!span) return null;
  const step = kind === 'MONTH' || kind === 'ROLLING_YEAR' ? 1 : periodLength(kind);
  for (
    let end = lastEndAtOrBefore(kind, Math.min(notAfter, span.last), fyStartMonth);
    end >= span.first + periodLength(kind) - 1;
    end -= step
  ) {
    if (canEndIn(kind, end, fyStartMonth) && computedValue({ kind, end }, monthly) !== null)
      return end;
  }
  return null;
}

/** Sums counts into months: `[{ month, count }]` → month → total. */
export function sumByMonth(
  rows: Iterable<{ month: MonthIndex; count: number }>,
): Map<MonthIndex, number> {
  const out = new Map<MonthIndex, number>();
  for (const row of rows) out.set(row.month, (out.get(row.month) ?? 0) + row.count);
  return out;
}
