import { DateTime } from 'luxon';
import { nextOccurrence, quarterBounds, quarterOf, type Quarter } from '../../time/financial-year.ts';

/** What an officer or partner asked of rounds, in words. */
export type RoundCommand =
  | { kind: 'open'; quarter?: { number: Quarter['quarter']; fiscalYear?: number }; priorities: number[]; due?: string }
  | { kind: 'extend'; due?: string }
  | { kind: 'close' }
  | { kind: 'status' }
  | { kind: 'owed' }
  | { kind: 'update'; ref: string; rag?: string; narrative: string }
  | { kind: 'delegate'; to: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "12 January", "12 Jan 2023", "January 12", "2023-01-12", "12/01/2023"; without a year, the next one. */
export function parseDueDate(text: string, now: Date): string | undefined {
  const t = text.trim().toLowerCase().replace(/(\d)(st|nd|rd|th)\b/, '$1');
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return DateTime.fromISO(t).isValid ? t : undefined;
  const parts = dateParts(t);
  if (!parts) return undefined;
  const { day, month, year } = parts;
  if (year === undefined) return nextOccurrence(month, day, now);
  const dt = DateTime.fromObject({ year, month, day });
  return dt.isValid ? dt.toISODate()! : undefined;
}

function dateParts(t: string): { day: number; month: number; year?: number } | undefined {
  const uk = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(t);
  if (uk) return { day: Number(uk[1]), month: Number(uk[2]), year: uk[3] ? Number(uk[3]) : undefined };
  const dm = /^(\d{1,2}) ([a-z]+)(?: (\d{4}))?$/.exec(t);
  const md = /^([a-z]+) (\d{1,2})(?: (\d{4}))?$/.exec(t);
  const [day, name, year] = dm ? [dm[1], dm[2], dm[3]] : md ? [md[2], md[1], md[3]] : [];
  const month = MONTHS.indexOf((name ?? '').slice(0, 3)) + 1;
  if (!day || month === 0) return undefined;
  return { day: Number(day), month, year: year ? Number(year) : undefined };
}

/** A quarter named without its year is the latest such quarter that has started. */
export function resolveQuarter(q: { number: Quarter['quarter']; fiscalYear?: number } | undefined, now: Date, fyStartMonth = 4): Quarter {
  const current = quarterOf(now, fyStartMonth);
  if (!q) return current;
  if (q.fiscalYear !== undefined) return { fiscalYear: q.fiscalYear, quarter: q.number };
  const sameYear = { fiscalYear: current.fiscalYear, quarter: q.number };
  const started = new Date(quarterBounds(sameYear, fyStartMonth).startsOn) <= now;
  return started ? sameYear : { fiscalYear: current.fiscalYear - 1, quarter: q.number };
}

function priorities(text: string | undefined): number[] {
  if (!text) return [];
  return [...new Set((text.match(/\d+/g) ?? []).map(Number))].sort((a, b) => a - b);
}

/** Reads a rounds command; undefined when the text is not one. */
export function parseRoundCommand(raw: string, now: Date): RoundCommand | undefined {
  const text = raw.trim().replace(/\s+/g, ' ');
  const open = /^open (?:the |a )?(?:(q[1-4])(?: (\d{4})\/\d{2})? )?(?:reporting )?round(?: for (?:all priorities|priorit(?:y|ies) ([\d ,&and]+)))?(?:,? (?:due|by) (.+?))?\.?$/i.exec(text);
  if (open) {
    const due = open[4] ? parseDueDate(open[4], now) : undefined;
    return {
      kind: 'open',
      quarter: open[1] ? { number: Number(open[1][1]) as Quarter['quarter'], fiscalYear: open[2] ? Number(open[2]) : undefined } : undefined,
      priorities: priorities(open[3]),
      due: due ?? (open[4] ? 'invalid' : undefined),
    };
  }
  const extend = /^extend (?:the )?(?:q[1-4] )?round (?:to|until|till) (.+?)\.?$/i.exec(text);
  if (extend) return { kind: 'extend', due: parseDueDate(extend[1]!, now) };
  if (/^close (?:the )?(?:q[1-4] )?(?:reporting )?round\.?$/i.test(text)) return { kind: 'close' };
  if (/^(?:what(?:'s| is) the )?round status\??$|^how is the round going\??$/i.test(text)) return { kind: 'status' };
  if (/^what do i (?:still )?owe\??$|^what(?:'s| is) outstanding for me\??$|^my updates\??$/i.test(text)) return { kind: 'owed' };
  const update = /^update (\d+\.\d+\.\d+(?:\.\d+)?)\s*[:,-]\s*(?:([a-z][a-z ]*?)\s*[,:;-]\s+)?(.+)$/i.exec(text);
  if (update) return { kind: 'update', ref: update[1]!, rag: update[2]?.trim(), narrative: update[3]!.trim() };
  const delegate = /^delegate (?:my )?updates to (.+?)(?: for (?:this|the) round)?\.?$/i.exec(text);
  if (delegate) return { kind: 'delegate', to: delegate[1]!.trim() };
  return undefined;
}
