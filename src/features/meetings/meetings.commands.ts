import { splitOwnerList } from './action-owners.ts';
import type { ActionRef } from './action-lookup.ts';
import { DATE_WORDS } from './meeting-dates.ts';

/**
 * What an officer or owner asked of meetings and actions, in words. Every pattern starts with
 * its own verb and names a minute, so plain questions ("outstanding actions", "actions for Ken
 * Loyal") are left to the questions feature.
 */
export type MeetingCommand =
  | { kind: 'recordMeeting'; date: string; time?: string; place?: string }
  | { kind: 'recordCard'; date?: string }
  | { kind: 'minute'; number: number; meetingDate?: string; title: string; text?: string }
  | { kind: 'action'; minute: number; meetingDate?: string; owners: string[]; text: string; due?: string }
  | { kind: 'update'; ref: ActionRef; text: string }
  | { kind: 'proposeClose'; ref: ActionRef; text?: string }
  | { kind: 'close'; ref: ActionRef; meetingDate?: string; text?: string }
  | { kind: 'drop'; ref: ActionRef; reason?: string }
  | { kind: 'reassign'; ref: ActionRef; owners: string[] }
  | { kind: 'setDue'; ref: ActionRef; due: string }
  | { kind: 'history'; minute: number }
  | { kind: 'mattersArising'; date?: string };

const D = DATE_WORDS;
const MIN = String.raw`(?:the )?minute (\d+)(?: ?#(\d+))?`;
const OF_MEETING = String.raw`(?: (?:of|at|from) the (${D})(?: meeting)?)?`;

const ref = (m: RegExpExecArray, at = 1): ActionRef => ({ minute: Number(m[at]), ...(m[at + 1] ? { seq: Number(m[at + 1]) } : {}) });
const opt = <K extends string>(key: K, v: string | undefined) => (v ? ({ [key]: v.trim() } as Record<K, string>) : {});

type Rule = [RegExp, (m: RegExpExecArray) => MeetingCommand];

const RULES: Rule[] = [
  [new RegExp(String.raw`^record (?:a |the )?(?:board )?meeting (?:on|for) (${D})(?: at (\d{1,2}[:.]\d{2}))?(?:,? (?:in|at) (?:the )?(.+?))?\.?$`, 'i'),
    (m) => ({ kind: 'recordMeeting', date: m[1]!, ...opt('time', m[2]?.replace('.', ':').padStart(5, '0')), ...opt('place', m[3]) })],
  [new RegExp(String.raw`^record (?:the )?minutes(?: (?:of|for) the (${D})(?: meeting)?)?\.?$`, 'i'), (m) => ({ kind: 'recordCard', ...opt('date', m[1]) })],
  [new RegExp(String.raw`^minute (\d+)${OF_MEETING}\s*:\s*([\s\S]+)$`, 'i'), (m) => minute(Number(m[1]), m[2], m[3]!)],
  [new RegExp(String.raw`^(?:add (?:an )?)?action for (.+?) on minute (\d+)${OF_MEETING}\s*:\s*(.+?)(?:[,;.]? (?:due|by) (${D}))?\.?$`, 'i'),
    (m) => ({ kind: 'action', owners: splitOwnerList(m[1]!), minute: Number(m[2]), ...opt('meetingDate', m[3]), text: m[4]!.trim(), ...opt('due', m[5]) })],
  [new RegExp(String.raw`^update on ${MIN}(?: action)?\s*[:,-]\s*([\s\S]+)$`, 'i'), (m) => ({ kind: 'update', ref: ref(m), text: m[3]!.trim() })],
  [new RegExp(String.raw`^propose (?:closing|to close|closure of) ${MIN}(?: action)?(?:\s*[:,-]\s*([\s\S]+))?$`, 'i'), (m) => ({ kind: 'proposeClose', ref: ref(m), ...opt('text', m[3]) })],
  [new RegExp(String.raw`^(?:close|agree (?:closing|to close)) ${MIN}(?: action)?(?: (?:at|in) the (${D}) meeting)?(?:\s*[:,-]\s*([\s\S]+))?$`, 'i'),
    (m) => ({ kind: 'close', ref: ref(m), ...opt('meetingDate', m[3]), ...opt('text', m[4]) })],
  [new RegExp(String.raw`^drop ${MIN}(?: action)?(?:\s*(?:[:,-]|because)\s*([\s\S]+))?$`, 'i'), (m) => ({ kind: 'drop', ref: ref(m), ...opt('reason', m[3]) })],
  [new RegExp(String.raw`^reassign ${MIN}(?: action)? to (.+?)\.?$`, 'i'), (m) => ({ kind: 'reassign', ref: ref(m), owners: splitOwnerList(m[3]!) })],
  [new RegExp(String.raw`^set (?:the )?due date (?:of|for|on) ${MIN}(?: action)? to (${D})\.?$`, 'i'), (m) => ({ kind: 'setDue', ref: ref(m), due: m[3]! })],
  [/^(?:what(?:'s| has)? happened (?:to|with)|history of|what became of) minute (\d+)\s*\??$/i, (m) => ({ kind: 'history', minute: Number(m[1]) })],
  [new RegExp(String.raw`^(?:the )?matters arising(?: report)?(?: for (?:the )?(?:next meeting|(${D})(?: meeting)?))?\s*[?.]?$`, 'i'), (m) => ({ kind: 'mattersArising', ...opt('date', m[1]) })],
];

/** "minute 40: TITLE. Text…": the title runs to the first full stop, dash or line break. */
function minute(number: number, meetingDate: string | undefined, rest: string): MeetingCommand {
  const split = /^(.+?)(?:\.\s+|\s+[-–—]\s+|\n+)([\s\S]+)$/.exec(rest.trim());
  const title = (split ? split[1]! : rest).trim().replace(/\.$/, '');
  return { kind: 'minute', number, ...opt('meetingDate', meetingDate), title, ...opt('text', split?.[2]) };
}

/** Reads a meetings command; undefined when the text is not one. */
export function parseMeetingCommand(raw: string): MeetingCommand | undefined {
  const text = raw.trim().replace(/[ \t]+/g, ' ');
  for (const [pattern, build] of RULES) {
    const m = pattern.exec(text);
    if (m) return build(m);
  }
  return undefined;
}
