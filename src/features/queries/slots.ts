import type { PeriodRef } from './intent.ts';

/** A part of the question read by pattern (a period, a reference), with where it stood. */
export interface Slot<T> {
  value: T;
  from: number;
  to: number;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};

function toNumber(word: string): number | undefined {
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word.toLowerCase()];
}

/** "2022/23", "2022-2023", "22/23" → 2022. */
function fiscalYearOf(start: string | undefined, end: string | undefined): number | undefined {
  if (!start) return undefined;
  const first = start.length === 2 ? 2000 + Number(start) : Number(start);
  const second = end ? (end.length === 2 ? Number(end) : Number(end) % 100) : undefined;
  if (second !== undefined && (first + 1) % 100 !== second) return undefined;
  return first;
}

const Q = String.raw`(?:q|quarter\s*|qtr\s*)([1-4]|one|two|three|four)`;
const ORDINAL_Q = String.raw`(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter`;
const FY = String.raw`(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})`;
const PERIOD_PATTERNS: Array<{ re: RegExp; q: number; fy: number }> = [
  { re: new RegExp(String.raw`\b${FY}\s*(?:,\s*)?${Q}\b`, 'i'), q: 3, fy: 1 },
  { re: new RegExp(String.raw`\b${Q}\b(?:\s*(?:of\s*|,\s*|in\s*)?${FY})?`, 'i'), q: 1, fy: 2 },
  {
    re: new RegExp(String.raw`\b(?:the\s+)?${ORDINAL_Q}\b(?:\s*(?:of\s*|,\s*|in\s*)?${FY})?`, 'i'),
    q: 1,
    fy: 2,
  },
];

/**
 * The quarter a question names, if any. Without a year it is the latest quarter of that number
 * that has data (Q2 → Q2 2022/23 when that is the newest Q2).
 */
export function extractPeriod(text: string, known: PeriodRef[]): Slot<PeriodRef> | undefined {
  for (const { re, q, fy } of PERIOD_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const quarter = toNumber(m[q]!) as PeriodRef['quarter'];
    const fiscalYear = fiscalYearOf(m[fy], m[fy + 1]) ?? latestYearWith(quarter, known);
    if (fiscalYear === undefined) continue;
    return { value: { fiscalYear, quarter }, from: m.index, to: m.index + m[0].length };
  }
  return undefined;
}

function latestYearWith(quarter: number, known: PeriodRef[]): number | undefined {
  const years = known.filter((p) => p.quarter === quarter).map((p) => p.fiscalYear);
  if (years.length > 0) return Math.max(...years);
  const any = known.map((p) => p.fiscalYear);
  return any.length > 0 ? Math.max(...any) : undefined;
}

/** Commitment or section references: "2.3.1", "2.3". */
export function extractRefs(text: string): Array<Slot<string>> {
  return [...text.matchAll(/(?<![\d.£$])(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?(?![\d.]*\d)/g)].map(
    (m) => ({
      value: m[3]
        ? `${Number(m[1])}.${Number(m[2])}.${Number(m[3])}`
        : `${Number(m[1])}.${Number(m[2])}`,
      from: m.index,
      to: m.index + m[0].length,
    }),
  );
}

/** "priority 2", "priority two", "p2", "priority #4". */
export function extractPriorityNumber(text: string): Slot<number> | undefined {
  const m =
    /\b(?:priority|prio|p)\s*(?:no\.?\s*|number\s*|#\s*)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b/i.exec(
      text,
    );
  if (!m) return undefined;
  const n = toNumber(m[1]!);
  return n === undefined ? undefined : { value: n, from: m.index, to: m.index + m[0].length };
}
