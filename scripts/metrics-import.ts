// npm run metrics:import -- <file> [--borough NAME] [--partnership SLUG]: loads police crime
// figures (a Met Police borough file, a Monthly Crime Dashboard file or a metric,period,value
// file) into the database the settings name (the same settings as npm start).
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.ts';
import { DatabaseLockedError } from '../src/db/directory-lock.ts';
import { openDatabase } from '../src/db/database.ts';
import { applyMigrations } from '../src/db/migrations.ts';
import { DomainError } from '../src/domain-error.ts';
import {
  formatImportReport,
  importPoliceFile,
} from '../src/features/metrics/metrics-import.service.ts';
import { clockFrom } from '../src/time/clock.ts';

class UsageError extends Error {}

const USAGE = 'usage: npm run metrics:import -- <file> [--borough NAME] [--partnership SLUG]';

let code = 0;
try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { borough: { type: 'string' }, partnership: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const config = loadConfig();
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    purpose: 'npm run metrics:import',
  });
  try {
    await applyMigrations(db);
    const started = performance.now();
    const report = await importPoliceFile({ db, clock: clockFrom(config.AS_OF) }, positionals[0]!, {
      borough: values.borough,
      partnershipId: values.partnership,
      actorLabel: 'npm run metrics:import',
    });
    console.log(formatImportReport(report));
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await db.close();
  }
} catch (error) {
  if (error instanceof DomainError) console.error(`Not imported: ${error.userMessage}`);
  else if (
    error instanceof ConfigError ||
    error instanceof DatabaseLockedError ||
    error instanceof UsageError
  )
    console.error(error.message);
  else if (isArgError(error)) console.error(`${(error as Error).message}\n${USAGE}`);
  else throw error;
  code = 1;
}
// The schema engine leaves a timer running; this command is done.
process.exit(code);

function isArgError(error: unknown): boolean {
  return (
    error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')
  );
}
