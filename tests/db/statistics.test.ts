import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshStatistics } from '../../src/db/statistics.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../helpers/databases.ts';

describe.each(BACKENDS)('planner statistics on %s', (backend) => {
  let t: TestDatabase;
  const prisma = () => t.db.prisma;
  const estimate = async (table: string) =>
    (await prisma().$queryRaw<Array<{ n: number }>>`SELECT reltuples::int AS n FROM pg_class WHERE relname = ${table}`)[0]!.n;

  beforeAll(async () => {
    t = await freshDatabase(backend);
  });
  afterAll(async () => t.dispose());

  it('are refreshed after a bulk load, so plans are made on the sizes the tables now have', async () => {
    const partnershipId = (await prisma().partnership.create({ data: { slug: 'stats', name: 'Stats Town' } })).id;
    await prisma().reportingPeriod.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({
        partnershipId,
        fiscalYear: 2000 + Math.floor(i / 4),
        quarter: (i % 4) + 1,
        startsOn: new Date(Date.UTC(2000 + Math.floor(i / 4), 3 + 3 * (i % 4), 1)),
        endsOn: new Date(Date.UTC(2000 + Math.floor(i / 4), 6 + 3 * (i % 4), 0)),
      })),
    });
    expect(await estimate('ReportingPeriod')).not.toBe(40);
    await refreshStatistics(prisma());
    expect(await estimate('ReportingPeriod')).toBe(40);
  });
});
