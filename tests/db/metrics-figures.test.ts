import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricView } from '../../src/features/metrics/figure-views.ts';
import {
  crimeTable,
  figureFor,
  latestFigure,
  trend,
} from '../../src/features/metrics/figures.service.ts';
import {
  importPoliceFile,
  type MetricsContext,
} from '../../src/features/metrics/metrics-import.service.ts';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { FixedClock } from '../../src/time/clock.ts';
import { createCatalogue } from '../fixtures/metrics/catalogue.ts';
import { rollingYearFromCsv } from '../fixtures/metrics/independent-sums.ts';
import { HISTORICAL, SEEDS_TABLE } from '../fixtures/metrics/paths.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../helpers/databases.ts';

const all = () => true;
const burglary = (major: string) => major === 'BURGLARY';

describe.each(BACKENDS)('figures on %s', (backend) => {
  let t: TestDatabase;
  let ids: Record<string, string>;
  let partnershipId: string;
  const clock = new FixedClock('2022-02-15T12:00:00Z');
  let ctx: MetricsContext;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ctx = { db: t.db, clock };
    ({ partnershipId, ids } = await createCatalogue(t.db.prisma));
    await importPoliceFile(ctx, HISTORICAL);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('answers about now from the last four years of thirteen, the same as from all of them', async () => {
    clock.set('2023-12-15T09:00:00Z');
    const recent = await metricView(ctx, { id: ids['total-burglary']! }, true);
    expect(recent!.quoted).toMatchObject({
      periodLabel: 'Rolling Year Nov 23',
      value: rollingYearFromCsv(HISTORICAL, 'Bromley', '202311', burglary),
    });
    expect(recent!.quoted!.previous.value).toBe(rollingYearFromCsv(HISTORICAL, 'Bromley', '202211', burglary));
    expect(recent!.alsoCompared.map((a) => [a.periodLabel, a.previous.periodLabel])).toEqual([
      ['Q2 2023/24', 'Q2 2022/23'],
      ['Nov 2023', 'Nov 2022'],
    ]);
    const everything = await latestFigure(ctx, ids['total-burglary']!, 'ROLLING_YEAR');
    expect(recent!.quoted).toEqual(everything);
  });

  it('computes the latest rolling year, quarter and month from police counts, by the clock', async () => {
    clock.set('2022-10-20T09:00:00Z');
    const ry = await latestFigure(ctx, ids.tno!, 'ROLLING_YEAR');
    expect(ry).toMatchObject({
      periodLabel: 'Rolling Year Sep 22',
      periodEnd: '2022-09-30',
      source: 'COMPUTED',
      value: rollingYearFromCsv(HISTORICAL, 'Bromley', '202209', all),
    });
    expect(ry!.previous).toMatchObject({
      periodLabel: 'Rolling Year Sep 21',
      value: rollingYearFromCsv(HISTORICAL, 'Bromley', '202109', all),
    });
    expect(ry!.changePct).toBeCloseTo(
      ((ry!.value! - ry!.previous.value!) / ry!.previous.value!) * 100,
      1,
    );
    expect(ry!.importedAt).toBeInstanceOf(Date);
    const q = await latestFigure(ctx, ids['total-burglary']!, 'QUARTER');
    expect(q).toMatchObject({ periodLabel: 'Q2 2022/23', periodEnd: '2022-09-30' });
    expect(q!.previous.periodLabel).toBe('Q2 2021/22');
    const m = await latestFigure(ctx, ids['total-burglary']!, 'MONTH');
    expect(m).toMatchObject({ periodLabel: 'Sep 2022', previous: { periodLabel: 'Sep 2021' } });
    expect(q!.value).toBe(
      m!.value! +
        (await figureFor(ctx, ids['total-burglary']!, 'MONTH', '2022-08'))!.value! +
        (await figureFor(ctx, ids['total-burglary']!, 'MONTH', '2022-07'))!.value!,
    );
  });

  it("judges a change by the metric's good direction", async () => {
    clock.set('2022-02-15T12:00:00Z');
    const b = await latestFigure(ctx, ids['total-burglary']!, 'ROLLING_YEAR');
    expect(b).toMatchObject({
      value: rollingYearFromCsv(HISTORICAL, 'Bromley', '202201', burglary),
      previous: { value: 1598 },
      movement: 'down',
      judgement: 'good',
    });
  });

  it('prefers the published figure for the period, keeps the computed one alongside and flags a printed % that disagrees', async () => {
    await importPoliceFile(ctx, SEEDS_TABLE);
    const tno = await latestFigure(ctx, ids.tno!, 'ROLLING_YEAR');
    expect(tno).toMatchObject({
      periodLabel: 'Rolling Year Jan 22',
      value: 24594,
      source: 'PUBLISHED',
      computedValue: rollingYearFromCsv(HISTORICAL, 'Bromley', '202201', all),
      previous: { value: 21328, source: 'PUBLISHED', computedValue: 20911 },
      changeText: '+14',
      changeFrom: 'printed',
      changePct: 15.3,
      disagreement: { printed: '+14', printedPct: 14, computedPct: 15.3 },
      sourceDocument: 'seeds-crime-table.csv',
    });
    const hate = await latestFigure(ctx, ids['hate-crime']!, 'ROLLING_YEAR');
    expect(hate).toMatchObject({
      value: 805,
      previous: { value: 513 },
      disagreement: { printedPct: 44, computedPct: 56.9 },
      movement: 'up',
      judgement: 'good',
    });
    const burglaryFigure = await latestFigure(ctx, ids['total-burglary']!, 'ROLLING_YEAR');
    expect(burglaryFigure).toMatchObject({
      value: 1577,
      changeText: '+8',
      disagreement: null,
      computedValue: 1535,
    });
  });

  it('uses computed figures again once later months have ended', async () => {
    clock.set('2023-12-10T09:00:00Z');
    const tno = await latestFigure(ctx, ids.tno!, 'ROLLING_YEAR');
    expect(tno).toMatchObject({
      periodLabel: 'Rolling Year Nov 23',
      source: 'COMPUTED',
      disagreement: null,
      value: rollingYearFromCsv(HISTORICAL, 'Bromley', '202311', all),
    });
    clock.set('2022-02-15T12:00:00Z');
  });

  it('gives a trend of consecutive periods, published where published', async () => {
    const series = await trend(ctx, ids.tno!, 'ROLLING_YEAR', 13);
    expect(series!.points.map((p) => p.periodLabel)).toEqual([
      'Rolling Year Jan 21',
      'Rolling Year Feb 21',
      'Rolling Year Mar 21',
      'Rolling Year Apr 21',
      'Rolling Year May 21',
      'Rolling Year Jun 21',
      'Rolling Year Jul 21',
      'Rolling Year Aug 21',
      'Rolling Year Sep 21',
      'Rolling Year Oct 21',
      'Rolling Year Nov 21',
      'Rolling Year Dec 21',
      'Rolling Year Jan 22',
    ]);
    expect(series!.points.map((p) => p.source)).toEqual([
      'PUBLISHED',
      ...Array(11).fill('COMPUTED'),
      'PUBLISHED',
    ]);
    expect(series!.points[1]!.value).toBe(rollingYearFromCsv(HISTORICAL, 'Bromley', '202102', all));
    const quarters = await trend(ctx, ids['total-burglary']!, 'QUARTER', 4);
    expect(quarters!.points.map((p) => p.periodLabel)).toEqual([
      'Q4 2020/21',
      'Q1 2021/22',
      'Q2 2021/22',
      'Q3 2021/22',
    ]);
  });

  it("builds the crime table in the seeds' layout for the rolling years to Jan 21 and Jan 22", async () => {
    const table = await crimeTable(ctx, partnershipId, '2022-01');
    expect(table).toMatchObject({
      borough: 'Bromley',
      previousLabel: 'Rolling Year Jan 21',
      currentLabel: 'Rolling Year Jan 22',
      periodEnd: '2022-01-31',
    });
    const row = (key: string) => table.rows.find((r) => r.metric.key === key)!;
    expect([
      row('tno').previous.value,
      row('tno').value,
      row('tno').changeText,
      row('tno').disagreement?.computedPct,
    ]).toEqual([21328, 24594, '+14', 15.3]);
    expect([
      row('knife-crime').previous.value,
      row('knife-crime').value,
      row('knife-crime').changeText,
      row('knife-crime').disagreement,
    ]).toEqual([215, 189, '-12%', null]);
    expect(row('residential-burglary')).toMatchObject({
      source: 'COMPUTED',
      changeFrom: 'computed',
    });
    expect(row('public-fear').rag).toEqual({
      word:
        row('public-fear').changePct! >= 5
          ? 'Red'
          : row('public-fear').changePct! <= -5
            ? 'Green'
            : 'Amber',
      from: 'thresholds',
    });
    const flagged = table.rows
      .filter((r) => r.disagreement)
      .map((r) => r.metric.key)
      .sort();
    expect(flagged).toEqual([
      'hate-crime',
      'ndvwi',
      'sexual-offences',
      'theft-of-motor-vehicles',
      'tno',
    ]);
    // The board's order: the catalogue's (the partnership file's), Total Notifiable Offences first.
    expect(table.rows[0]!.metric.key).toBe('tno');
    expect(table.rows.at(-1)!.metric.key).toBe('public-fear');
  });

  it('keeps the number of queries the same however many months and metrics there are', async () => {
    const counted = countingContext(t.db.prisma);
    await crimeTable(counted.ctx, partnershipId, '2022-01');
    const tableQueries = counted.take();
    await latestFigure(counted.ctx, ids.tno!, 'ROLLING_YEAR');
    const latestQueries = counted.take();
    await trend(counted.ctx, ids.tno!, 'MONTH', 120);
    expect([tableQueries, latestQueries, counted.take()]).toEqual([8, 7, 7]);
  });
});

/** Counts the queries a figures call makes. */
function countingContext(prisma: PrismaClient) {
  let n = 0;
  const counting = prisma.$extends({
    query: { $allOperations: ({ args, query }) => ((n += 1), query(args)) },
  });
  const db = { prisma: counting as unknown as PrismaClient } as MetricsContext['db'];
  return {
    ctx: { db, clock: new FixedClock('2022-02-15T12:00:00Z') } as MetricsContext,
    take: () => [n, (n = 0)][0]!,
  };
}
