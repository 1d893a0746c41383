import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Backend, type Database } from '../../src/db/database.ts';
import { applyMigrations } from '../../src/db/migrations.ts';

/** The PostgreSQL server tests create their databases on (trust auth on this machine and CI). */
export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The backends every database test runs on. With CI=true PostgreSQL is required: its absence
 * fails the run instead of quietly testing one backend.
 */
export async function backends(): Promise<Backend[]> {
  if (await postgresReachable()) return ['pglite', 'postgres'];
  if (process.env.CI === 'true')
    throw new Error(`CI=true but PostgreSQL is not reachable at ${ADMIN_URL}: start it (see README).`);
  console.warn(`PostgreSQL not reachable at ${ADMIN_URL}: running on PGlite only.`);
  return ['pglite'];
}

export const BACKENDS: Backend[] = await backends();

export interface DatabaseEnv {
  /** Settings that make the bot (or a script) open this database. */
  env: { DATABASE_URL?: string; DATA_DIR: string };
  /** Removes the database (close every handle on it first). */
  dispose(): Promise<void>;
}

/** A new, empty database on the backend, not yet opened: for starting the real bot on it. */
export async function databaseEnv(backend: Backend): Promise<DatabaseEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pbb-test-'));
  if (backend === 'pglite') {
    return { env: { DATA_DIR: dataDir }, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `pbb_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    dispose: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestDatabase extends DatabaseEnv {
  db: Database;
}

/** A new, migrated, empty database on the backend, opened: one per test file. */
export async function freshDatabase(backend: Backend): Promise<TestDatabase> {
  const target = await databaseEnv(backend);
  const db = await openDatabase({
    databaseUrl: target.env.DATABASE_URL,
    dataDir: target.env.DATA_DIR,
    purpose: 'tests',
  });
  await applyMigrations(db);
  return {
    db,
    env: target.env,
    dispose: async () => {
      await db.close().catch(() => {});
      await target.dispose();
    },
  };
}

/** Runs one statement as the server's admin (create, drop, terminate). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
