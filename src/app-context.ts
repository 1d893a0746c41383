import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { Logger } from './logging/logger.ts';
import type { Clock } from './time/clock.ts';

/** What every feature is given: settings, the database, the clock and the logger. */
export interface AppContext {
  config: Config;
  db: Database;
  clock: Clock;
  log: Logger;
}
