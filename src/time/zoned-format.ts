/**
 * Calendar dates of instants in a zone, through one Intl formatter per zone and style. Luxon
 * builds and consults a formatter on every zoned conversion; on a question's answer (a date per
 * action, per figure) that was the dearest part of its date handling.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, style: 'parts' | 'long'): Intl.DateTimeFormat {
  const key = `${zone}|${style}`;
  let found = formatters.get(key);
  if (!found) {
    found =
      style === 'parts'
        ? new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
        : new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: 'long', day: 'numeric' });
    formatters.set(key, found);
  }
  return found;
}

/** "2022-10-20": the calendar date the instant falls on in the zone. */
export function zonedIsoDate(at: Date, zone: string): string {
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatter(zone, 'parts').formatToParts(at)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year}-${month}-${day}`;
}

/** "20 October 2022". */
export function zonedLongDate(at: Date, zone: string): string {
  return formatter(zone, 'long').format(at);
}

/** Whole calendar days from one instant's date to another's in the zone (daylight saving aside). */
export function calendarDaysBetween(from: Date, to: Date, zone: string): number {
  return Math.round((Date.parse(zonedIsoDate(to, zone)) - Date.parse(zonedIsoDate(from, zone))) / 86_400_000);
}
