import { ConfigError } from './config.ts';
import { DatabaseLockedError } from './db/directory-lock.ts';
import { startBot } from './main.ts';

// The process edge: start, and on SIGTERM/SIGINT finish the turns in flight, close the database
// and exit 0. A bad setting or a locked database stops start-up with one clear message.
try {
  const bot = await startBot();
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    bot.ctx.log.info({ event: 'shutdown.signal', signal }, 'stopping');
    await bot.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
} catch (error) {
  if (error instanceof ConfigError || error instanceof DatabaseLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
