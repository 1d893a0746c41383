// npm run import -- <file> [--prune]: loads a partnership file (YAML or JSON) into the database
// the bot uses, with the same settings as `npm start`. All of it or nothing; see
// docs/partnership-file.md.
import { ConfigError, loadConfig } from '../src/config.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { DatabaseLockedError } from '../src/db/directory-lock.ts';
import { applyMigrations } from '../src/db/migrations.ts';
import { importPartnershipFile } from '../src/features/partnership-file/import.service.ts';
import { formatImportReport } from '../src/features/partnership-file/import-report.ts';
import { PartnershipFileError } from '../src/features/partnership-file/partnership-file.error.ts';
import { createLogger } from '../src/logging/logger.ts';
import { clockFrom } from '../src/time/clock.ts';

const USAGE = 'Usage: npm run import -- <file.yaml|file.json> [--prune]';

async function main(args: string[]): Promise<number> {
  const flags = args.filter((a) => a.startsWith('--'));
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1 || flags.some((f) => f !== '--prune')) {
    console.error(USAGE);
    return 2;
  }
  const file = files[0]!;
  const prune = flags.includes('--prune');
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    purpose: 'npm run import',
  });
  try {
    await applyMigrations(db);
    const started = performance.now();
    const report = await importPartnershipFile({ db, clock: clockFrom(config.AS_OF), log }, file, {
      prune,
      actorLabel: 'npm run import',
    });
    console.log(formatImportReport(report, file, performance.now() - started, prune));
    return 0;
  } finally {
    await closeQuietly(db);
  }
}

async function closeQuietly(db: Database): Promise<void> {
  await db.close().catch(() => {});
}

/** Expected refusals print their own message; anything else prints what it can. */
function explain(error: unknown): string {
  if (
    error instanceof PartnershipFileError ||
    error instanceof ConfigError ||
    error instanceof DatabaseLockedError
  )
    return error.message;
  return `Import failed, nothing was imported: ${error instanceof Error ? error.message : String(error)}`;
}

let code: number;
try {
  code = await main(process.argv.slice(2));
} catch (error) {
  console.error(explain(error));
  code = 1;
}
// The migration engine leaves a timer running; this command is done.
process.exit(code);
