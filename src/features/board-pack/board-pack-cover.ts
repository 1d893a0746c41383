import type { Prisma, PrismaClient, RagStatus } from '../../generated/prisma/client.ts';
import { localDate } from '../../time/financial-year.ts';
import { formatDay } from '../meetings/meetings.cards.ts';
import type { CoverSummary, PackAction, PackPriority, RagCounts } from './board-pack.model.ts';
import { ratingsFor } from './board-pack-commitments.ts';

type Db = Prisma.TransactionClient | PrismaClient;

const zero = (): RagCounts => ({ ACHIEVED: 0, GREEN: 0, AMBER: 0, RED: 0, NOT_REPORTED: 0 });

/** RAG counts per priority, every commitment in the pack counted once ("Not reported" where none). */
export function ragCounts(priorities: PackPriority[]): CoverSummary['ragCounts'] {
  return priorities.map((p) => {
    const counts = zero();
    const all = p.sections.flatMap((s) => s.commitments);
    for (const c of all) counts[c.rag.status] += 1;
    return { priority: p.heading, counts, total: all.length };
  });
}

/** How the RAGs moved since the previous period: changed, unchanged, rated for the first time. */
export async function ragMovement(
  db: Db,
  previousPeriodId: string | null,
  commitmentIds: Map<string, string>,
  priorities: PackPriority[],
): Promise<Pick<CoverSummary, 'changes' | 'newlyRated' | 'unchanged'>> {
  const before = previousPeriodId ? await ratingsFor(db, previousPeriodId, [...commitmentIds.keys()]) : new Map();
  const beforeByRef = new Map([...before].map(([id, cell]) => [commitmentIds.get(id)!, cell]));
  const out: Pick<CoverSummary, 'changes' | 'newlyRated' | 'unchanged'> = { changes: [], newlyRated: 0, unchanged: 0 };
  for (const c of priorities.flatMap((p) => p.sections.flatMap((s) => s.commitments))) {
    if (c.rag.status === 'NOT_REPORTED') continue;
    const was = beforeByRef.get(c.ref);
    if (!was || was.status === 'NOT_REPORTED') out.newlyRated += 1;
    else if (was.status === c.rag.status) out.unchanged += 1;
    else out.changes.push({ ref: c.ref, from: was, to: c.rag });
  }
  return out;
}

/**
 * Actions from earlier meetings still open at this one: overdue (due before the meeting) and
 * due at it. An action due "at the next meeting" is due on that meeting's day.
 */
export async function actionsDue(db: Db, partnershipId: string, meeting: { id: string; startsAt: Date }): Promise<Pick<CoverSummary, 'overdue' | 'dueAtMeeting'>> {
  const actions = await db.action.findMany({
    where: { partnershipId, status: { in: ['OPEN', 'PROPOSED_CLOSED'] }, minute: { meeting: { startsAt: { lt: meeting.startsAt } } } },
    select: {
      seq: true, text: true, dueOn: true,
      dueMeeting: { select: { id: true, startsAt: true } },
      minute: { select: { number: true, meeting: { select: { startsAt: true } } } },
      owners: { select: { asWritten: true, person: { select: { name: true } }, organisation: { select: { name: true } }, service: { select: { name: true } }, role: true } },
    },
  });
  actions.sort((a, b) => a.minute.meeting.startsAt.getTime() - b.minute.meeting.startsAt.getTime() || a.minute.number - b.minute.number || a.seq - b.seq);
  const day = localDate(meeting.startsAt);
  const out: Pick<CoverSummary, 'overdue' | 'dueAtMeeting'> = { overdue: [], dueAtMeeting: [] };
  for (const a of actions) {
    const dueDay = a.dueMeeting ? localDate(a.dueMeeting.startsAt) : a.dueOn ? a.dueOn.toISOString().slice(0, 10) : null;
    if (!dueDay || dueDay > day) continue;
    const row: PackAction = {
      minute: a.minute.number,
      meetingDate: formatDay(a.minute.meeting.startsAt),
      text: a.text,
      owners: a.owners.map((o) => (o.person?.name ?? o.asWritten ?? o.service?.name ?? o.organisation?.name ?? String(o.role ?? '')).replace(/\.$/, '')).filter(Boolean),
      due: a.dueMeeting ? `the meeting of ${formatDay(a.dueMeeting.startsAt)}` : formatDay(a.dueOn!),
    };
    (dueDay < day ? out.overdue : out.dueAtMeeting).push(row);
  }
  return out;
}

export const STATUS_COLUMNS: RagStatus[] = ['ACHIEVED', 'GREEN', 'AMBER', 'RED', 'NOT_REPORTED'];
