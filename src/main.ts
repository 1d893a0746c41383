import { hostname } from 'node:os';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { AppContext } from './app-context.ts';
import { createAdapter } from './bot/adapter.ts';
import { createBotApp } from './bot/app.ts';
import { listen } from './bot/server.ts';
import { outboundAdapter, teamsTransport } from './bot/teams-transport.ts';
import { loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { applyMigrations, pendingMigrations } from './db/migrations.ts';
import { OutboxDispatcher } from './features/delivery/outbox-dispatcher.ts';
import { retentionJob } from './features/privacy/privacy-retention.job.ts';
import { reminderJob } from './features/reminders/reminder-job.ts';
import { Scheduler } from './scheduling/scheduler.ts';
import { seedIfEmpty } from './features/partnership-file/seed.ts';
import { createLogger, type Logger } from './logging/logger.ts';
import { clockFrom, type Clock } from './time/clock.ts';

export interface RunningBot {
  url: string;
  ctx: AppContext;
  /** Due work → outbox (reminders and chasers); tests call `runDue()` after moving the clock. */
  scheduler: Scheduler;
  stop(): Promise<void>;
}

export interface StartOptions {
  config?: Config;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  log?: Logger;
  /** How outbound tokens are obtained; the app's own credentials by default. */
  credentials?: ServiceClientCredentialsFactory;
  /** Count the SQL statements sent (db.queries): for the benchmarks, off by default. */
  countQueries?: boolean;
}

/** Starts the whole bot: settings, database and migrations, example data, HTTP. */
export async function startBot(options: StartOptions = {}): Promise<RunningBot> {
  const config = options.config ?? loadConfig(options.env);
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? clockFrom(config.AS_OF);
  if (config.localMode)
    log.warn({ event: 'startup.local_mode' }, 'no MicrosoftAppId: local mode, unauthenticated, loopback only');

  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, purpose: 'the bot', countQueries: options.countQueries });
  try {
    // One query to see that nothing is pending spares loading the schema engine (WASM) at all.
    const applied = (await pendingMigrations(db)).length > 0 ? await applyMigrations(db) : [];
    log.info({ event: 'startup.migrations', backend: db.backend, applied }, 'database ready');
    const adapter = createAdapter(config, options.credentials);
    const outbox = new OutboxDispatcher({
      prisma: db.prisma,
      clock,
      log,
      transport: teamsTransport(outboundAdapter(config, log, options.credentials), config.MicrosoftAppId ?? ''),
      worker: `${hostname()}:${process.pid}`,
      limits: { perConversation: config.TEAMS_RATE_PER_CONVERSATION, perTenant: config.TEAMS_RATE_PER_TENANT },
    });
    const scheduler = new Scheduler({ prisma: db.prisma, clock, log, outbox, jobs: [reminderJob({ time: config.REMINDER_TIME }), retentionJob()] });
    const ctx: AppContext = { config, db, clock, log, outbox };
    if (config.SEED === 'example') await seedIfEmpty(ctx);
    const app = createBotApp(ctx, adapter);
    const http = await listen(ctx, adapter, app);
    outbox.start();
    scheduler.start();
    log.info({ event: 'startup.listening', url: http.url, backend: db.backend }, 'bot listening');
    return {
      url: http.url,
      ctx,
      scheduler,
      stop: async () => {
        await http.drain();
        await scheduler.stop();
        await outbox.stop();
        await db.close();
        log.info({ event: 'shutdown.done' }, 'stopped');
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
