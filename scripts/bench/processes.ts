import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { MEMORY_MARKER } from './child-memory.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CHILD_MEMORY = pathToFileURL(resolve(import.meta.dirname, 'child-memory.ts')).href;
/** Settings of the harness's own environment that must not leak into a child's. */
const BOT_SETTINGS = /^(PORT|DATABASE_URL|DATA_DIR|SEED|AS_OF|LOG_LEVEL|NODE_ENV|Microsoft.*|ALLOWED_.*|TEAMS_RATE_.*)$/;

/**
 * Node's own flags from `npm start` (e.g. the heap cap), so that every child runs as the bot runs
 * in production: the floor gets the same, to compare like with like.
 */
export const NODE_FLAGS: string[] = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(/\s+/)
  .filter((arg) => /^--(?!import\b)[a-z-]+(=\S+)?$/.test(arg));

/** A bot (or the floor) running as its own process, as it would in production. */
export interface Child {
  name: string;
  pid: number;
  url: string;
  /** Milliseconds from spawn to the first 200 from its readiness route. */
  readyMs: number;
  /** Resident set size now, from /proc/<pid>/status, in MiB. */
  rssMiB(): number;
  /** Resident set size and live heap after a full garbage collection in the child, in MiB. */
  memoryAfterCollection(): Promise<MemoryAfterCollection>;
  stop(): Promise<void>;
}

/** A port nobody is listening on, from the OS (the child binds it a moment later). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

export interface MemoryAfterCollection {
  rssMiB: number;
  heapUsedMiB: number;
}

/** Starts `script` with node + tsx (and child-memory.ts) and waits until GET /readyz answers 200. */
export async function spawnChild(name: string, script: string, env: Record<string, string>, extraArgs: string[] = []): Promise<Child> {
  const port = await freePort();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !BOT_SETTINGS.test(k)));
  const started = performance.now();
  const proc = spawn(process.execPath, [...NODE_FLAGS, '--expose-gc', ...extraArgs, '--import', 'tsx', '--import', CHILD_MEMORY, script], {
    cwd: ROOT,
    env: { ...clean, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000));
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const readyMs = (await waitReady(proc, `${url}/readyz`, () => tail)) - started;
  return { name, pid: proc.pid!, url, readyMs, rssMiB: () => rssMiB(proc.pid!), memoryAfterCollection: () => memoryAfterCollection(proc), stop: () => stopChild(proc) };
}

/** Asks the child (SIGUSR2, see child-memory.ts) to collect its garbage and report its memory. */
function memoryAfterCollection(proc: ChildProcess): Promise<MemoryAfterCollection> {
  const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  return new Promise((done, fail) => {
    let pending = '';
    const finish = () => {
      clearTimeout(timer);
      proc.stdout!.off('data', onData);
    };
    const onData = (chunk: Buffer) => {
      pending += chunk.toString();
      const line = pending.split('\n').find((l) => l.startsWith(MEMORY_MARKER));
      if (!line) return;
      finish();
      const { rss, heapUsed } = JSON.parse(line.slice(MEMORY_MARKER.length)) as { rss: number; heapUsed: number };
      done({ rssMiB: mib(rss), heapUsedMiB: mib(heapUsed) });
    };
    const timer = setTimeout(() => {
      finish();
      fail(new Error('the child did not report its memory within 30 s'));
    }, 30_000);
    proc.stdout!.on('data', onData);
    proc.kill('SIGUSR2');
  });
}

async function waitReady(proc: ChildProcess, url: string, tail: () => string): Promise<number> {
  const deadline = performance.now() + 300_000;
  while (performance.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`child exited (${proc.exitCode}) before it was ready:\n${tail()}`);
    const ok = await fetch(url).then((r) => r.status === 200, () => false);
    if (ok) return performance.now();
    await sleep(10);
  }
  proc.kill('SIGKILL');
  throw new Error(`child not ready within 300 s:\n${tail()}`);
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

async function stopChild(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise<void>((done) => proc.once('exit', () => done()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}
