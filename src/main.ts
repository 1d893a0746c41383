import { hostname } from 'node:os';
import type { AppContext } from './app-context.ts';
import { createAdapter } from './bot/adapter.ts';
import { createBotApp } from './bot/app.ts';
import { listen } from './bot/server.ts';
import { teamsTransport } from './bot/teams-transport.ts';
import { loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { applyMigrations } from './db/migrations.ts';
import { OutboxDispatcher } from './features/delivery/outbox-dispatcher.ts';
import { seedIfEmpty } from './features/partnership-file/seed.ts';
import { createLogger, type Logger } from './logging/logger.ts';
import { clockFrom, type Clock } from './time/clock.ts';

export interface RunningBot {
  url: string;
  ctx: AppContext;
  stop(): Promise<void>;
}

export interface StartOptions {
  config?: Config;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  log?: Logger;
}

/** Starts the whole bot: settings, database and migrations, example data, HTTP. */
export async function startBot(options: StartOptions = {}): Promise<RunningBot> {
  const config = options.config ?? loadConfig(options.env);
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? clockFrom(config.AS_OF);
  if (config.localMode)
    log.warn({ event: 'startup.local_mode' }, 'no MicrosoftAppId: local mode, unauthenticated, loopback only');

  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, purpose: 'the bot' });
  try {
    const applied = await applyMigrations(db);
    log.info({ event: 'startup.migrations', backend: db.backend, applied }, 'database ready');
    const adapter = createAdapter(config);
    const outbox = new OutboxDispatcher({
      prisma: db.prisma,
      clock,
      log,
      transport: teamsTransport(adapter, config.MicrosoftAppId ?? ''),
      worker: `${hostname()}:${process.pid}`,
    });
    const ctx: AppContext = { config, db, clock, log, outbox };
    if (config.SEED === 'example') await seedIfEmpty(ctx);
    const app = createBotApp(ctx, adapter);
    const http = await listen(ctx, adapter, app);
    outbox.start();
    log.info({ event: 'startup.listening', url: http.url, backend: db.backend }, 'bot listening');
    return {
      url: http.url,
      ctx,
      stop: async () => {
        await http.drain();
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
