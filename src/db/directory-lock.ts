import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/** Another process holds the embedded database: refused rather than risk corrupting it. */
export class DatabaseLockedError extends Error {
  override name = 'DatabaseLockedError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock file for the embedded database. PGlite does not lock its directory and
 * two processes on one directory lose data, so a second process (an import while the bot runs)
 * is refused with a message that says who holds it. A lock left by a dead process is taken over.
 */
export function acquireDirectoryLock(lockPath: string, purpose: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), purpose }));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lockPath);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder && holder.host === hostname() && !alive(holder.pid)) {
        unlinkSync(lockPath);
        continue;
      }
      throw new DatabaseLockedError(
        `The embedded database is in use by another process (pid ${holder?.pid ?? '?'}, ${
          holder?.purpose ?? 'unknown'
        }). Only one process at a time may open it: stop that process first, or use a PostgreSQL server (DATABASE_URL).`,
      );
    }
  }
  throw new DatabaseLockedError('The embedded database lock could not be taken.');
}

function readHolder(lockPath: string): { pid: number; host: string; purpose: string } | undefined {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8'));
  } catch {
    return undefined;
  }
}
