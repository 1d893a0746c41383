import { DateTime } from 'luxon';
import { LONDON, quarterLabel } from '../../time/financial-year.ts';
import { zonedLongDate } from '../../time/zoned-format.ts';
import { STATUS_ORDER, STATUS_WORDS, type RagRow, type StatusCount } from './answers.ts';
import type { PeriodRef } from './intent.ts';

/** "Q2 2022/23" from a stored period. */
export function periodLabel(p: { fiscalYear: number; quarter: number }): string {
  return quarterLabel({ fiscalYear: p.fiscalYear, quarter: p.quarter as PeriodRef['quarter'] });
}

/** Orders periods oldest first. */
export function periodKey(p: { fiscalYear: number; quarter: number }): number {
  return p.fiscalYear * 10 + p.quarter;
}

/** "20 October 2022". */
export function formatDate(at: Date, zone = LONDON): string {
  return zonedLongDate(at, zone);
}

/** "Thursday 27 October 2022 at 10:30". */
export function formatDateTime(at: Date, zone = LONDON): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("cccc d MMMM yyyy 'at' HH:mm");
}

// One formatter for the process: toLocaleString with options builds a new one on every call.
const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** "24,594"; decimals only where the figure has them. */
export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

/** "+57.0%" / "−12.1%": signed, one decimal place. */
export function formatPercent(p: number): string {
  const sign = p > 0 ? '+' : p < 0 ? '−' : '±';
  return `${sign}${Math.abs(p).toFixed(1)}%`;
}

export function signed(n: number): string {
  return n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(Math.abs(n))}` : '±0';
}

/** "12 Achieved, 1 Amber": every status with its word, in the partnership's order. */
export function countsText(counts: StatusCount[]): string {
  return counts.map((c) => `${c.count} ${STATUS_WORDS[c.status]}`).join(', ') || 'nothing rated';
}

export function countStatuses(rows: Array<{ status: RagRow['status'] }>): StatusCount[] {
  return STATUS_ORDER.map((status) => ({
    status,
    count: rows.filter((r) => r.status === status).length,
  })).filter((c) => c.count > 0);
}

/** The RAG as shown: its word, the words as written where they differ, and a split called a split. */
export function ragWordText(row: Pick<RagRow, 'status' | 'written'>): string {
  const word = STATUS_WORDS[row.status];
  if (row.written.length > 1)
    return `${word} (split: ${row.written.map((w) => `"${w}"`).join(' and ')})`;
  const [only] = row.written;
  return only && only.toLowerCase() !== word.toLowerCase() ? `${word} ("${only}")` : word;
}

/** "Amber as at Q2 2022/23, reported by Community Safety". */
export function provenanceText(row: RagRow): string {
  if (row.status === 'NOT_REPORTED' && !row.period) return 'Not reported: no RAG recorded yet';
  const by = row.reporters.length > 0 ? `, reported by ${listText(row.reporters)}` : '';
  return `${ragWordText(row)} as at ${row.period}${by}`;
}

/** "1 commitment", "2 commitments". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "A, B and C". */
export function listText(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Natural order of references: 1.2 before 1.10, 1.4.1 before 1.4.1.1. */
export function compareRefs(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Cuts long text at a word boundary, saying so. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}
