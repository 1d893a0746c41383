import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { DatabaseLockedError } from '../../src/db/directory-lock.ts';
import { applyMigrations, pendingMigrations } from '../../src/db/migrations.ts';
import { migrationNames } from '../../src/db/schema-engine.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../helpers/databases.ts';

describe.each(BACKENDS)('database on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(backend);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('has every migration applied, recorded the way Prisma records them', async () => {
    expect(await pendingMigrations(t.db)).toEqual([]);
    const rows = await t.db.prisma.$queryRaw<Array<{ migration_name: string; checksum: string }>>`
      SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames());
    expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('applies nothing the second time', async () => {
    expect(await applyMigrations(t.db)).toEqual([]);
  });

  it('round-trips the domain through the generated client', async () => {
    const p = await t.db.prisma.partnership.create({
      data: { slug: `p-${backend}`, name: 'Example Town Partnership', ragTerms: { create: [{ word: 'Achieved and continues', status: 'ACHIEVED' }] } },
      include: { ragTerms: true },
    });
    expect(p.fyStartMonth).toBe(4);
    expect(p.timezone).toBe('Europe/London');
    expect(p.ragTerms[0]).toMatchObject({ word: 'Achieved and continues', status: 'ACHIEVED' });
  });

  it('turns a duplicate natural key into P2002', async () => {
    const data = { slug: `dup-${backend}`, name: 'Twice' };
    await t.db.prisma.partnership.create({ data });
    await expect(t.db.prisma.partnership.create({ data })).rejects.toMatchObject({ code: 'P2002' });
  });
});

describe('embedded database guard', () => {
  it('refuses a second process on the same data directory, and frees it on close', async () => {
    const t = await freshDatabase('pglite');
    try {
      await expect(openDatabase({ dataDir: t.env.DATA_DIR, purpose: 'npm run import' })).rejects.toThrow(DatabaseLockedError);
      await expect(openDatabase({ dataDir: t.env.DATA_DIR })).rejects.toThrow(/in use by another process \(pid \d+, tests\)/);
      await t.db.close();
      const again = await openDatabase({ dataDir: t.env.DATA_DIR });
      expect(await pendingMigrations(again)).toEqual([]);
      await again.close();
    } finally {
      await t.dispose();
    }
  });
});
