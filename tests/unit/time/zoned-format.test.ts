import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarDaysBetween, zonedIsoDate, zonedLongDate } from '../../../src/time/zoned-format.ts';

describe('zoned dates', () => {
  it('put instants either side of midnight and of the clock changes on the London date', () => {
    expect(zonedIsoDate(new Date('2022-10-29T23:30:00Z'), 'Europe/London')).toBe('2022-10-30'); // BST: 00:30
    expect(zonedIsoDate(new Date('2022-10-30T23:30:00Z'), 'Europe/London')).toBe('2022-10-30'); // GMT again: 23:30
    expect(zonedIsoDate(new Date('2023-03-26T00:30:00Z'), 'Europe/London')).toBe('2023-03-26');
    expect(zonedLongDate(new Date('2022-10-20T09:00:00Z'), 'Europe/London')).toBe('20 October 2022');
    expect(calendarDaysBetween(new Date('2022-10-29T12:00:00Z'), new Date('2022-10-31T00:30:00Z'), 'Europe/London')).toBe(2);
  });

  it('agree with luxon on every instant, 7 h 13 min apart, from 2021 to 2027, in London and Sydney', () => {
    let compared = 0;
    for (let t = Date.UTC(2021, 0, 1); t < Date.UTC(2027, 0, 1); t += 26_000_000 + 780_000) {
      const at = new Date(t);
      const earlier = new Date(t - 37 * 86_400_000 - 5 * 3_600_000);
      for (const zone of ['Europe/London', 'Australia/Sydney']) {
        const luxon = DateTime.fromJSDate(at, { zone });
        const days = Math.round(luxon.startOf('day').diff(DateTime.fromJSDate(earlier, { zone }).startOf('day'), 'days').days);
        expect([zonedIsoDate(at, zone), zonedLongDate(at, zone), calendarDaysBetween(earlier, at, zone)], `${at.toISOString()} ${zone}`).toEqual([luxon.toISODate(), luxon.toFormat('d MMMM yyyy'), days]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(14_000);
  });
});
