import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import { launchPlayground, PLAYGROUND_AS_OF, ROOT, startPlaygroundBot } from '../../scripts/playground.ts';
import type { RunningBot } from '../../src/main.ts';
import { PlaygroundClient } from './playground-client.ts';

/** Not 56150, so a developer's `npm run playground` does not collide with the tests. */
export const E2E_PLAYGROUND_PORT = 56151;

export interface Environment {
  bot: RunningBot;
  client: PlaygroundClient;
  url: string;
  stop(): Promise<void>;
}

/**
 * The bot (on a copy of the seeded example database, AS_OF inside the example's timeline) and
 * the Playground pointed at it, with an API client connected to the Playground's push stream.
 */
export async function startEnvironment(name: string): Promise<Environment> {
  const dataDir = mkdtempSync(join(tmpdir(), `pbb-e2e-${name}-`));
  cpSync(inject('templateDataDir'), dataDir, { recursive: true });
  const bot = await startPlaygroundBot({ ...process.env, DATA_DIR: dataDir, PORT: '0', AS_OF: PLAYGROUND_AS_OF, SEED: 'example', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn' });
  try {
    const playground = await launchPlayground({ botUrl: bot.url, port: E2E_PLAYGROUND_PORT, logFile: resolve(ROOT, 'logs', `e2e-${name}-playground.log`) });
    const client = await new PlaygroundClient(playground.url).connect();
    return {
      bot,
      client,
      url: playground.url,
      stop: async () => {
        client.close();
        await playground.stop();
        await bot.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await bot.stop();
    throw error;
  }
}
