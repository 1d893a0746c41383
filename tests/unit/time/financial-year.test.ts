import { describe, expect, it } from 'vitest';
import {
  londonWallTime,
  localDate,
  nextOccurrence,
  parseQuarterLabel,
  previousQuarter,
  quarterBounds,
  quarterLabel,
  quarterOf,
} from '../../../src/time/financial-year.ts';
import { clockFrom, FixedClock } from '../../../src/time/clock.ts';

describe('UK financial-year quarters', () => {
  it('starts the year on 1 April', () => {
    expect(quarterOf('2023-03-31')).toEqual({ fiscalYear: 2022, quarter: 4 });
    expect(quarterOf('2023-04-01')).toEqual({ fiscalYear: 2023, quarter: 1 });
    expect(quarterOf('2022-06-30')).toEqual({ fiscalYear: 2022, quarter: 1 });
    expect(quarterOf('2022-07-01')).toEqual({ fiscalYear: 2022, quarter: 2 });
    expect(quarterOf('2022-12-31')).toEqual({ fiscalYear: 2022, quarter: 3 });
    expect(quarterOf('2023-01-01')).toEqual({ fiscalYear: 2022, quarter: 4 });
  });

  it('reads instants in London, not UTC', () => {
    // BST began on 26 March 2023: 22:30 UTC on 31 March is 23:30 in London, still Q4 of 2022/23,
    // and 23:30 UTC is already 1 April, Q1 of 2023/24.
    expect(quarterOf(new Date('2023-03-31T22:30:00Z'))).toEqual({ fiscalYear: 2022, quarter: 4 });
    expect(quarterOf(new Date('2023-03-31T23:30:00Z'))).toEqual({ fiscalYear: 2023, quarter: 1 });
    // In GMT (January) London and UTC agree.
    expect(quarterOf(new Date('2023-01-01T00:30:00Z'))).toEqual({ fiscalYear: 2022, quarter: 4 });
    // 23:30 UTC on 30 June 2022 is 00:30 on 1 July in London (BST): Q2.
    expect(quarterOf(new Date('2022-06-30T23:30:00Z'))).toEqual({ fiscalYear: 2022, quarter: 2 });
    expect(localDate(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
  });

  it('gives bounds and labels', () => {
    expect(quarterBounds({ fiscalYear: 2022, quarter: 2 })).toEqual({ startsOn: '2022-07-01', endsOn: '2022-09-30' });
    expect(quarterBounds({ fiscalYear: 2022, quarter: 4 })).toEqual({ startsOn: '2023-01-01', endsOn: '2023-03-31' });
    expect(quarterLabel({ fiscalYear: 2022, quarter: 2 })).toBe('Q2 2022/23');
    expect(quarterLabel({ fiscalYear: 1999, quarter: 1 })).toBe('Q1 1999/00');
    expect(parseQuarterLabel('Q3 2022/23')).toEqual({ fiscalYear: 2022, quarter: 3 });
    expect(parseQuarterLabel('Q3 2022/24')).toBeUndefined();
    expect(previousQuarter({ fiscalYear: 2022, quarter: 1 })).toEqual({ fiscalYear: 2021, quarter: 4 });
  });

  it('takes a date without a year as the next one after now', () => {
    const now = new Date('2022-10-20T09:00:00Z');
    expect(nextOccurrence(1, 12, now)).toBe('2023-01-12');
    expect(nextOccurrence(11, 1, now)).toBe('2022-11-01');
    expect(nextOccurrence(10, 20, now)).toBe('2023-10-20');
    expect(nextOccurrence(2, 29, now)).toBe('2024-02-29');
    expect(nextOccurrence(2, 30, now)).toBeUndefined();
  });

  it('turns London wall-clock times into instants across BST and GMT', () => {
    // BST starts 29 March 2026 at 01:00 GMT; ends 25 October 2026 at 02:00 BST.
    expect(londonWallTime('2026-03-28T09:00').toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(londonWallTime('2026-03-29T09:00').toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(londonWallTime('2026-10-24T09:00').toISOString()).toBe('2026-10-24T08:00:00.000Z');
    expect(londonWallTime('2026-10-25T09:00').toISOString()).toBe('2026-10-25T09:00:00.000Z');
    expect(londonWallTime('2022-08-17T10:00').toISOString()).toBe('2022-08-17T09:00:00.000Z');
  });
});

describe('clock', () => {
  it('starts at AS_OF and moves on from there', () => {
    const real = new FixedClock('2026-11-22T12:00:00Z');
    const clock = clockFrom('2022-10-20T09:00:00Z', real);
    expect(clock.now().toISOString()).toBe('2022-10-20T09:00:00.000Z');
    real.advance(60_000);
    expect(clock.now().toISOString()).toBe('2022-10-20T09:01:00.000Z');
    expect(clockFrom(undefined, real)).toBe(real);
  });
});
