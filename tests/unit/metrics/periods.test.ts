import { describe, expect, it } from 'vitest';
import { monthIndex, monthKey } from '../../../src/features/metrics/months.ts';
import { computedValue, latestComputedEnd } from '../../../src/features/metrics/period-values.ts';
import {
  canEndIn,
  parsePeriodLabel,
  periodLabel,
  periodMonths,
  previousPeriod,
  type Period,
} from '../../../src/features/metrics/periods.ts';
import {
  parseRollingYearLabel,
  rollingYearLabel,
  rollingYearMonths,
} from '../../../src/features/metrics/rolling-year.ts';

const span = (p: Period) => {
  const { first, last } = periodMonths(p);
  return [monthKey(first), monthKey(last)];
};

describe('rolling years', () => {
  it('"Rolling Year Jan 22" is February 2021 to January 2022', () => {
    const end = parseRollingYearLabel('Rolling Year Jan 22')!;
    expect(monthKey(end)).toBe('2022-01');
    const { first, last } = rollingYearMonths(end);
    expect([monthKey(first), monthKey(last)]).toEqual(['2021-02', '2022-01']);
    expect(rollingYearLabel(end)).toBe('Rolling Year Jan 22');
  });

  it('reads the other ways people write one', () => {
    for (const text of [
      'rolling year January 2022',
      'Rolling Year to Jan 2022',
      'RY Jan 22',
      'Rolling  year jan. 22',
    ])
      expect(parseRollingYearLabel(text.replace(/\s+/g, ' ')), text).toBe(monthIndex(2022, 1));
    expect(parseRollingYearLabel('Rolling Year Foo 22')).toBeUndefined();
  });

  it('compares with the previous rolling year: to Jan 21 (February 2020 to January 2021)', () => {
    const prev = previousPeriod({ kind: 'ROLLING_YEAR', end: monthIndex(2022, 1) });
    expect(span(prev)).toEqual(['2020-02', '2021-01']);
    expect(periodLabel(prev)).toBe('Rolling Year Jan 21');
  });

  it('crosses year ends: to Dec 22 is January to December 2022', () => {
    expect(span({ kind: 'ROLLING_YEAR', end: monthIndex(2022, 12) })).toEqual([
      '2022-01',
      '2022-12',
    ]);
  });
});

describe('financial-year quarters', () => {
  it('Q1 is April to June, Q4 January to March of the next calendar year', () => {
    expect(span(parsePeriodLabel('Q1 2022/23')!)).toEqual(['2022-04', '2022-06']);
    expect(span(parsePeriodLabel('Q2 2022/23')!)).toEqual(['2022-07', '2022-09']);
    expect(span(parsePeriodLabel('Q4 2022/23')!)).toEqual(['2023-01', '2023-03']);
    expect(periodLabel({ kind: 'QUARTER', end: monthIndex(2023, 3) })).toBe('Q4 2022/23');
  });

  it('ends only on quarter boundaries, and compares with the same quarter a year before', () => {
    expect([3, 6, 9, 12].every((m) => canEndIn('QUARTER', monthIndex(2022, m)))).toBe(true);
    expect([1, 2, 4, 5, 7, 8, 10, 11].some((m) => canEndIn('QUARTER', monthIndex(2022, m)))).toBe(
      false,
    );
    expect(periodLabel(previousPeriod(parsePeriodLabel('Q2 2022/23')!))).toBe('Q2 2021/22');
  });

  it('follows another financial-year start when the partnership has one', () => {
    expect(span(parsePeriodLabel('Q1 2022/23', 1)!)).toEqual(['2022-01', '2022-03']);
    expect(canEndIn('QUARTER', monthIndex(2022, 3), 1)).toBe(true);
  });

  it('reads a financial year as April to March', () => {
    const fy = parsePeriodLabel('FY 2021/22')!;
    expect(fy.kind).toBe('FINANCIAL_YEAR');
    expect(span(fy)).toEqual(['2021-04', '2022-03']);
    expect(periodLabel(fy)).toBe('2021/22');
    expect(parsePeriodLabel('2021/23')).toBeUndefined();
  });
});

describe('months', () => {
  it('reads 2022-01 and Jan 2022 and labels months', () => {
    expect(parsePeriodLabel('2022-01')).toEqual({ kind: 'MONTH', end: monthIndex(2022, 1) });
    expect(parsePeriodLabel('January 2022')).toEqual({ kind: 'MONTH', end: monthIndex(2022, 1) });
    expect(periodLabel({ kind: 'MONTH', end: monthIndex(2022, 1) })).toBe('Jan 2022');
    expect(parsePeriodLabel('2022-13')).toBeUndefined();
  });
});

describe('values from months', () => {
  const monthly = new Map<number, number>();
  for (let m = monthIndex(2021, 2); m <= monthIndex(2022, 2); m++) monthly.set(m, 10);

  it('sums a period only when every month of it has a value', () => {
    expect(computedValue({ kind: 'ROLLING_YEAR', end: monthIndex(2022, 1) }, monthly)).toBe(120);
    expect(computedValue({ kind: 'ROLLING_YEAR', end: monthIndex(2021, 12) }, monthly)).toBeNull();
    expect(computedValue({ kind: 'QUARTER', end: monthIndex(2021, 12) }, monthly)).toBe(30);
  });

  it('finds the latest complete period not after a month', () => {
    expect(monthKey(latestComputedEnd('ROLLING_YEAR', monthly, monthIndex(2030, 1))!)).toBe(
      '2022-02',
    );
    expect(monthKey(latestComputedEnd('QUARTER', monthly, monthIndex(2030, 1))!)).toBe('2021-12');
    expect(monthKey(latestComputedEnd('MONTH', monthly, monthIndex(2021, 7))!)).toBe('2021-07');
    expect(latestComputedEnd('ROLLING_YEAR', monthly, monthIndex(2021, 12))).toBeNull();
    expect(latestComputedEnd('FINANCIAL_YEAR', monthly, monthIndex(2030, 1))).toBeNull();
  });
});
