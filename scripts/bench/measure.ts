import type { Percentiles } from './stats.ts';
import { summarize } from './stats.ts';
import { timeTurn, TURN_KINDS, type Target, type TurnKind } from './turns.ts';

export type Series = Record<TurnKind, Percentiles & { errors: number; firstError?: string }>;

/**
 * Times `turns` turns of each kind on every target, interleaved (turn i of a kind goes to each
 * target in turn before turn i + 1), so that a burst of load from elsewhere on the machine falls
 * on every target alike and the ratios between them stay fair.
 */
export async function measureInterleaved(targets: Target[], turns: number, warmup: number, progress: (done: number) => void): Promise<Map<string, Series>> {
  for (let i = 0; i < warmup; i++) for (const kind of TURN_KINDS) for (const t of targets) await timeTurn(t, kind, i);
  const samples = new Map(targets.map((t) => [t.name, new Map<TurnKind, number[]>(TURN_KINDS.map((k) => [k, []]))]));
  const errors = new Map(targets.map((t) => [t.name, new Map<TurnKind, string[]>(TURN_KINDS.map((k) => [k, []]))]));
  for (let i = 0; i < turns; i++) {
    for (const kind of TURN_KINDS) {
      for (const t of targets) {
        const ms = await timeTurn(t, kind, i + warmup);
        if (ms instanceof Error) errors.get(t.name)!.get(kind)!.push(ms.message);
        else samples.get(t.name)!.get(kind)!.push(ms);
      }
    }
    progress(i + 1);
  }
  return new Map(
    targets.map((t) => {
      const series = Object.fromEntries(
        TURN_KINDS.map((kind) => {
          const failed = errors.get(t.name)!.get(kind)!;
          return [kind, { ...summarize(samples.get(t.name)!.get(kind)!), errors: failed.length, ...(failed[0] ? { firstError: failed[0] } : {}) }];
        }),
      ) as Series;
      return [t.name, series];
    }),
  );
}
