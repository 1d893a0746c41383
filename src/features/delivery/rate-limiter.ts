import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import type { RateLimits } from './delivery.schemas.ts';

/** Elapsed real time: rate limits are about how fast requests leave, not the bot's (AS_OF) date. */
export interface Pace {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realPace: Pace = { now: () => performance.now(), sleep: (ms) => sleep(ms).then(() => undefined) };

/**
 * The share of Teams' limits the limiter books. Teams counts requests as they arrive, the limiter
 * as they leave: a busy event loop or a slow socket delays one send and not the next, so booking
 * exactly 50 in a second lets a 51st land inside Teams' second, and its 429 pauses every worker
 * for a second or more (the fan-out benchmark lost most of its time that way). At 0.95 each
 * window is 1,053 ms instead of 1,000, which absorbs about 50 ms of such jitter for 5% of the rate.
 */
export const LIMIT_HEADROOM = 0.95;

/**
 * Paces sends under Teams' limits, which count requests in any one-second window: per key, the
 * next request may leave once the one `n` places back is a window old. Slots are booked before
 * waiting, so concurrent senders queue in order instead of all waking at once. One process's
 * view: several instances each keep their own, and a 429 from Teams (the shared "throttled
 * until") covers what they add up to.
 */
export class RateLimiter {
  private readonly booked = new Map<string, number[]>();

  constructor(
    private readonly limits: RateLimits,
    private readonly pace: Pace = realPace,
    private readonly headroom: number = LIMIT_HEADROOM,
  ) {}

  /** Waits until one more request may go to this conversation in this tenant; returns the wait. */
  async acquire(conversationId: string, tenantId: string | undefined): Promise<number> {
    // One after the other: the tenant's slot is booked only once the conversation's has come, so
    // the request leaves at the tenant slot itself and the tenant's count holds exactly.
    const waitConversation = this.reserve(`c:${conversationId}`, this.limits.perConversation);
    if (waitConversation > 0) await this.pace.sleep(waitConversation);
    const waitTenant = this.reserve(`t:${tenantId ?? '-'}`, this.limits.perTenant);
    if (waitTenant > 0) await this.pace.sleep(waitTenant);
    return waitConversation + waitTenant;
  }

  /** Books the earliest slot that keeps at most `n` requests in any window under one key. */
  private reserve(key: string, perSecond: number): number {
    const n = Math.max(1, Math.floor(perSecond));
    const window = (1000 * n) / (perSecond * this.headroom);
    const now = this.pace.now();
    const times = this.booked.get(key) ?? [];
    const slot = times.length >= n ? Math.max(now, times[times.length - n]! + window) : now;
    times.push(slot);
    if (times.length > n) times.splice(0, times.length - n);
    this.booked.set(key, times);
    if (this.booked.size > 10_000) this.forgetIdle(now, window);
    return slot - now;
  }

  private forgetIdle(now: number, window: number): void {
    for (const [key, times] of this.booked) if (times.at(-1)! + window < now) this.booked.delete(key);
  }
}
