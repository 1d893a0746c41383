import type { RagThresholds } from './metrics.schemas.ts';

export type Movement = 'up' | 'down' | 'flat';
export type Judgement = 'good' | 'bad' | 'neutral';
export type GoodDirectionValue = 'UP' | 'DOWN' | 'NEITHER';

/** A % change as a board paper printed it: "+14", "-12%", "+16% (441)" (the earlier figure in brackets). */
export interface PrintedChange {
  pct: number;
  /** Decimal places printed: "+14" is 0, "+14.5%" is 1. */
  decimals: number;
  previous?: number;
}

/** The % change from `previous` to `current`; null when there is no earlier figure to compare with. */
export function percentChange(
  previous: number | null | undefined,
  current: number | null | undefined,
): number | null {
  if (
    previous === null ||
    previous === undefined ||
    current === null ||
    current === undefined ||
    previous === 0
  )
    return null;
  return ((current - previous) / previous) * 100;
}

/** Reads a printed % change; undefined when the text holds no number ("n/a", "–"). */
export function parsePrintedChange(text: string | null | undefined): PrintedChange | undefined {
  if (!text) return undefined;
  const m =
    /^\s*([+\-\u2212\u2013]?)\s*(\d+(?:\.(\d+))?)\s*%?\s*(?:\(\s*([\d,]+(?:\.\d+)?)\s*\))?\s*$/.exec(
      text,
    );
  if (!m) return undefined;
  const sign = m[1] && m[1] !== '+' ? -1 : 1;
  const printed: PrintedChange = { pct: sign * Number(m[2]), decimals: m[3]?.length ?? 0 };
  if (m[4]) printed.previous = Number(m[4].replace(/,/g, ''));
  return printed;
}

/**
 * Whether a printed % is the computed one to the printed precision, rounded to nearest or
 * truncated (both are how spreadsheets show it): "+8" for +8.6% passes, "+14" for +15.3% and
 * "+44" for +56.9% do not.
 */
export function agreesWithPrinted(printed: PrintedChange, computedPct: number): boolean {
  const scale = 10 ** printed.decimals;
  const target = Math.round(printed.pct * scale);
  const scaled = computedPct * scale;
  const epsilon = 1e-9;
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled) + epsilon);
  const truncated = Math.trunc(scaled + Math.sign(scaled) * epsilon);
  return rounded === target || truncated === target;
}

export function movementOf(change: number | null): Movement | null {
  if (change === null) return null;
  return change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
}

/** Whether the movement is good news for a metric whose good direction is given. */
export function judgementOf(movement: Movement | null, good: GoodDirectionValue): Judgement | null {
  if (movement === null) return null;
  if (movement === 'flat' || good === 'NEITHER') return 'neutral';
  return (movement === 'up') === (good === 'UP') ? 'good' : 'bad';
}

/**
 * RAG from thresholds on the % change. With green below red (falls are good) a change at or below
 * green is Green and at or above red is Red; with green above red the other way round; Amber between.
 */
export function ragFromThresholds(
  pct: number | null,
  t: RagThresholds | undefined,
): 'Green' | 'Amber' | 'Red' | null {
  if (pct === null || !t) return null;
  if (t.green <= t.red) return pct <= t.green ? 'Green' : pct >= t.red ? 'Red' : 'Amber';
  return pct >= t.green ? 'Green' : pct <= t.red ? 'Red' : 'Amber';
}

/** "+15%", "-7%", "0%": a computed change as the board prints one (whole per cent). */
export function formatPct(pct: number | null): string | null {
  if (pct === null) return null;
  const whole = Math.round(pct);
  return `${whole > 0 ? '+' : ''}${whole === 0 ? 0 : whole}%`;
}
