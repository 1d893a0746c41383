/** A printed change ("+14", "-12%", "+16% (441)") read as a percentage; undefined when it is not one. */
export function parsePublishedChange(
  printed: string | null | undefined,
): { percent: number; decimals: number } | undefined {
  if (!printed) return undefined;
  const m = /^\s*([+\-−–]?)\s*(\d+(?:\.(\d+))?)\s*%?/.exec(printed);
  if (!m) return undefined;
  const value = Number(m[2]);
  return { percent: m[1] && m[1] !== '+' ? -value : value, decimals: m[3]?.length ?? 0 };
}

/** The change between two figures, as a number and a percentage of the earlier one. */
export function changeBetween(
  previous: number,
  latest: number,
): { absolute: number; percent: number } | undefined {
  if (previous === 0) return undefined;
  return { absolute: latest - previous, percent: ((latest - previous) / previous) * 100 };
}

/**
 * Whether a printed % change disagrees with its own figures. A whole number may have been rounded
 * or cut short, so it agrees within one point (+8 for +8.6%); "+14" for +15.3% and "+44" for +56.9%
 * disagree. A printed decimal agrees within its last digit.
 */
export function disagrees(
  printed: { percent: number; decimals: number },
  computedPercent: number,
): boolean {
  const tolerance = printed.decimals > 0 ? 10 ** -printed.decimals : 1;
  return Math.abs(computedPercent - printed.percent) > tolerance + 1e-9;
}

/** Period kinds a year long: their previous figure is the one ending twelve months earlier. */
export const YEAR_KINDS = new Set(['ROLLING_YEAR', 'FINANCIAL_YEAR', 'CALENDAR_YEAR']);

/** Months since year 0, to compare period ends by month. */
export function monthIndex(d: Date): number {
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}
