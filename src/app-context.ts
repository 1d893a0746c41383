import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { Logger } from './logging/logger.ts';
import type { Clock } from './time/clock.ts';

/** The outbox worker as features see it: queue rows in a transaction, then kick. */
export interface OutboxWorker {
  kick(): void;
  /** Sends everything due now (tests, and the end of a fan-out). */
  drain(): Promise<number>;
}

/** What every feature is given: settings, the database, the clock and the logger. */
export interface AppContext {
  config: Config;
  db: Database;
  clock: Clock;
  log: Logger;
  outbox: OutboxWorker;
}
