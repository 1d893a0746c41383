import type { BoardRole } from '../../generated/prisma/enums.ts';
import { parseAdd, parseAttendance, parseLeave, parseRetire } from './member-command-parts.ts';
import { roleOf } from './member-role-words.ts';

export { splitSpan } from './member-command-parts.ts';

/** What an officer or member asked of the membership, in words. Names are resolved later. */
export type MemberCommand =
  | { kind: 'add-form' }
  | {
      kind: 'add';
      name: string;
      title?: string;
      organisation?: string;
      email?: string;
      role?: BoardRole;
    }
  | { kind: 'role'; person: string; role: BoardRole; on: boolean }
  | { kind: 'answers'; person: string; service: string }
  | { kind: 'retire'; person: string; handover?: HandoverClause[] }
  | { kind: 'apologies'; person: string; meeting: string }
  | { kind: 'attendance'; meeting: string; present?: string[]; apologies?: string[] }
  | { kind: 'leave'; from: string; to: string; deputy?: string }
  | { kind: 'deputy'; deputy?: string }
  | { kind: 'profile'; person?: string };

/** One "hand over …" clause: what (absent means everything left) goes to whom; `to` absent is "leave unowned". */
export interface HandoverClause {
  what?: string;
  to?: string;
}

const ROLE_PATTERN =
  '(?:the |an? )?(?:vice[- ]chair(?:man)?|chair(?:man|woman|person)?|officer|clerk)';
/** Reads a membership command; undefined when the text is not one (another feature may take it). */
export function parseMemberCommand(raw: string): MemberCommand | undefined {
  const text = raw.trim().replace(/\s+/g, ' ').replace(/[‘’]/g, "'");
  for (const parse of PARSERS) {
    const found = parse(text);
    if (found) return found;
  }
  return undefined;
}

const PARSERS: Array<(text: string) => MemberCommand | undefined> = [
  (t) =>
    /^(?:add (?:a )?(?:new )?member|new member)\.?$/i.test(t) ? { kind: 'add-form' } : undefined,
  parseAdd,
  (t) => {
    const m = new RegExp(`^make (.+?) (${ROLE_PATTERN})\\.?$`, 'i').exec(t);
    return m ? { kind: 'role', person: m[1]!, role: roleOf(m[2]!)!, on: true } : undefined;
  },
  (t) => {
    const m = new RegExp(`^(.+?) is (no longer|now) (${ROLE_PATTERN})\\.?$`, 'i').exec(t);
    return m && !/^(?:who|what)\b/i.test(m[1]!)
      ? { kind: 'role', person: m[1]!, role: roleOf(m[3]!)!, on: m[2]!.toLowerCase() === 'now' }
      : undefined;
  },
  (t) => {
    const m = /^(.+?) (?:now|also) answers for (.+?)\.?$/i.exec(t);
    return m && !/^who\b/i.test(m[1]!)
      ? { kind: 'answers', person: m[1]!, service: m[2]! }
      : undefined;
  },
  parseRetire,
  (t) => {
    const m =
      /^(.+?) (?:sent|send|gave|has sent|have sent|sends) (?:their |her |his |my )?apologies (?:for|to) (?:the )?(.+?)(?: meeting)?\.?$/i.exec(
        t,
      );
    return m ? { kind: 'apologies', person: m[1]!, meeting: m[2]! } : undefined;
  },
  parseAttendance,
  parseLeave,
  (t) => {
    const m = /^(?:my deputy is|set my deputy to|make my deputy) (.+?)\.?$/i.exec(t);
    if (m) return { kind: 'deputy', deputy: m[1]! };
    return /^(?:i have )?no deputy\.?$|^remove my deputy\.?$/i.test(t)
      ? { kind: 'deputy' }
      : undefined;
  },
  (t) => {
    if (/^(?:show )?my profile\??$|^what do you (?:hold|know) about me\??$/i.test(t))
      return { kind: 'profile' };
    const m =
      /^(?:show )?(?:the )?profile (?:of|for) (.+?)\??$/i.exec(t) ??
      /^(?:show )?(.+?)'s profile\??$/i.exec(t);
    return m ? { kind: 'profile', person: m[1]! } : undefined;
  },
];
