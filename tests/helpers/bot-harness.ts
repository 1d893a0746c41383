import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Backend } from '../../src/db/database.ts';
import { startBot, type RunningBot } from '../../src/main.ts';
import { FixedClock } from '../../src/time/clock.ts';
import type { ActivityOptions } from './activities.ts';
import { databaseEnv, type DatabaseEnv } from './databases.ts';
import { FakeConnector } from './fake-connector.ts';

export interface TestBot {
  bot: RunningBot;
  connector: FakeConnector;
  clock: FixedClock;
  /**
   * Posts an activity to /api/messages; returns the HTTP status, body and what the connector
   * received while it ran, from any turn: posts run concurrently each see the other's replies.
   */
  post(activity: Record<string, any>, headers?: Record<string, string>): Promise<{ status: number; body: any; sent: Array<Record<string, any>> }>;
  options(from: ActivityOptions['from'], extra?: Partial<ActivityOptions>): ActivityOptions;
  stop(): Promise<void>;
  /** Stops the bot (not the database or connector) and starts a new one on the same database: a restart. */
  restart(): Promise<void>;
}

/**
 * Starts the real bot in-process (real settings parsing, database, migrations, adapter, HTTP) on
 * a fresh database, with a fake Bot Connector on loopback receiving everything it sends.
 */
export async function startTestBot(
  backend: Backend,
  settings: { seed?: 'example' | 'none'; asOf?: string; env?: Record<string, string>; credentials?: ServiceClientCredentialsFactory } = {},
): Promise<TestBot> {
  const target: DatabaseEnv = await databaseEnv(backend);
  const connector = await new FakeConnector().start();
  const clock = new FixedClock(settings.asOf ?? '2022-10-20T09:00:00Z');
  const boot = () => startBot({
    env: {
      ...target.env,
      PORT: '0',
      SEED: settings.seed ?? 'example',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      NODE_ENV: 'test',
      ...settings.env,
    },
    clock,
    credentials: settings.credentials,
  });
  let bot = await boot();
  return {
    get bot() {
      return bot;
    },
    connector,
    clock,
    options: (from, extra = {}) => ({ serviceUrl: connector.url, from, ...extra }),
    post: async (activity, headers = {}) => {
      const since = connector.calls.length;
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body, sent: connector.sentActivities(since) };
    },
    stop: async () => {
      await bot.stop();
      await connector.stop();
      await target.dispose();
    },
    restart: async () => {
      await bot.stop();
      bot = await boot();
    },
  };
}
