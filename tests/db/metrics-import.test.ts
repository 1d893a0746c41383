import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { rollingYearFromCsv } from '../fixtures/metrics/independent-sums.ts';
import { HISTORICAL, RECENT, TITLE_CASE } from '../fixtures/metrics/paths.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../helpers/databases.ts';

const up = (s: string) => s.toUpperCase();
const PICK = {
  tno: () => true,
  'total-burglary': (major: string) => up(major) === 'BURGLARY',
  'theft-of-motor-vehicles': (_: string, minor: string) =>
    up(minor) === 'THEFT OR UNAUTH TAKING OF A MOTOR VEH',
  'public-fear': (_: string, minor: string) =>
    up(minor).replace(/,/g, ';') === 'PUBLIC FEAR; ALARM OR DISTRESS' ||
    up(minor) === 'PUBLIC FEAR ALARM OR DISTRESS',
} as const;

describe.each(BACKENDS)('police file import on %s', (backend) => {
  let t: TestDatabase;
  let ctx: MetricsContext;
  let ids: Record<string, string>;
  let partnershipId: string;
  const scratch = mkdtempSync(join(tmpdir(), 'pbb-metrics-'));
  const counts = () => t.db.prisma.policeCount.count();
  const batches = () => t.db.prisma.importBatch.count();

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ctx = { db: t.db, clock: new FixedClock('2026-07-15T09:00:00Z') };
    ({ partnershipId, ids } = await createCatalogue(t.db.prisma));
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('imports the historical file (BoroughName header) for Bromley and reports what it read', async () => {
    const started = performance.now();
    const report = await importPoliceFile(ctx, HISTORICAL, { actorLabel: 'test' });
    console.info(
      `[${backend}] historical file imported in ${Math.round(performance.now() - started)} ms`,
    );
    expect(report).toMatchObject({
      format: 'mps-wide',
      header: 'BoroughName',
      borough: 'Bromley',
      partnership: 'safer-bromley',
      rows: 128,
      rowsUsed: 32,
      months: { first: '2010-04', last: '2023-11', count: 164 },
      boroughs: ['Bexley', 'Bromley', 'Croydon', 'Lewisham'],
      written: { new: 32 * 164, revised: 0, unchanged: 0 },
      alreadyImportedAt: null,
    });
    expect(report.categories).toHaveLength(32);
    expect(await counts()).toBe(32 * 164);
  });

  it('imports the 2026 file (Group,SubGroup,BOCU header, quoted comma) into the same categories', async () => {
    const report = await importPoliceFile(ctx, RECENT);
    expect(report).toMatchObject({
      header: 'BOCU',
      borough: 'Bromley',
      months: { first: '2024-07', last: '2026-06', count: 24 },
    });
    expect(report.written.new).toBe(report.rowsUsed * 24);
    const fear = await t.db.prisma.policeCount.groupBy({
      by: ['minor'],
      where: { minor: { startsWith: 'PUBLIC FEAR' } },
    });
    expect(fear.map((f) => f.minor)).toEqual(['PUBLIC FEAR ALARM OR DISTRESS']);
  });

  it('gives rolling-year totals equal to sums taken straight from the CSV text', async () => {
    const cases: Array<[keyof typeof PICK, string, string]> = [
      ['tno', HISTORICAL, '202101'],
      ['tno', HISTORICAL, '202201'],
      ['tno', RECENT, '202506'],
      ['tno', RECENT, '202606'],
      ['total-burglary', HISTORICAL, '202101'],
      ['total-burglary', HISTORICAL, '202201'],
      ['total-burglary', HISTORICAL, '202311'],
      ['total-burglary', RECENT, '202509'],
      ['theft-of-motor-vehicles', HISTORICAL, '202201'],
      ['theft-of-motor-vehicles', RECENT, '202506'],
      ['public-fear', HISTORICAL, '202201'],
      ['public-fear', RECENT, '202506'],
    ];
    for (const [key, file, end] of cases) {
      const expected = rollingYearFromCsv(file, 'Bromley', end, PICK[key]);
      const figure = await figureFor(
        ctx,
        ids[key]!,
        'ROLLING_YEAR',
        `${end.slice(0, 4)}-${end.slice(4)}`,
      );
      expect(figure?.computedValue, `${key} to ${end}`).toBe(expected);
      expect(expected).toBeGreaterThan(0);
    }
    expect(rollingYearFromCsv(HISTORICAL, 'Bromley', '202201', PICK.tno)).toBe(22728);
    expect(rollingYearFromCsv(HISTORICAL, 'Bromley', '202101', PICK['total-burglary'])).toBe(1598);
  });

  it('does nothing the second time the same file is imported', async () => {
    const before = [await counts(), await batches()];
    const report = await importPoliceFile(ctx, HISTORICAL);
    expect(report.alreadyImportedAt).toBeInstanceOf(Date);
    expect(report).toMatchObject({
      batchId: null,
      written: { new: 0, revised: 0, unchanged: 32 * 164 },
    });
    expect([await counts(), await batches()]).toEqual(before);
  });

  it('finds a Title Case copy of the same rows (LookUp_BoroughName, CRLF) unchanged', async () => {
    const before = await counts();
    const report = await importPoliceFile(ctx, TITLE_CASE);
    expect(report).toMatchObject({
      header: 'LookUp_BoroughName',
      written: { new: 0, revised: 0, unchanged: 7 * 164 },
    });
    expect(report.batchId).not.toBeNull();
    expect(await counts()).toBe(before);
  });

  it('lets a revised, overlapping file supersede the months it changes, keeping the earlier value', async () => {
    const lines = readFileSync(RECENT, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('BURGLARY,RES BURGLARY OF A HOME,Bromley,'));
    const cells = lines[at]!.split(',');
    const old202501 = Number(cells[3 + 6]);
    cells[3 + 6] = String(old202501 + 5);
    const revised = join(scratch, 'recent-revised.csv');
    writeFileSync(revised, [lines[0], lines[at] && cells.join(',')].join('\n') + '\n');
    const before = await counts();
    const beforeFigure = await figureFor(ctx, ids['total-burglary']!, 'ROLLING_YEAR', '2025-06');
    const report = await importPoliceFile(ctx, revised);
    expect(report.written).toEqual({ new: 0, revised: 1, unchanged: 23 });
    expect(await counts()).toBe(before + 1);
    const history = await t.db.prisma.policeCount.findMany({
      where: {
        partnershipId,
        borough: 'Bromley',
        minor: 'RES BURGLARY OF A HOME',
        month: new Date('2025-01-01'),
      },
      orderBy: { version: 'asc' },
    });
    expect(history.map((h) => [h.version, h.count, h.supersededAt !== null])).toEqual([
      [1, old202501, true],
      [2, old202501 + 5, false],
    ]);
    const afterFigure = await figureFor(ctx, ids['total-burglary']!, 'ROLLING_YEAR', '2025-06');
    expect(afterFigure!.computedValue).toBe(beforeFigure!.computedValue! + 5);
  });

  it('rejects a malformed file with the line and reason, writing nothing', async () => {
    const lines = readFileSync(HISTORICAL, 'utf8').split('\n');
    lines[9] = lines[9]!.replace(/,(\d+)$/, ',12a');
    const bad = join(scratch, 'historical-bad.csv');
    writeFileSync(bad, lines.join('\n'));
    const before = [await counts(), await batches(), await t.db.prisma.auditEntry.count()];
    const error = await importPoliceFile(ctx, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetricsFileError);
    expect((error as MetricsFileError).line).toBe(10);
    expect((error as MetricsFileError).userMessage).toBe(
      'line 10: 202311: "12a" is not a whole number of offences',
    );
    expect([await counts(), await batches(), await t.db.prisma.auditEntry.count()]).toEqual(before);
  });

  it('rejects a file with no rows for the borough, and imports another borough when asked', async () => {
    await expect(importPoliceFile(ctx, HISTORICAL, { borough: 'Sutton' })).rejects.toThrow(
      /no rows for Sutton \(boroughs in it: Bexley, Bromley, Croydon, Lewisham\)/,
    );
    const report = await importPoliceFile(ctx, HISTORICAL, { borough: 'bexley' });
    expect(report).toMatchObject({ borough: 'Bexley', written: { new: 32 * 164 } });
    expect(await t.db.prisma.policeCount.count({ where: { borough: 'Bexley' } })).toBe(32 * 164);
  });

  it('refuses a file over 10 MB before reading it', async () => {
    const big = join(scratch, 'big.csv');
    writeFileSync(big, Buffer.alloc(10 * 1024 * 1024 + 1, 0x30));
    await expect(importPoliceFile(ctx, big)).rejects.toThrow(/the limit is 10 MB/);
  });

  it('records one audit entry per import batch', async () => {
    const entries = await t.db.prisma.auditEntry.findMany({
      where: { action: 'metrics.import' },
      orderBy: { id: 'asc' },
    });
    const batchIds = (await t.db.prisma.importBatch.findMany({ select: { id: true } })).map(
      (b) => b.id,
    );
    expect(entries.map((e) => e.entityId).sort()).toEqual(batchIds.sort());
    expect(
      entries.every((e) => e.entity === 'ImportBatch' && e.partnershipId === partnershipId),
    ).toBe(true);
    expect(entries[0]).toMatchObject({
      actorLabel: 'test',
      entityRef: 'mps_borough_historical_201004-202311_4boroughs.csv',
    });
    expect(entries[0]!.after).toMatchObject({ borough: 'Bromley', written: { new: 32 * 164 } });
  });
});
