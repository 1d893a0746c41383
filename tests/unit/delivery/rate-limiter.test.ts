import { describe, expect, it } from 'vitest';
import { RateLimiter, type Pace } from '../../../src/features/delivery/rate-limiter.ts';

/** A pace whose time moves only when someone sleeps: sends are stamped with when they may leave. */
function fakePace(): Pace & { t: number } {
  const pace = { t: 0, now: () => pace.t, sleep: async (ms: number) => void (pace.t = Math.max(pace.t, pace.t + ms)) };
  return pace;
}

/** Most requests in any one-second window. */
function peakPerSecond(times: number[]): number {
  return Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
}

describe('RateLimiter (Teams limits as settings)', () => {
  it('keeps one conversation at 7 messages a second', async () => {
    const pace = fakePace();
    const limiter = new RateLimiter({ perConversation: 7, perTenant: 50 }, pace);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      await limiter.acquire('a:ken', 'tenant');
      times.push(pace.t);
    }
    expect(peakPerSecond(times)).toBeLessThanOrEqual(7);
    // 30 messages at 7 a second take four seconds (7 + 7 + 7 + 7 + 2), not thirty.
    expect(times.at(-1)!).toBe(4000);
  });

  it('keeps the tenant at 50 requests a second across conversations, and does not slow a quiet one', async () => {
    const pace = fakePace();
    const limiter = new RateLimiter({ perConversation: 7, perTenant: 50 }, pace);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      await limiter.acquire(`a:person-${i}`, 'tenant');
      times.push(pace.t);
    }
    expect(peakPerSecond(times)).toBeLessThanOrEqual(50);
    expect(times.at(-1)!).toBeLessThan(4000);
    const other = new RateLimiter({ perConversation: 7, perTenant: 50 }, fakePace());
    expect(await other.acquire('a:one', 'another-tenant')).toBe(0);
  });

  it('books slots in order when many senders ask at once', async () => {
    // Everyone asks at the same instant; nobody's wait has passed yet.
    const limiter = new RateLimiter({ perConversation: 2, perTenant: 50 }, { now: () => 0, sleep: async () => {} });
    const waits = await Promise.all([1, 2, 3, 4].map(() => limiter.acquire('a:x', 't')));
    expect(waits).toEqual([0, 0, 1000, 1000]);
  });
});
