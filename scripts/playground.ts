/**
 * `npm run playground`: the bot on the example partnership (embedded database, AS_OF inside the
 * example's timeline) and Microsoft 365 Agents Playground pointed at it, configured with members
 * of the example (.m365agentsplayground.yml). Ctrl-C stops both. The e2e tests start the same
 * pair through `launchPlayground` and `startPlaygroundBot`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startBot, type RunningBot } from '../src/main.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const PLAYGROUND_CONFIG = resolve(ROOT, '.m365agentsplayground.yml');
/** A date inside the example's timeline: after the 17 August meeting, before 27 October. */
export const PLAYGROUND_AS_OF = '2022-10-20T09:00:00+01:00';

export interface RunningPlayground {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the bot with the example data unless the environment says otherwise. */
export async function startPlaygroundBot(env: NodeJS.ProcessEnv = process.env): Promise<RunningBot> {
  return startBot({
    env: {
      ...env,
      PORT: env.PORT ?? '3978',
      DATA_DIR: env.DATA_DIR ?? resolve(ROOT, '.data-playground'),
      SEED: env.SEED ?? 'example',
      AS_OF: env.AS_OF ?? PLAYGROUND_AS_OF,
      LOG_LEVEL: env.LOG_LEVEL ?? 'info',
    },
  });
}

/**
 * Starts the Playground against a running bot and waits until it answers. It moves silently to
 * a random port when the asked one is busy, and a bad config exits right after "Listening on":
 * both are reported as errors, pointing at the log file that holds the reason.
 */
export async function launchPlayground(options: { botUrl: string; port: number; logFile: string; configPath?: string }): Promise<RunningPlayground> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  const child = spawn(
    process.execPath,
    [cli, '-e', `${options.botUrl}/api/messages`, '-c', 'msteams', '-p', String(options.port), '--disable-telemetry'],
    {
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath ?? PLAYGROUND_CONFIG,
        M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    const port = await listeningPort(child, options.logFile);
    if (port !== options.port) throw new Error(`Playground took port ${port}, not ${options.port}: is another Playground running?`);
    const url = `http://localhost:${port}`;
    await waitForPing(url, child, options.logFile);
    return { url, port, process: child, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function listeningPort(child: ChildProcess, logFile: string): Promise<number> {
  return new Promise((done, fail) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Listening on (\d+)/.exec(out);
      if (m) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        done(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.resume();
    child.once('exit', (code) => fail(new Error(`Playground exited (${code}) before listening; see ${logFile}`)));
  });
}

/** Ready when /_debug/ping answers "pong"; an exit in the meantime is a bad config. */
async function waitForPing(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const exited = new Promise<never>((_, fail) => child.once('exit', (code) => fail(new Error(`Playground exited (${code}); the reason is in ${logFile}`))));
  exited.catch(() => {});
  for (let attempt = 0; attempt < 100; attempt++) {
    const pong = await Promise.race([fetch(`${url}/_debug/ping`).then((r) => r.text(), () => ''), exited]);
    if (pong === 'pong') return;
    await new Promise((r) => setTimeout(r, 100)); // polling a starting process: no event to wait on
  }
  throw new Error(`Playground at ${url} did not answer /_debug/ping; see ${logFile}`);
}

async function main(): Promise<void> {
  const bot = await startPlaygroundBot();
  let playground: RunningPlayground;
  try {
    playground = await launchPlayground({
      botUrl: bot.url,
      port: Number(process.env.PLAYGROUND_PORT ?? 56150),
      logFile: resolve(ROOT, 'logs', 'playground.log'),
    });
  } catch (error) {
    await bot.stop();
    throw error;
  }
  console.log(`\nBot on ${bot.url} (AS_OF ${bot.ctx.config.AS_OF ?? 'now'}, data in ${bot.ctx.config.DATA_DIR}).`);
  console.log(`Open ${playground.url} — you are Rob Vale (Trading Standards). Ctrl-C stops both.\n`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await playground.stop();
    await bot.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  playground.process.once('exit', (code) => {
    if (!stopping) console.error(`The Playground stopped (${code}); see logs/playground.log.`);
    void shutdown();
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
