/** Every rule asks this for "now"; nothing else reads the system clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * `AS_OF` demos and tests: time starts at the given instant and moves on at the real pace, so
 * schedules still fall due while the 2022 example runs.
 */
export function clockFrom(asOf: string | undefined, base: Clock = systemClock): Clock {
  if (!asOf) return base;
  const start = new Date(asOf).getTime();
  const realStart = base.now().getTime();
  return { now: () => new Date(start + (base.now().getTime() - realStart)) };
}

/** A clock that stands still until told to move: for tests. */
export class FixedClock implements Clock {
  private current: number;
  constructor(at: string | Date) {
    this.current = new Date(at).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: string | Date): void {
    this.current = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
