import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The real bot as its own process (`node --import tsx src/index.ts`), killable with SIGKILL. */
export interface ChildBot {
  url: string;
  process: ChildProcess;
  /** kill -9: no shutdown hook runs, transactions in flight are lost mid-way. */
  kill(): Promise<void>;
}

/**
 * Starts the bot as `npm start` does and waits for it to listen (it logs its address). PORT=0
 * picks a free port; the log is JSON on stdout at info level, so the address can be read.
 */
export async function spawnBot(env: Record<string, string>): Promise<ChildBot> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start within 90 s:\n${output.slice(-2000)}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /"event":"startup\.listening"[^\n]*"url":"([^"]+)"/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited (${code}) before listening:\n${output.slice(-2000)}`));
    });
  });
  child.stdout!.resume();
  return {
    url,
    process: child,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Posts an activity to the child's /api/messages; returns the status and JSON body. */
export async function post(url: string, activity: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Polls until the check passes or the time is up (then fails with the last value). */
export async function waitFor<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms = 60_000, everyMs = 200): Promise<T> {
  const until = Date.now() + ms;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, everyMs));
    value = await read();
  }
  return value;
}
