import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PLAYGROUND_AS_OF, startPlaygroundBot } from '../../scripts/playground.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An embedded database with migrations and the example loaded: each file starts from a copy. */
    templateDataDir: string;
  }
}

/** Migrates and seeds one embedded database for the whole run (the slow part of a start). */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'pbb-e2e-template-'));
  const bot = await startPlaygroundBot({ DATA_DIR: dir, PORT: '0', AS_OF: PLAYGROUND_AS_OF, LOG_LEVEL: 'warn', SEED: 'example' });
  await bot.stop();
  project.provide('templateDataDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
