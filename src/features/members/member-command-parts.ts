import { roleOf } from './member-role-words.ts';
import type { HandoverClause, MemberCommand } from './members.commands.ts';

const EMAIL = /[^\s,;<>()]+@[^\s,;<>()]+\.[a-z]{2,}/i;

const list = (text: string | undefined) =>
  (text ?? '')
    .split(/\s*(?:,|;|\band\b)\s*/i)
    .map((s) => s.trim().replace(/\.$/, ''))
    .filter(Boolean);

/** "add Jamie O'Malley, Domestic Abuse Strategy Coordinator at LBB, jamie.omalley@example.org[, as vice-chair]". */
export function parseAdd(t: string): MemberCommand | undefined {
  const m = /^add (?:member )?(.+)$/i.exec(t);
  if (!m || !(m[1]!.includes(',') || m[1]!.includes('@'))) return undefined;
  // Other features' "add an action for …, …" must not read as a new member.
  if (/^(?:an? )?(?:action|minute|alias|service|organisation|note)\b/i.test(m[1]!))
    return undefined;
  const parts = m[1]!.split(/\s*,\s*/).filter(Boolean);
  const isEmail = (p: string) => p.includes('@');
  const email = parts.find(isEmail)?.match(EMAIL)?.[0] ?? parts.find(isEmail);
  const roleIndex = parts.findIndex((p) => roleOf(p.replace(/^as /i, '')) !== undefined);
  const role = roleIndex >= 0 ? roleOf(parts[roleIndex]!.replace(/^as /i, '')) : undefined;
  const rest = parts.filter((p, i) => i !== roleIndex && !isEmail(p));
  const [name, titleOrg, org] = rest;
  if (!name) return undefined;
  const at = titleOrg ? / at (?!.* at )/i.exec(titleOrg) : null;
  const title = at ? titleOrg!.slice(0, at.index) : titleOrg;
  const organisation = at ? titleOrg!.slice(at.index + at[0].length) : org;
  return {
    kind: 'add',
    name,
    title: title || undefined,
    organisation: organisation || undefined,
    email,
    role,
  };
}

/** "retire Stuart Baker, hand over to Andy Brittain" / "…, hand over Public Health to X, minute 26 to Y, leave unowned". */
export function parseRetire(t: string): MemberCommand | undefined {
  const m = /^retire (.+?)(?:\s*[,;:]\s*(.*))?$/i.exec(t);
  if (!m) return undefined;
  if (!m[2]) return { kind: 'retire', person: m[1]!.replace(/\.$/, '') };
  const clauses = m[2]
    .replace(/\.$/, '')
    .split(/\s*[,;]\s*/)
    .filter(Boolean);
  const handover: HandoverClause[] = [];
  for (const raw of clauses) {
    const c = raw
      .replace(/^(?:and )?(?:hand(?:ing)? (?:everything )?over|handover|give|pass)\s*/i, '')
      .trim();
    if (/^(?:and )?leave (?:the rest |anything else |everything else |it )?unowned$/i.test(c)) {
      handover.push({});
      continue;
    }
    const to = /^(?:(.+?) )?to (.+)$/i.exec(c);
    if (!to) return { kind: 'retire', person: m[1]!, handover: [{ what: c, to: '' }] };
    const what = to[1]?.replace(/^(?:everything|the rest|all|everything else)$/i, '');
    handover.push({ what: what || undefined, to: to[2]! });
  }
  return { kind: 'retire', person: m[1]!, handover };
}

/** "record attendance for 27 October: A, B and C; apologies: D" or "attendance for 27 October". */
export function parseAttendance(t: string): MemberCommand | undefined {
  const m =
    /^(?:record |show )?attendance (?:for|at) (?:the )?(.+?)(?: meeting)?(?:\s*:\s*(.*))?\??$/i.exec(
      t,
    );
  if (!m) return undefined;
  if (!m[2]) return { kind: 'attendance', meeting: m[1]! };
  const [presentPart, ...rest] = m[2].split(/\s*;\s*/);
  const apologiesPart = rest
    .find((r) => /^apologies\s*:?/i.test(r))
    ?.replace(/^apologies\s*:?\s*/i, '');
  const present = list(presentPart?.replace(/^present\s*:?\s*/i, ''));
  return {
    kind: 'attendance',
    meeting: m[1]!,
    present,
    apologies: apologiesPart ? list(apologiesPart) : [],
  };
}

/** "I'm on leave 1–12 December, deputy Stuart Baker", "I am on leave from 1 December to 3 January". */
export function parseLeave(t: string): MemberCommand | undefined {
  const m =
    /^i(?:'m| am)(?: going to be)? (?:on )?(?:annual )?leave (?:from )?(.+?)(?:\s*,\s*(?:my )?deputy(?: is)?:? (.+?))?\.?$/i.exec(
      t,
    );
  if (!m) return undefined;
  const span = splitSpan(m[1]!);
  return span ? { kind: 'leave', ...span, deputy: m[2] } : { kind: 'leave', from: m[1]!, to: '' };
}

/** "1–12 December" → 1 December, 12 December; "1 December to 3 January"; "2022-12-01 to 2022-12-12". */
export function splitSpan(text: string): { from: string; to: string } | undefined {
  const m =
    /^(.+?)\s*(?:–|—|\bto\b|\buntil\b|\btill\b)\s*(.+)$/i.exec(text) ??
    /^(\d{1,2}(?:st|nd|rd|th)?)\s*-\s*(.+)$/i.exec(text) ??
    /^(.+?) - (.+)$/.exec(text);
  if (!m) return undefined;
  const [from, to] = [m[1]!.trim(), m[2]!.trim()];
  if (/^\d{1,2}(?:st|nd|rd|th)?$/i.test(from)) {
    const monthYear = to.replace(/^\d{1,2}(?:st|nd|rd|th)?\s*/i, '');
    return { from: `${from} ${monthYear}`, to };
  }
  return { from, to };
}
