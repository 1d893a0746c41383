// Synthetic history for the growth benchmark, written straight into the database with Prisma
// createMany. Everything it adds is labelled "synthetic (benchmark)" and lies before the example's
// own history, so the example's answers ("current RAG", "outstanding actions", "latest figure")
// stay the same while the tables behind them grow.
import { refreshStatistics } from '../../src/db/statistics.ts';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';

const LABEL = 'synthetic (benchmark)';
/** Per 1× of scale: 4 quarterly periods, 5 meetings of 10 actions, 2.4 months of figures. */
const PER_SCALE = { periods: 4, meetings: 5, actionsPerMeeting: 10, months: 2.4 };
const COMMITMENTS = 60;
const METRICS = 50;

export interface ScaledHistory {
  factor: number;
  periods: number;
  narratives: number;
  ragRatings: number;
  actions: number;
  metrics: number;
  figures: number;
}

/** Writes `factor`× the example's history (100×: 400 periods over 60 commitments, 5,000 actions, 50 metrics × 20 years). */
export async function scaleHistory(prisma: PrismaClient, factor: number): Promise<ScaledHistory> {
  const partnership = await prisma.partnership.findFirstOrThrow({ select: { id: true, borough: true } });
  const periods = await writePeriods(prisma, partnership.id, PER_SCALE.periods * factor);
  const updates = await writeUpdates(prisma, partnership.id, periods);
  const actions = await writeActions(prisma, partnership.id, PER_SCALE.meetings * factor);
  const figures = await writeFigures(prisma, partnership.id, partnership.borough ?? 'Bromley', Math.round(PER_SCALE.months * factor));
  // As after an import (and as autovacuum would, where it runs): plans are made on the new sizes.
  await refreshStatistics(prisma);
  return { factor, periods: periods.length, ...updates, actions, ...figures };
}

/** Quarters going back from Q4 2021/22 (the example's own start at Q1 2022/23). */
async function writePeriods(prisma: PrismaClient, partnershipId: string, count: number): Promise<string[]> {
  const data = Array.from({ length: count }, (_, i) => {
    const fiscalYear = 2021 - Math.floor(i / 4);
    const quarter = 4 - (i % 4);
    const startsOn = new Date(Date.UTC(fiscalYear, 3 + 3 * (quarter - 1), 1));
    const endsOn = new Date(Date.UTC(fiscalYear, 3 + 3 * quarter, 0));
    return { id: crypto.randomUUID(), partnershipId, fiscalYear, quarter, startsOn, endsOn, note: LABEL };
  });
  await chunked(data, (rows) => prisma.reportingPeriod.createMany({ data: rows }));
  return data.map((p) => p.id);
}

/** A RAG and an update narrative per period for the first 60 commitments, by their lead service. */
async function writeUpdates(prisma: PrismaClient, partnershipId: string, periodIds: string[]) {
  const commitments = await prisma.commitment.findMany({
    where: { partnershipId },
    orderBy: { ref: 'asc' },
    take: COMMITMENTS,
    select: { id: true, owners: { select: { serviceId: true, isLead: true } } },
  });
  const statuses = ['GREEN', 'AMBER', 'RED', 'ACHIEVED'] as const;
  const words = { GREEN: 'Green', AMBER: 'Amber', RED: 'Red', ACHIEVED: 'Achieved' };
  const rags = [], narratives = [];
  for (const [p, periodId] of periodIds.entries()) {
    for (const [c, commitment] of commitments.entries()) {
      const status = statuses[(p + c) % statuses.length]!;
      const serviceId = (commitment.owners.find((o) => o.isLead) ?? commitment.owners[0])?.serviceId ?? null;
      rags.push({ commitmentId: commitment.id, periodId, words: [words[status]], status, source: 'IMPORT' as const });
      narratives.push({
        commitmentId: commitment.id,
        periodId,
        serviceId,
        slot: `${serviceId ?? '-'}:0`,
        text: `Update ${p + 1} for this commitment, ${LABEL}: work continued as planned with partners.`,
        source: 'IMPORT' as const,
      });
    }
  }
  await chunked(rags, (rows) => prisma.ragRating.createMany({ data: rows }));
  await chunked(narratives, (rows) => prisma.narrative.createMany({ data: rows }));
  return { narratives: narratives.length, ragRatings: rags.length };
}

/** Held meetings going back monthly from December 2021, each with one minute of ten closed actions. */
async function writeActions(prisma: PrismaClient, partnershipId: string, meetings: number): Promise<number> {
  const people = await prisma.person.findMany({ where: { partnershipId, membership: 'MEMBER' }, select: { id: true } });
  const meetingRows = Array.from({ length: meetings }, (_, j) => {
    const startsAt = new Date(Date.UTC(2021, 11 - j, 15, 9));
    return { id: crypto.randomUUID(), partnershipId, startsAt, status: 'HELD' as const, heldAt: startsAt, title: `Meeting, ${LABEL}` };
  });
  const minutes = meetingRows.map((m) => ({ id: crypto.randomUUID(), meetingId: m.id, number: 1, title: `Actions, ${LABEL}`, text: `Minute, ${LABEL}.` }));
  const actions = minutes.flatMap((minute, j) =>
    Array.from({ length: PER_SCALE.actionsPerMeeting }, (_, seq) => ({
      id: crypto.randomUUID(),
      partnershipId,
      minuteId: minute.id,
      seq: seq + 1,
      text: `Action ${seq + 1}, ${LABEL}.`,
      status: 'CLOSED' as const,
      closedAt: meetingRows[j]!.startsAt,
      note: LABEL,
    })),
  );
  const owners = actions.map((a, i) => {
    const personId = people[i % people.length]!.id;
    return { actionId: a.id, kind: 'PERSON' as const, ownerKey: personId, personId };
  });
  await chunked(meetingRows, (rows) => prisma.meeting.createMany({ data: rows }));
  await chunked(minutes, (rows) => prisma.minute.createMany({ data: rows }));
  await chunked(actions, (rows) => prisma.action.createMany({ data: rows }));
  await chunked(owners, (rows) => prisma.actionOwner.createMany({ data: rows }));
  return actions.length;
}

/** Tops the metrics up to 50, then gives each monthly computed figures going back from December 2019. */
async function writeFigures(prisma: PrismaClient, partnershipId: string, area: string, months: number) {
  const existing = await prisma.metric.count({ where: { partnershipId } });
  const extra = Array.from({ length: Math.max(0, METRICS - existing) }, (_, i) => ({
    partnershipId,
    key: `synthetic-${i + 1}`,
    name: `Synthetic metric ${i + 1} (benchmark)`,
    sortOrder: 1000 + i,
  }));
  await prisma.metric.createMany({ data: extra });
  const metrics = await prisma.metric.findMany({ where: { partnershipId }, select: { id: true } });
  const figures = metrics.flatMap((metric, m) =>
    Array.from({ length: months }, (_, k) => {
      const periodEnd = new Date(Date.UTC(2019, 12 - k, 0));
      const label = periodEnd.toISOString().slice(0, 7);
      return { metricId: metric.id, area, periodKind: 'MONTH' as const, periodEnd, periodLabel: label, value: 100 + ((m * 7 + k * 13) % 90), source: 'COMPUTED' as const, sourceDocument: LABEL };
    }),
  );
  await chunked(figures, (rows) => prisma.figure.createMany({ data: rows }));
  return { metrics: metrics.length, figures: figures.length };
}

async function chunked<T>(rows: T[], write: (rows: T[]) => Promise<unknown>, size = 2_000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}
