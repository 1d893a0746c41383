import { DateTime } from 'luxon';
import { LONDON, localDate } from '../../time/financial-year.ts';
import { parseDueDate } from '../rounds/rounds.commands.ts';

/** What an officer or partner asked of reminders, in words. */
export type ReminderCommand =
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'snooze'; until?: string }
  | { kind: 'unsnooze' };

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** "Friday" is the next Friday after today; "tomorrow"; otherwise a date as rounds read them. */
export function parseSnoozeDate(text: string, now: Date): string | undefined {
  const t = text.trim().toLowerCase().replace(/^(?:next|this) /, '').replace(/\.$/, '');
  const today = DateTime.fromISO(localDate(now), { zone: LONDON });
  if (t === 'tomorrow') return today.plus({ days: 1 }).toISODate()!;
  const weekday = WEEKDAYS.findIndex((d) => d === t || d.slice(0, 3) === t) + 1;
  if (weekday > 0) return today.plus({ days: ((weekday - today.weekday + 6) % 7) + 1 }).toISODate()!;
  return parseDueDate(t, now);
}

/** Reads a reminders command; undefined when the text is not one. */
export function parseReminderCommand(raw: string, now: Date): ReminderCommand | undefined {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (/^(?:pause|stop) (?:the )?reminders(?: for (?:this|the) round)?\.?$/i.test(text)) return { kind: 'pause' };
  if (/^(?:resume|restart|unpause) (?:the )?reminders(?: for (?:this|the) round)?\.?$/i.test(text)) return { kind: 'resume' };
  if (/^(?:unsnooze|wake) (?:my )?reminders\.?$/i.test(text)) return { kind: 'unsnooze' };
  const snooze = /^snooze (?:my )?reminders(?: (?:until|till|to) (.+?))?\.?$/i.exec(text);
  if (snooze) return { kind: 'snooze', until: snooze[1] ? parseSnoozeDate(snooze[1], now) : undefined };
  return undefined;
}
