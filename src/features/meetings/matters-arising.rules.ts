import { DateTime } from 'luxon';
import { LONDON } from '../../time/financial-year.ts';

/** One row of the Matters Arising report, in the clerk's shape. */
export interface MattersArisingRow {
  minute: number;
  seq: number;
  /** "Minute 26", "17", "th", "August 2022": the parts, so Word can set the ordinal raised. */
  label: { minute: string; day: string; ordinal: string; monthYear: string };
  /** As the seeds print the first column: "Minute 26 17 th August 2022" (the ordinal spaced off). */
  labelText: string;
  mattersArising: string;
  update: string;
  status: string;
}

/** The report's column headings as the clerk's report (CSD 22116, Appendix A) prints them. */
export const COLUMNS = ['Minute Number/Title', 'Matters Arising', 'Update'] as const;

export function ordinal(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ?? 'th';
}

/** "Minute 26" and the meeting's date with its ordinal, as the report's first column. */
export function minuteLabel(minute: number, meetingStartsAt: Date): Pick<MattersArisingRow, 'label' | 'labelText'> {
  const d = DateTime.fromJSDate(meetingStartsAt, { zone: LONDON }).setLocale('en-GB');
  const label = { minute: `Minute ${minute}`, day: String(d.day), ordinal: ordinal(d.day), monthYear: d.toFormat('LLLL yyyy') };
  return { label, labelText: `${label.minute} ${label.day} ${label.ordinal} ${label.monthYear}` };
}

/** The minute's paragraphs, without its RESOLVED line (the report quotes the discussion, not the decision). */
export function paragraphs(minuteText: string): string[] {
  return minuteText
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p && !/^RESOLVED\b/.test(p));
}

/**
 * A paragraph that opens impersonally ("It was agreed that…") or refers back ("This…", "These…")
 * does not say who asked for what on its own.
 */
function standsAlone(paragraph: string): boolean {
  return !/^(?:It|This|These|That|They|Those)\b/.test(paragraph);
}

/**
 * The "Matters Arising" wording for an action: the minute's paragraph that holds the action; when
 * that paragraph does not stand alone, the minute's discussion from its start up to it, joined
 * as one passage. This is how the clerk wrote Appendix A for 27 October 2022: minute 26 quotes
 * the Chairman's request alone, minute 30 the discussion leading to "It was agreed that…".
 * Without minute text, the action's own words.
 */
export function mattersArisingText(minuteText: string, actionText: string): string {
  const paras = paragraphs(minuteText);
  const wanted = actionText.replace(/\s+/g, ' ').trim();
  const at = paras.findIndex((p) => p.includes(wanted) || (wanted.includes(p) && p.length > 20));
  if (at < 0) return wanted;
  const own = paras[at]!;
  return standsAlone(own) ? own : paras.slice(0, at + 1).join(' ');
}

/** Markdown cell text: one line, no pipes breaking the table. */
export function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

/** The report as a Markdown table, ready for the agenda pack or a Teams message. */
export function mattersArisingMarkdown(title: string, rows: MattersArisingRow[]): string {
  const head = `| ${COLUMNS.join(' | ')} |\n|---|---|---|`;
  const body = rows.map((r) => `| ${cell(r.labelText)} | ${cell(r.mattersArising)} | ${cell(r.update)} |`);
  const none = rows.length ? [] : ['', 'There are no matters arising from previous meetings.'];
  return [`## ${title}`, '', head, ...body, ...none].join('\n');
}
