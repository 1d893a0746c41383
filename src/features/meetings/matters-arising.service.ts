import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { statusWord } from './action-notices.ts';
import { mattersArisingMarkdown, mattersArisingText, minuteLabel, type MattersArisingRow } from './matters-arising.rules.ts';
import { formatDay } from './meetings.cards.ts';
import type { MeetingRow } from './meeting-dates.ts';

type Db = Prisma.TransactionClient | PrismaClient;

/** Updates that say something about progress (not the bookkeeping of owners and dates). */
const REPORTED_KINDS = ['UPDATE', 'PROPOSE_CLOSE', 'CLOSE', 'DROP', 'REOPEN'] as const;

export interface MattersArisingReport {
  title: string;
  meetingDate: string;
  rows: MattersArisingRow[];
  markdown: string;
}

/**
 * The Matters Arising report for a meeting: every action from earlier meetings still open (or
 * proposed for closing), and those closed or dropped since the previous meeting with an update
 * recorded since then, each with its latest update. Closures the papers record without a word
 * (imported as closed) have nothing to report and are left out, as the clerk's report does.
 */
export async function mattersArising(db: Db, partnershipId: string, meeting: MeetingRow): Promise<MattersArisingReport> {
  const previous = await db.meeting.findFirst({
    where: { partnershipId, startsAt: { lt: meeting.startsAt }, status: { not: 'CANCELLED' } },
    orderBy: { startsAt: 'desc' },
    select: { startsAt: true },
  });
  const since = previous?.startsAt ?? new Date(0);
  const actions = await db.action.findMany({
    where: {
      partnershipId,
      minute: { meeting: { startsAt: { lt: meeting.startsAt } } },
      OR: [
        { status: { in: ['OPEN', 'PROPOSED_CLOSED'] } },
        { status: { in: ['CLOSED', 'DROPPED'] }, closedAt: { gte: since }, updates: { some: { createdAt: { gte: since }, kind: { in: [...REPORTED_KINDS] } } } },
      ],
    },
    select: {
      seq: true, text: true, status: true,
      minute: { select: { number: true, text: true, meeting: { select: { startsAt: true } } } },
      updates: { where: { kind: { in: [...REPORTED_KINDS] } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1, select: { text: true } },
    },
  });
  actions.sort((a, b) => a.minute.meeting.startsAt.getTime() - b.minute.meeting.startsAt.getTime() || a.minute.number - b.minute.number || a.seq - b.seq);
  const rows: MattersArisingRow[] = actions.map((a) => ({
    minute: a.minute.number,
    seq: a.seq,
    ...minuteLabel(a.minute.number, a.minute.meeting.startsAt),
    mattersArising: mattersArisingText(a.minute.text, a.text),
    update: a.updates[0]?.text ?? 'No update yet.',
    status: statusWord(a.status),
  }));
  const meetingDate = formatDay(meeting.startsAt);
  const title = `Matters arising for the meeting of ${meetingDate}`;
  return { title, meetingDate, rows, markdown: mattersArisingMarkdown(title, rows) };
}
