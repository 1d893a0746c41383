import { DateTime } from 'luxon';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { fiscalYearLabel, LONDON, localDate, quarterLabel } from '../../time/financial-year.ts';
import type { PackPeriod } from './board-pack.model.ts';

type Db = Prisma.TransactionClient | PrismaClient;

interface PeriodRow {
  id: string;
  fiscalYear: number;
  quarter: number;
  startsOn: Date;
  endsOn: Date;
}

const SELECT = { id: true, fiscalYear: true, quarter: true, startsOn: true, endsOn: true } as const;
const CURRENT = { supersededAt: null } as const;

export function toPackPeriod(p: PeriodRow): PackPeriod {
  const from = DateTime.fromJSDate(p.startsOn, { zone: 'UTC' }).setLocale('en-GB');
  const to = DateTime.fromJSDate(p.endsOn, { zone: 'UTC' }).setLocale('en-GB');
  return {
    id: p.id,
    fiscalYear: p.fiscalYear,
    quarter: p.quarter,
    label: quarterLabel({ fiscalYear: p.fiscalYear, quarter: p.quarter as 1 | 2 | 3 | 4 }),
    months: `${from.toFormat('LLLL')} – ${to.toFormat('LLLL yyyy')}`,
  };
}

/**
 * The period a meeting's pack reports: the latest quarter that ended before the meeting day and
 * has updates (a current RAG or narrative). Recorded times cannot decide it (an import records
 * today), so the quarter's end does. 27 October 2022 → Q2 2022/23.
 */
export async function reportedPeriod(db: Db, partnershipId: string, meetingStartsAt: Date): Promise<PeriodRow | undefined> {
  const day = new Date(`${localDate(meetingStartsAt)}T00:00:00Z`);
  const found = await db.reportingPeriod.findFirst({
    where: {
      partnershipId,
      endsOn: { lt: day },
      OR: [{ ragRatings: { some: CURRENT } }, { narratives: { some: { ...CURRENT, purgedAt: null } } }],
    },
    orderBy: [{ fiscalYear: 'desc' }, { quarter: 'desc' }],
    select: SELECT,
  });
  return found ?? undefined;
}

/** The quarters of the same financial year up to and including the reported one, oldest first: their lines are quoted ("Q1 Update – …"). */
export async function periodsOfYear(db: Db, partnershipId: string, period: PeriodRow): Promise<PeriodRow[]> {
  return db.reportingPeriod.findMany({
    where: { partnershipId, fiscalYear: period.fiscalYear, quarter: { lte: period.quarter } },
    orderBy: { quarter: 'asc' },
    select: SELECT,
  });
}

/** The quarter before, whatever the year, for "changes since the last period". */
export async function previousPeriod(db: Db, partnershipId: string, period: PeriodRow): Promise<PeriodRow | undefined> {
  const q = period.quarter === 1 ? { fiscalYear: period.fiscalYear - 1, quarter: 4 } : { fiscalYear: period.fiscalYear, quarter: period.quarter - 1 };
  return (await db.reportingPeriod.findFirst({ where: { partnershipId, ...q }, select: SELECT })) ?? undefined;
}

/** "2022/23 Quarter 2 - Update", as the Priority 1 paper heads itself. */
export function periodHeading(p: Pick<PackPeriod, 'fiscalYear' | 'quarter'>): string {
  return `${fiscalYearLabel(p.fiscalYear)} Quarter ${p.quarter} - Update`;
}

/** Midnight of the meeting's day in London, as an instant. */
export function meetingDay(startsAt: Date): Date {
  return DateTime.fromJSDate(startsAt, { zone: LONDON }).startOf('day').toJSDate();
}
