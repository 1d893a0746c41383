import { DateTime } from 'luxon';
import type { AppContext } from '../../app-context.ts';
import { localDate } from '../../time/financial-year.ts';
import { addWorkingDays, atLondonTime } from '../reminders/working-days.ts';
import { enqueue, type OutboxInput } from '../delivery/outbox.service.ts';
import { ownerPeople, OWNER_SELECT } from './action-owners.ts';
import { refText } from './action-lookup.ts';
import { formatDay } from './meetings.cards.ts';
import { escapeCardText } from '../../cards/escape.ts';

/**
 * How long before a meeting owners of open actions are reminded: five working days (England and
 * Wales working days: weekends and bank holidays do not count). A constant rather than a
 * per-partnership setting until a partnership asks for another lead time.
 */
export const MEETING_REMINDER_LEAD_WORKING_DAYS = 5;

/** The instant reminders for a meeting fall due: 09:00 London, `lead` working days before its day. */
export function reminderDueAt(meetingStartsAt: Date, lead = MEETING_REMINDER_LEAD_WORKING_DAYS): Date {
  return atLondonTime(addWorkingDays(localDate(meetingStartsAt), -lead), '09:00');
}

export interface ReminderRun {
  meetings: number;
  queued: number;
}

/**
 * Due work for the scheduler: for each scheduled meeting whose reminder time has come, each
 * person who answers for an open action gets one 1:1 reminder listing their actions. The dedupe
 * key (meeting + person) makes every later call for the same meeting send nothing.
 */
export async function dueMeetingReminders(ctx: Pick<AppContext, 'db' | 'clock' | 'outbox'>): Promise<ReminderRun> {
  const now = ctx.clock.now();
  const prisma = ctx.db.prisma;
  const soon = await prisma.meeting.findMany({
    where: { status: 'SCHEDULED', startsAt: { gt: now, lte: DateTime.fromJSDate(now).plus({ days: 14 }).toJSDate() } },
    orderBy: { startsAt: 'asc' },
    select: { id: true, partnershipId: true, startsAt: true },
  });
  const due = soon.filter((m) => reminderDueAt(m.startsAt) <= now);
  let queued = 0;
  for (const meeting of due) {
    const messages = await remindersFor(prisma, meeting);
    queued += await prisma.$transaction((tx) => enqueue(tx, messages, now));
  }
  if (queued) ctx.outbox.kick();
  return { meetings: due.length, queued };
}

async function remindersFor(prisma: AppContext['db']['prisma'], meeting: { id: string; partnershipId: string; startsAt: Date }): Promise<OutboxInput[]> {
  const actions = await prisma.action.findMany({
    where: { partnershipId: meeting.partnershipId, status: { in: ['OPEN', 'PROPOSED_CLOSED'] }, minute: { meeting: { startsAt: { lt: meeting.startsAt } } } },
    orderBy: [{ minute: { number: 'asc' } }, { seq: 'asc' }],
    select: { seq: true, text: true, minute: { select: { number: true } }, owners: { select: OWNER_SELECT } },
  });
  const perPerson = new Map<string, Array<{ minute: number; line: string }>>();
  for (const action of actions) {
    for (const personId of await ownerPeople(prisma, meeting.partnershipId, action.owners)) {
      const line = `- ${refText(action)}: ${escapeCardText(clip(action.text))}`;
      perPerson.set(personId, [...(perPerson.get(personId) ?? []), { minute: action.minute.number, line }]);
    }
  }
  const day = formatDay(meeting.startsAt);
  return [...perPerson.entries()].map(([personId, lines]) => ({
    partnershipId: meeting.partnershipId,
    dedupeKey: `meeting:${meeting.id}:reminder:${personId}`,
    kind: 'meeting.reminder',
    personId,
    payload: {
      activity: {
        type: 'message' as const,
        textFormat: 'markdown' as const,
        summary: `Before the meeting of ${day}`,
        text: `The board meets on ${day}. You have ${lines.length === 1 ? 'an open action' : `${lines.length} open actions`}; please post an update before then (for example "update on minute ${lines[0]!.minute}: …"):\n\n${lines.map((l) => l.line).join('\n')}`,
      },
    },
  }));
}

function clip(text: string, max = 160): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
