// SQL statements per turn: the real bot in-process (startBot with countQueries), its background
// workers stopped so that only the turn's own statements are counted.
import { setTimeout as sleep } from 'node:timers/promises';
import { FakeConnector } from '../../tests/helpers/fake-connector.ts';
import { startBot } from '../../src/main.ts';
import type { BenchDatabase } from './bench-databases.ts';
import { target, timeTurn, TURN_KINDS, type RoundCard, type TurnKind } from './turns.ts';

export interface QueryCount {
  min: number;
  max: number;
}

/**
 * Waits until no statement has been sent for 100 ms: a turn's bookkeeping after its reply (marking
 * the message done) must be counted with that turn, however busy the machine.
 */
async function quiet(counter: { count: number }): Promise<void> {
  let last = counter.count;
  for (let still = 0, waited = 0; still < 5 && waited < 5_000; waited += 20) {
    await sleep(20);
    still = counter.count === last ? still + 1 : 0;
    last = counter.count;
  }
}

/** Statements sent by each kind of turn, over `turns` turns after one warm-up turn. */
export async function countQueries(db: BenchDatabase, env: Record<string, string>, card: RoundCard, turns = 3): Promise<Record<TurnKind, QueryCount>> {
  const bot = await startBot({ env: { ...db.env, ...env, PORT: '0', LOG_LEVEL: 'silent' }, countQueries: true });
  const connector = await new FakeConnector().start();
  try {
    await bot.scheduler.stop();
    const outbox = bot.ctx.outbox as { stop?: () => Promise<void> };
    await outbox.stop?.();
    const counter = bot.ctx.db.queries!;
    const t = { ...target('query count', bot.url, connector), card };
    const out = {} as Record<TurnKind, QueryCount>;
    for (const kind of TURN_KINDS) {
      await timeTurn(t, kind, 0);
      await quiet(counter);
      const counts: number[] = [];
      for (let i = 1; i <= turns; i++) {
        const before = counter.count;
        const ms = await timeTurn(t, kind, i);
        if (ms instanceof Error) throw ms;
        await quiet(counter);
        counts.push(counter.count - before);
      }
      out[kind] = { min: Math.min(...counts), max: Math.max(...counts) };
    }
    return out;
  } finally {
    await bot.stop();
    await connector.stop();
  }
}
