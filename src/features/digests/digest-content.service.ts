import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { quarterLabel, type Quarter } from '../../time/financial-year.ts';
import { ownerLabel, OWNER_SELECT } from '../meetings/action-owners.ts';
import { refText } from '../meetings/action-lookup.ts';
import { formatDay } from '../meetings/meetings.cards.ts';
import { nextMeeting } from '../meetings/meeting-dates.ts';
import { figureMovements, type FigureMovement } from './figure-movements.ts';

type Db = Prisma.TransactionClient | PrismaClient;

/** What the channel reads after a meeting: plain data, rendered by digests.cards.ts. */
export interface DigestContent {
  meetingDay: string;
  decisions: Array<{ minute: number; title: string; resolution: string }>;
  newActions: Array<{ ref: string; text: string; owners: string; due: string }>;
  closedActions: Array<{ ref: string; text: string; status: string; on: string }>;
  rag: { from?: string; to?: string; changes: Array<{ ref: string; text: string; from: string; to: string; note?: string }> };
  figures: FigureMovement[];
  nextMeeting?: string;
}

/**
 * Gathers a meeting's digest: its resolutions and new actions, actions closed since the meeting
 * before, commitments whose RAG changed between the latest two periods (with the latest public
 * narrative: never one marked for the board only), headline figure movements, the next meeting.
 */
export async function digestContent(db: Db, partnershipId: string, meeting: { id: string; startsAt: Date }, now: Date): Promise<DigestContent> {
  const previous = await db.meeting.findFirst({ where: { partnershipId, startsAt: { lt: meeting.startsAt }, status: 'HELD' }, orderBy: { startsAt: 'desc' }, select: { startsAt: true } });
  const [minutes, closed, rag, figures, next] = await Promise.all([
    db.minute.findMany({
      where: { meetingId: meeting.id },
      orderBy: { number: 'asc' },
      select: { number: true, title: true, resolution: true, actions: { orderBy: { seq: 'asc' }, select: { seq: true, text: true, dueOn: true, dueMeeting: { select: { startsAt: true } }, owners: { select: OWNER_SELECT } } } },
    }),
    db.action.findMany({
      where: { partnershipId, status: { in: ['CLOSED', 'DROPPED'] }, closedAt: { gte: previous?.startsAt ?? new Date(0), lte: now } },
      orderBy: [{ closedAt: 'asc' }, { minute: { number: 'asc' } }, { seq: 'asc' }],
      select: { seq: true, text: true, status: true, closedAt: true, minute: { select: { number: true } } },
    }),
    ragChanges(db, partnershipId),
    figureMovements(db, partnershipId),
    nextMeeting(db, partnershipId, meeting.startsAt),
  ]);
  return {
    meetingDay: formatDay(meeting.startsAt),
    decisions: minutes.filter((m) => m.resolution).map((m) => ({ minute: m.number, title: m.title, resolution: m.resolution! })),
    newActions: minutes.flatMap((m) =>
      m.actions.map((a) => ({
        ref: refText({ seq: a.seq, minute: { number: m.number } }),
        text: a.text,
        owners: a.owners.map(ownerLabel).join(', '),
        due: a.dueOn ? formatDay(a.dueOn) : a.dueMeeting ? `the meeting of ${formatDay(a.dueMeeting.startsAt)}` : 'no date set',
      })),
    ),
    closedActions: closed.map((a) => ({ ref: refText(a), text: a.text, status: a.status === 'DROPPED' ? 'Dropped' : 'Closed', on: formatDay(a.closedAt!) })),
    rag,
    figures,
    ...(next ? { nextMeeting: formatDay(next.startsAt) + (next.place ? `, ${next.place}` : '') } : {}),
  };
}

/** Commitments whose normalised RAG differs between the latest two periods that have ratings. */
async function ragChanges(db: Db, partnershipId: string): Promise<DigestContent['rag']> {
  const periods = await db.reportingPeriod.findMany({
    where: { partnershipId, ragRatings: { some: { supersededAt: null } } },
    orderBy: [{ fiscalYear: 'desc' }, { quarter: 'desc' }],
    take: 2,
    select: { id: true, fiscalYear: true, quarter: true },
  });
  if (periods.length < 2) return { changes: [] };
  const [latest, before] = periods as [(typeof periods)[number], (typeof periods)[number]];
  const ratings = await db.ragRating.findMany({
    where: { periodId: { in: [latest.id, before.id] }, supersededAt: null, commitment: { partnershipId, retiredAt: null } },
    select: { periodId: true, status: true, words: true, commitmentId: true, commitment: { select: { ref: true, text: true } } },
  });
  const was = new Map(ratings.filter((r) => r.periodId === before.id).map((r) => [r.commitmentId, r]));
  const changed = ratings.filter((r) => r.periodId === latest.id && was.has(r.commitmentId) && was.get(r.commitmentId)!.status !== r.status);
  const notes = await db.narrative.findMany({
    where: { periodId: latest.id, commitmentId: { in: changed.map((c) => c.commitmentId) }, supersededAt: null, boardOnly: false, purgedAt: null, kind: 'UPDATE' },
    orderBy: [{ seq: 'asc' }, { recordedAt: 'desc' }],
    select: { commitmentId: true, text: true },
  });
  const note = new Map<string, string>();
  for (const n of notes) if (!note.has(n.commitmentId)) note.set(n.commitmentId, n.text);
  const word = (r: { words: string[] }) => r.words.join(' / ') || 'Not reported';
  const label = (p: { fiscalYear: number; quarter: number }) => quarterLabel({ fiscalYear: p.fiscalYear, quarter: p.quarter as Quarter['quarter'] });
  return {
    from: label(before),
    to: label(latest),
    changes: changed
      .sort((a, b) => a.commitment.ref.localeCompare(b.commitment.ref, 'en', { numeric: true }))
      .map((r) => ({ ref: r.commitment.ref, text: r.commitment.text, from: word(was.get(r.commitmentId)!), to: word(r), ...(note.has(r.commitmentId) ? { note: note.get(r.commitmentId)! } : {}) })),
  };
}
