import { DateTime } from 'luxon';
import { DomainError } from '../../domain-error.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { LONDON, localDate } from '../../time/financial-year.ts';

type Db = Prisma.TransactionClient | PrismaClient;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A date as people write it: "27 October", "27th Oct 2022", "October 27", "2022-10-27", "27/10/2022". */
export interface SpokenDate {
  day: number;
  month: number;
  year?: number;
}

export function parseSpokenDate(raw: string): SpokenDate | undefined {
  const t = raw.trim().toLowerCase().replace(/(\d)(st|nd|rd|th)\b/, '$1').replace(/,/g, '');
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const uk = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(t);
  if (uk) return { day: Number(uk[1]), month: Number(uk[2]), ...(uk[3] ? { year: Number(uk[3]) } : {}) };
  const dm = /^(\d{1,2}) ([a-z]+)(?: (\d{4}))?$/.exec(t);
  const md = /^([a-z]+) (\d{1,2})(?: (\d{4}))?$/.exec(t);
  const [day, name, year] = dm ? [dm[1], dm[2], dm[3]] : md ? [md[2], md[1], md[3]] : [];
  const month = MONTHS.indexOf((name ?? '').slice(0, 3)) + 1;
  if (!day || month === 0) return undefined;
  return { day: Number(day), month, ...(year ? { year: Number(year) } : {}) };
}

/** Text that reads as a date, for command patterns. */
export const DATE_WORDS = String.raw`(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{4})?|\d{1,2}(?:st|nd|rd|th)? [A-Za-z]+(?:,? \d{4})?|[A-Za-z]+ \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?)`;

export interface MeetingRow {
  id: string;
  startsAt: Date;
  status: string;
  place: string | null;
  title: string | null;
}

const MEETING_SELECT = { id: true, startsAt: true, status: true, place: true, title: true } as const;

/**
 * The meeting a person means by a date. Without a year the meeting on that day nearest to now
 * (a board meets a few times a year, so "the 27 October meeting" is never ambiguous in practice).
 */
export async function meetingOnSpokenDate(db: Db, partnershipId: string, raw: string, now: Date): Promise<MeetingRow> {
  const spoken = parseSpokenDate(raw);
  if (!spoken) throw new DomainError('meeting.date', `I could not read "${raw}" as a date. Try "27 October 2022".`);
  const meetings = await db.meeting.findMany({ where: { partnershipId }, select: MEETING_SELECT });
  const matching = meetings.filter((m) => {
    const d = DateTime.fromJSDate(m.startsAt, { zone: LONDON });
    return d.day === spoken.day && d.month === spoken.month && (spoken.year === undefined || d.year === spoken.year);
  });
  matching.sort((a, b) => Math.abs(a.startsAt.getTime() - now.getTime()) - Math.abs(b.startsAt.getTime() - now.getTime()));
  if (!matching[0]) throw new DomainError('meeting.unknown', `There is no meeting on ${raw}.`, 404);
  return matching[0];
}

/** The meeting on a calendar date (YYYY-MM-DD, London), if there is one. */
export async function findMeetingOn(db: Db, partnershipId: string, isoDate: string): Promise<MeetingRow | undefined> {
  const meetings = await db.meeting.findMany({ where: { partnershipId }, select: MEETING_SELECT });
  return meetings.find((m) => localDate(m.startsAt) === isoDate);
}

/** The next meeting still to be held after an instant. */
export async function nextMeeting(db: Db, partnershipId: string, after: Date): Promise<MeetingRow | undefined> {
  return (await db.meeting.findFirst({ where: { partnershipId, status: 'SCHEDULED', startsAt: { gt: after } }, orderBy: { startsAt: 'asc' }, select: MEETING_SELECT })) ?? undefined;
}

/** The most recent meeting that has started by now (what "the meeting" means just after it). */
export async function latestStartedMeeting(db: Db, partnershipId: string, now: Date): Promise<MeetingRow | undefined> {
  return (await db.meeting.findFirst({ where: { partnershipId, status: { not: 'CANCELLED' }, startsAt: { lte: now } }, orderBy: { startsAt: 'desc' }, select: MEETING_SELECT })) ?? undefined;
}

/** A spoken date as YYYY-MM-DD: without a year, the next such date after now. */
export function spokenToIso(raw: string, now: Date): string | undefined {
  const s = parseSpokenDate(raw);
  if (!s) return undefined;
  const today = DateTime.fromJSDate(now, { zone: LONDON }).startOf('day');
  const years = s.year !== undefined ? [s.year] : [today.year, today.year + 1];
  for (const year of years) {
    const d = DateTime.fromObject({ year, month: s.month, day: s.day }, { zone: LONDON });
    if (d.isValid && (s.year !== undefined || d >= today)) return d.toISODate()!;
  }
  return undefined;
}
