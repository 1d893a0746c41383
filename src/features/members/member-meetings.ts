import { DomainError } from '../../domain-error.ts';
import { localDate } from '../../time/financial-year.ts';
import { formatDate } from '../queries/format.ts';
import type { Tx } from './member-people.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The meeting a date names. Without a year it is the meeting on that day nearest now: attendance
 * is mostly recorded just after a meeting, when "the next 27 October" would be a year away.
 */
export async function findMeeting(tx: Tx, partnershipId: string, said: string, now: Date) {
  const t = said
    .toLowerCase()
    .replace(/(\d)(st|nd|rd|th)\b/, '$1')
    .replace(/^(?:meeting (?:of|on) )?(?:the )?/, '')
    .trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const dm = /^(\d{1,2}) ([a-z]+)(?: (\d{4}))?$/.exec(t);
  const month = dm ? MONTHS.indexOf(dm[2]!.slice(0, 3)) + 1 : 0;
  if (!iso && (!dm || month === 0))
    throw new DomainError(
      'member.bad_date',
      `I could not read "${said.slice(0, 60)}" as a meeting date. Try "27 October" or "2022-10-27".`,
    );
  const wanted = iso
    ? t
    : `${dm![3] ?? '*'}-${String(month).padStart(2, '0')}-${dm![1]!.padStart(2, '0')}`;
  const meetings = await tx.meeting.findMany({
    where: { partnershipId, status: { not: 'CANCELLED' } },
  });
  const fits = meetings.filter((m) =>
    wanted.startsWith('*')
      ? localDate(m.startsAt).slice(4) === wanted.slice(1)
      : localDate(m.startsAt) === wanted,
  );
  const meeting = fits.sort(
    (a, b) =>
      Math.abs(a.startsAt.getTime() - now.getTime()) -
      Math.abs(b.startsAt.getTime() - now.getTime()),
  )[0];
  if (!meeting)
    throw new DomainError(
      'member.no_meeting',
      `There is no meeting on ${said.slice(0, 60)}. ${await meetingList(tx, partnershipId)}`,
    );
  return meeting;
}

async function meetingList(tx: Tx, partnershipId: string): Promise<string> {
  const all = await tx.meeting.findMany({
    where: { partnershipId },
    orderBy: { startsAt: 'asc' },
    select: { startsAt: true },
  });
  return all.length
    ? `The meetings are on ${all.map((m) => formatDate(m.startsAt)).join(', ')}.`
    : 'No meetings are held yet.';
}
