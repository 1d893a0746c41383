import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import { localDate } from '../../time/financial-year.ts';
import { crimeTable, type CrimeTable } from '../metrics/crime-table.ts';
import { mattersArising } from '../meetings/matters-arising.service.ts';
import { formatDay } from '../meetings/meetings.cards.ts';
import type { BoardPack, PackVersion } from './board-pack.model.ts';
import { packPriorities } from './board-pack-commitments.ts';
import { actionsDue, ragCounts, ragMovement } from './board-pack-cover.ts';
import { periodsOfYear, previousPeriod, reportedPeriod, toPackPeriod } from './board-pack-period.ts';

export type PackContext = Pick<AppContext, 'db' | 'clock'>;

/**
 * Everything the board pack for a meeting holds: the quarterly update of each priority for the
 * latest quarter reported before the meeting (with that year's earlier lines), the crime
 * performance table, the Matters Arising appendix and a cover summary. Read-only; generated
 * on request, so it always reflects what the bot holds now.
 */
export async function buildBoardPack(ctx: PackContext, meetingId: string, version: PackVersion): Promise<BoardPack> {
  const db = ctx.db.prisma;
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    select: { id: true, partnershipId: true, startsAt: true, status: true, title: true, place: true, partnership: { select: { name: true } } },
  });
  if (!meeting) throw new DomainError('boardPack.no-meeting', 'That meeting no longer exists.', 404);
  const { partnershipId } = meeting;
  const period = await reportedPeriod(db, partnershipId, meeting.startsAt);
  if (!period)
    throw new DomainError('boardPack.no-updates', `There are no quarterly updates from before the meeting of ${formatDay(meeting.startsAt)} to put in a pack.`, 404);
  const [yearPeriods, before] = await Promise.all([periodsOfYear(db, partnershipId, period), previousPeriod(db, partnershipId, period)]);
  const periods = yearPeriods.map(toPackPeriod);
  const { priorities, commitmentIds } = await packPriorities(db, partnershipId, periods, version, meeting.startsAt);
  const [movement, actions, crime, matters] = await Promise.all([
    ragMovement(db, before?.id ?? null, commitmentIds, priorities),
    actionsDue(db, partnershipId, meeting),
    crimeFor(ctx, partnershipId, meeting.startsAt),
    mattersArising(db, partnershipId, meeting),
  ]);
  return {
    partnershipName: meeting.partnership.name,
    meeting: { id: meeting.id, startsAt: meeting.startsAt, date: formatDay(meeting.startsAt), isoDate: localDate(meeting.startsAt), title: meeting.title, place: meeting.place },
    version,
    period: toPackPeriod(period),
    previousPeriod: before ? toPackPeriod(before) : null,
    earlierPeriods: periods.slice(0, -1).map((p) => p.label),
    generatedAt: ctx.clock.now(),
    cover: { ragCounts: ragCounts(priorities), previousPeriodLabel: before ? toPackPeriod(before).label : null, ...movement, ...actions },
    priorities,
    crime,
    mattersArising: matters,
  };
}

/**
 * The crime table the board would have seen: the rolling year the most published figures end
 * in (the papers' table, as printed), among those ending in the two years before the meeting;
 * else the last month ended before it (computed from police counts). Null when there are no
 * figures at all.
 */
async function crimeFor(ctx: PackContext, partnershipId: string, startsAt: Date): Promise<CrimeTable | null> {
  const day = new Date(`${localDate(startsAt)}T00:00:00Z`);
  const lastMonth = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 0));
  const ends = await ctx.db.prisma.figure.groupBy({
    by: ['periodEnd'],
    where: { metric: { partnershipId }, periodKind: 'ROLLING_YEAR', source: 'PUBLISHED', supersededAt: null, periodEnd: { lt: day, gte: monthsBefore(lastMonth, 24) } },
    _count: { _all: true },
  });
  ends.sort((a, b) => b._count._all - a._count._all || b.periodEnd.getTime() - a.periodEnd.getTime());
  const end = ends[0]?.periodEnd ?? lastMonth;
  const table = await crimeTable(ctx, partnershipId, end.toISOString().slice(0, 7));
  return table.rows.length ? table : null;
}

function monthsBefore(d: Date, months: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1));
}
