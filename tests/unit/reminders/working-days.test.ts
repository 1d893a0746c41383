import { describe, expect, it } from 'vitest';
import { addWorkingDays, atLondonTime, englandAndWales, isWorkingDay } from '../../../src/features/reminders/working-days.ts';

describe('England and Wales working days', () => {
  const calendar = englandAndWales();

  it('covers 2018 to 2028, every holiday on a weekday, at least eight a year', () => {
    expect(calendar.lastYear).toBe(2028);
    for (let year = 2018; year <= 2028; year++) {
      const dates = [...calendar.holidays].filter((d) => d.startsWith(`${year}-`));
      expect(dates.length, String(year)).toBeGreaterThanOrEqual(8);
      for (const d of dates) expect(new Date(`${d}T12:00:00Z`).getUTCDay(), d).not.toBe(0);
    }
  });

  it.each([
    ['2022-06-02', 'spring bank holiday moved for the jubilee'],
    ['2022-06-03', 'Platinum Jubilee'],
    ['2022-09-19', 'State Funeral of Queen Elizabeth II'],
    ['2023-05-08', 'coronation of King Charles III'],
    ['2020-05-08', 'VE Day'],
    ['2026-04-03', 'Good Friday 2026'],
    ['2026-04-06', 'Easter Monday 2026'],
    ['2022-12-27', 'Christmas substitute (25th a Sunday)'],
    ['2022-01-03', 'New Year substitute (1st a Saturday)'],
    ['2026-12-28', 'Boxing Day substitute (26th a Saturday)'],
  ])('%s is not a working day (%s)', (date) => {
    expect(isWorkingDay(date)).toBe(false);
  });

  it('knows the ordinary days around them are working days', () => {
    expect(isWorkingDay('2022-05-30')).toBe(true); // the usual last Monday of May, not a holiday in 2022
    expect(isWorkingDay('2026-04-07')).toBe(true);
    expect(isWorkingDay('2026-03-28')).toBe(false); // a Saturday
  });

  it('counts working days over Easter and Christmas', () => {
    expect(addWorkingDays('2026-04-08', -2)).toBe('2026-04-02');
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2022-12-23', 1)).toBe('2022-12-28');
    expect(addWorkingDays('2022-09-16', 1)).toBe('2022-09-20');
  });

  it('puts a London time on the right instant in GMT and in BST', () => {
    expect(atLondonTime('2026-03-27', '09:00').toISOString()).toBe('2026-03-27T09:00:00.000Z');
    expect(atLondonTime('2026-03-30', '09:00').toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(atLondonTime('2026-10-23', '09:00').toISOString()).toBe('2026-10-23T08:00:00.000Z');
    expect(atLondonTime('2026-10-26', '09:00').toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });
});
