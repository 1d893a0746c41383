import type { TurnContext } from 'botbuilder';

const EARLY_READS = Symbol('earlyReads');

const readsOf = (context: TurnContext) => context.turnState.get(EARLY_READS) as Map<symbol, Promise<unknown>> | undefined;

/**
 * A read a turn will need, started before the turn runs: while the activity's key is being
 * claimed, so the two travel side by side instead of one after the other. Only reads: a delivery
 * dropped as a duplicate simply never takes its result.
 */
export function startEarlyRead<T>(context: TurnContext, key: symbol, read: () => Promise<T>): void {
  let reads = readsOf(context);
  if (!reads) context.turnState.set(EARLY_READS, (reads = new Map()));
  if (reads.has(key)) return;
  const pending = read();
  // A dropped delivery never awaits it: its failure must not become an unhandled rejection.
  pending.catch(() => {});
  reads.set(key, pending);
}

/**
 * The early read's result if one was started (taken once: a second asker, perhaps after a write,
 * reads afresh), else the read itself now.
 */
export function takeEarlyRead<T>(context: TurnContext, key: symbol, read: () => Promise<T>): Promise<T> {
  const reads = readsOf(context);
  const pending = reads?.get(key) as Promise<T> | undefined;
  if (!pending) return read();
  reads!.delete(key);
  return pending;
}

/** Drops every early read (the turn was held up long enough for them to be out of date). */
export function forgetEarlyReads(context: TurnContext): void {
  readsOf(context)?.clear();
}
