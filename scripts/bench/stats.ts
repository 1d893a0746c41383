/** Latency percentiles of one series of turns, in milliseconds. */
export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Nearest-rank percentile: the value at or below which `p` % of the samples fall. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export function summarize(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 10) / 10;
  return { n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)) };
}

export function median(samples: number[]): number {
  return percentile([...samples].sort((a, b) => a - b), 50);
}

/** a / b to two decimals; NaN when either is missing. */
export function ratio(a: number, b: number): number {
  return Math.round((a / b) * 100) / 100;
}
