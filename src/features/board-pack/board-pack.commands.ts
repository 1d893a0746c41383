import type { PackVersion } from './board-pack.model.ts';

/** Which meeting a person means: "the next meeting", "27 October", "the October meeting". */
export type MeetingRef =
  | { kind: 'next' }
  | { kind: 'last' }
  | { kind: 'date'; raw: string }
  | { kind: 'month'; month: number; year?: number };

export interface BoardPackCommand {
  version: PackVersion;
  meeting: MeetingRef;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_WORDS = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
/** Dates as meetingOnSpokenDate reads them: 2022-10-27, 27/10/2022, 27 October (2022), October 27 (2022). */
const DATE_PATTERNS = [
  /\b\d{4}-\d{2}-\d{2}\b/,
  /\b\d{1,2}\/\d{1,2}(?:\/\d{4})?\b/,
  new RegExp(String.raw`\b${DAY} ${MONTH_WORDS}\b(?:,? \d{4})?`, 'i'),
  new RegExp(String.raw`\b${MONTH_WORDS} ${DAY}(?!\d)\b(?:,? \d{4})?`, 'i'),
];

/**
 * "board pack for the October meeting", "board pack for 27 October", "the board version of the
 * board pack for the next meeting". Undefined when the text is not about the board pack.
 */
export function parseBoardPackCommand(raw: string): BoardPackCommand | undefined {
  const t = raw.replace(/\s+/g, ' ').trim();
  if (t.length > 160 || !/\bboard[ -]?pack\b/i.test(t)) return undefined;
  const rest = t.replace(/\bboard[ -]?pack\b/gi, ' ');
  const version: PackVersion = /\b(?:board|officer|full|confidential|private)\s+(?:version|copy|edition)\b|\bboard[- ]only\b/i.test(rest) ? 'board' : 'public';
  return { version, meeting: meetingRef(rest) };
}

function meetingRef(t: string): MeetingRef {
  if (/\b(?:last|previous)\s+meeting\b/i.test(t)) return { kind: 'last' };
  const date = DATE_PATTERNS.map((re) => re.exec(t)).find(Boolean);
  if (date) return { kind: 'date', raw: date[0] };
  const month = new RegExp(String.raw`\b${MONTH_WORDS}\b(?:\s+(\d{4}))?`, 'i').exec(t);
  if (month) {
    const index = MONTHS.findIndex((m) => m.startsWith(month[1]!.toLowerCase().slice(0, 3)));
    return { kind: 'month', month: index + 1, ...(month[2] ? { year: Number(month[2]) } : {}) };
  }
  return { kind: 'next' };
}
