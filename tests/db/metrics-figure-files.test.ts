import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureFor } from '../../src/features/metrics/figures.service.ts';
import { MetricsFileError } from '../../src/features/metrics/metrics-file.error.ts';
import {
  importPoliceFile,
  type MetricsContext,
} from '../../src/features/metrics/metrics-import.service.ts';
import { FixedClock } from '../../src/time/clock.ts';
import { createCatalogue } from '../fixtures/metrics/catalogue.ts';
import { DASHBOARD, fixture, PLAIN, SEEDS_TABLE } from '../fixtures/metrics/paths.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../helpers/databases.ts';

describe.each(BACKENDS)('figure files (dashboard, plain) on %s', (backend) => {
  let t: TestDatabase;
  let ids: Record<string, string>;
  const clock = new FixedClock('2022-02-15T12:00:00Z');
  let ctx: MetricsContext;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ctx = { db: t.db, clock };
    ({ ids } = await createCatalogue(t.db.prisma));
    await importPoliceFile(ctx, SEEDS_TABLE);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('imports dashboard months (made-up file) by metric name or alias, and computes rolling years from them', async () => {
    const report = await importPoliceFile(ctx, DASHBOARD);
    expect(report).toMatchObject({
      format: 'mps-dashboard',
      borough: 'Bromley',
      categories: ['Hate Crime', 'Knife Crime Offences'],
      written: { new: 24 + 3 },
    });
    expect(report.skipped).toEqual([
      'offences with no metric: Robbery / Personal Robbery',
      'measures other than Offences: Sanctioned Detections',
    ]);
    const jan22 = await figureFor(ctx, ids['hate-crime']!, 'ROLLING_YEAR', '2022-01');
    expect(jan22).toMatchObject({
      value: 805,
      source: 'PUBLISHED',
      computedValue: dashboardSum('202102', '202201'),
    });
    const month = await figureFor(ctx, ids['knife-crime']!, 'MONTH', '2022-01');
    expect(month).toMatchObject({ source: 'COMPUTED', value: dashboardKnife('01/01/2022') });
    expect((await importPoliceFile(ctx, DASHBOARD)).alreadyImportedAt).toBeInstanceOf(Date);
  });

  it('imports a plain file as published figures, superseding a changed one, and rejects an unknown metric', async () => {
    const report = await importPoliceFile(ctx, PLAIN);
    expect(report.written).toEqual({ new: 3, revised: 1, unchanged: 0 });
    const hate = await figureFor(ctx, ids['hate-crime']!, 'ROLLING_YEAR', '2022-01');
    expect(hate).toMatchObject({
      value: 805,
      publishedRag: 'Achieved',
      rag: { word: 'Achieved', from: 'printed' },
    });
    const history = await t.db.prisma.figure.findMany({
      where: {
        metricId: ids['hate-crime']!,
        periodKind: 'ROLLING_YEAR',
        periodEnd: new Date('2022-01-31'),
      },
      orderBy: { version: 'asc' },
    });
    expect(history.map((f) => [f.version, f.publishedRag, f.supersededAt !== null])).toEqual([
      [1, null, true],
      [2, 'Achieved', false],
    ]);
    const quarter = await figureFor(ctx, ids['hate-crime']!, 'QUARTER', '2021-12');
    expect(quarter).toMatchObject({ value: 190, periodLabel: 'Q3 2021/22', source: 'PUBLISHED' });
    const before = await t.db.prisma.figure.count();
    const error = await importPoliceFile(ctx, fixture('../../../package.json')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MetricsFileError);
    await expect(importPoliceFile(ctx, unknownMetricFile())).rejects.toThrow(
      /line 3: no metric called "Shoplifting"/,
    );
    expect(await t.db.prisma.figure.count()).toBe(before);
  });
});

function dashboardRows(): string[][] {
  return readFileSync(DASHBOARD, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .slice(1)
    .map((l) => l.replace(/"[^"]*"/g, 'X').split(','));
}

/** Bromley borough hate crime offences from the made-up dashboard file, Feb 2021 to Jan 2022, summed by hand. */
function dashboardSum(from: string, to: string): number {
  const ym = (d: string) => `${d.slice(6, 10)}${d.slice(3, 5)}`;
  return dashboardRows()
    .filter(
      (c) =>
        c[1] === 'Borough' &&
        c[2] === 'Bromley' &&
        c[5] === 'Hate Crime' &&
        c[7] === 'Offences' &&
        ym(c[0]!) >= from &&
        ym(c[0]!) <= to,
    )
    .reduce((sum, c) => sum + Number(c[10]), 0);
}

function dashboardKnife(month: string): number {
  return dashboardRows()
    .filter((c) => c[0] === month && c[2] === 'Bromley' && c[5] === 'Knife Crime')
    .reduce((sum, c) => sum + Number(c[10]), 0);
}

function unknownMetricFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'pbb-plain-')), 'figures.csv');
  writeFileSync(path, 'metric,period,value\nHate Crime,2022-02,70\nShoplifting,2022-02,300\n');
  return path;
}
