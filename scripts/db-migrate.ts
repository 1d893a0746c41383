// npm run db:migrate: applies pending migrations to the database the settings name (the same
// settings as npm start), through Prisma's WASM schema engine. Nothing is downloaded.
import { ConfigError, loadConfig } from '../src/config.ts';
import { DatabaseLockedError } from '../src/db/directory-lock.ts';
import { openDatabase } from '../src/db/database.ts';
import { applyMigrations } from '../src/db/migrations.ts';

let code = 0;
try {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, purpose: 'npm run db:migrate' });
  try {
    const applied = await applyMigrations(db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await db.close();
  }
} catch (error) {
  if (!(error instanceof ConfigError || error instanceof DatabaseLockedError)) throw error;
  console.error(error.message);
  code = 1;
}
// The schema engine leaves a timer running; this command is done.
process.exit(code);
