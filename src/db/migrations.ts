import type { Database } from './database.ts';
import { createSchemaEngine, migrationNames, NO_FILTERS, readMigrationsList } from './schema-engine.ts';

/**
 * Applies pending migrations (what `prisma migrate deploy` does) through the database's own
 * driver adapter. Writes the standard `_prisma_migrations` table, so the Prisma CLI can take over
 * on a machine that has its native engines.
 */
export async function applyMigrations(db: Database): Promise<string[]> {
  const { engine, close } = await createSchemaEngine(db.adapterFactory);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: readMigrationsList(),
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}

/** Names of the migrations in prisma/migrations that the database has not finished applying. */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const wanted = migrationNames();
  let applied: Array<{ migration_name: string }> = [];
  try {
    applied = await db.prisma.$queryRaw<Array<{ migration_name: string }>>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  } catch {
    return wanted;
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return wanted.filter((name) => !done.has(name));
}
