import { describe, expect, it } from 'vitest';
import { LIMIT_HEADROOM, RateLimiter, type Pace } from '../../../src/features/delivery/rate-limiter.ts';

/** A pace whose time moves only when someone sleeps: sends are stamped with when they may leave. */
function fakePace(): Pace & { t: number } {
  const pace = { t: 0, now: () => pace.t, sleep: async (ms: number) => void (pace.t = Math.max(pace.t, pace.t + ms)) };
  return pace;
}

/** Most requests in any window of `ms` (Teams counts one second). */
function peakIn(times: number[], ms = 1000): number {
  return Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));
}

/** The window the limiter books for a whole-number limit: a second, widened by the headroom. */
const WINDOW = 1000 / LIMIT_HEADROOM;

describe('RateLimiter (Teams limits as settings)', () => {
  it('keeps one conversation at 7 messages a second, a little under to absorb jitter', async () => {
    const pace = fakePace();
    const limiter = new RateLimiter({ perConversation: 7, perTenant: 50 }, pace);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      await limiter.acquire('a:ken', 'tenant');
      times.push(pace.t);
    }
    expect(peakIn(times)).toBeLessThanOrEqual(7);
    // 30 messages at 7 a window take four windows (7 + 7 + 7 + 7 + 2), not thirty.
    expect(times.at(-1)!).toBeCloseTo(4 * WINDOW, 6);
  });

  it('keeps the tenant at 50 requests a second across conversations, and does not slow a quiet one', async () => {
    const pace = fakePace();
    const limiter = new RateLimiter({ perConversation: 7, perTenant: 50 }, pace);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      await limiter.acquire(`a:person-${i}`, 'tenant');
      times.push(pace.t);
    }
    expect(peakIn(times)).toBeLessThanOrEqual(50);
    expect(times.at(-1)!).toBeCloseTo(3 * WINDOW, 6);
    const other = new RateLimiter({ perConversation: 7, perTenant: 50 }, fakePace());
    expect(await other.acquire('a:one', 'another-tenant')).toBe(0);
  });

  it('leaves room for sends that arrive late: 50 ms of jitter never puts 51 in one of Teams\' seconds', async () => {
    const pace = fakePace();
    const limiter = new RateLimiter({ perConversation: 7, perTenant: 50 }, pace);
    const arrivals: number[] = [];
    for (let i = 0; i < 500; i++) {
      await limiter.acquire(`a:person-${i}`, 'tenant');
      // Every other second's sends are held up for 50 ms between leaving and reaching Teams.
      arrivals.push(pace.t + (Math.floor(i / 50) % 2 === 0 ? 50 : 0));
    }
    expect(peakIn(arrivals)).toBeLessThanOrEqual(50);
    // Still within 5% of the limit: 500 requests in under 10.6 s.
    expect(500 / (arrivals.at(-1)! / 1000 + 1)).toBeGreaterThanOrEqual(0.9 * 50);
  });

  it('books exactly at the limit when told to leave no headroom', async () => {
    const pace = fakePace();
    const limiter = new RateLimiter({ perConversation: 7, perTenant: 50 }, pace, 1);
    for (let i = 0; i < 30; i++) await limiter.acquire('a:ken', 'tenant');
    expect(pace.t).toBe(4000);
  });

  it('books slots in order when many senders ask at once', async () => {
    // Everyone asks at the same instant; nobody's wait has passed yet.
    const limiter = new RateLimiter({ perConversation: 2, perTenant: 50 }, { now: () => 0, sleep: async () => {} });
    const waits = await Promise.all([1, 2, 3, 4].map(() => limiter.acquire('a:x', 't')));
    expect(waits.map(Math.round)).toEqual([0, 0, Math.round(WINDOW), Math.round(WINDOW)]);
  });
});
