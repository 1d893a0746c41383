import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The PostgreSQL server the benchmark creates its databases on (as the tests do). */
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A database the benchmark made, and the settings that point the bot at it. */
export interface BenchDatabase {
  name: string;
  env: Record<string, string>;
  url?: string;
}

const made: BenchDatabase[] = [];

/** A new, empty PostgreSQL database on the local server; `template` copies another (which nobody may be connected to). */
export async function postgresDatabase(template?: BenchDatabase): Promise<BenchDatabase> {
  const name = `pbb_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template.name}` : ''}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = { name, url: url.toString(), env: { DATABASE_URL: url.toString(), DATA_DIR: mkdtempSync(join(tmpdir(), 'pbb-bench-')) } };
  made.push(db);
  return db;
}

/** A new, empty folder for the embedded PGlite database. */
export function pgliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'pbb-bench-'));
  const db = { name: dir, env: { DATA_DIR: dir } };
  made.push(db);
  return db;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Removes every database and folder the run made. */
export async function disposeAll(): Promise<void> {
  for (const db of made.splice(0)) {
    if (db.url) await adminQuery(`DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`).catch(() => {});
    rmSync(db.env.DATA_DIR!, { recursive: true, force: true });
  }
}
