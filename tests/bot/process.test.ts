import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** `npm start` as a user runs it: node with tsx, the real src/index.ts, settings from the environment. */
function startProcess(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, output: () => output, exited };
}

async function waitFor<T>(probe: () => T | undefined, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the bot process', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'pbb-process-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts, serves, and on SIGTERM closes the database and exits 0', async () => {
    const p = startProcess({ PORT: '0', DATA_DIR: dataDir, SEED: 'none' });
    const url = await waitFor(() => /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(p.output())?.[1]);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(existsSync(join(dataDir, 'bot.lock'))).toBe(true);

    // A second process on the same embedded database is refused with a message that says why.
    const second = startProcess({ PORT: '0', DATA_DIR: dataDir, SEED: 'none' });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/embedded database is in use by another process/);

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output()).toContain('"event":"shutdown.done"');
    expect(existsSync(join(dataDir, 'bot.lock'))).toBe(false);
  });

  it('stops at start-up on a bad setting with one message naming it', async () => {
    const p = startProcess({ PORT: 'eighty', DATA_DIR: dataDir });
    expect(await p.exited).toBe(1);
    expect(p.output().trim()).toBe('Invalid settings: PORT must be an integer port between 0 and 65535 (got "eighty")');
  });
});
