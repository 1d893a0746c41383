import type { BoardRoleName, Vocabulary } from './intent.ts';
import { COMMON_WORDS, GENERIC_WORDS, phraseStems } from './text.ts';

export type EntityKind =
  'priority' | 'service' | 'group' | 'organisation' | 'person' | 'metric' | 'role';

/** How a phrase names its entity: its own name or alias, or only a part of it (a surname). */
export type PhraseRank = 'name' | 'part';

/** One way of naming one entity, as stems. */
export interface Phrase {
  kind: EntityKind;
  /** The canonical name (priority number, metric key or role for those kinds). */
  id: string;
  /** What the bot calls it in choices ("Priority 2: Violence Against Women and Girls"). */
  label: string;
  stems: string[];
  rank: PhraseRank;
  /** A part only counts when matched exactly (first names, single words of a name). */
  exactOnly: boolean;
}

const ROLE_PHRASES: Array<[BoardRoleName, string[]]> = [
  [
    'VICE_CHAIR',
    [
      'vice chair',
      'vice chairman',
      'vice chairwoman',
      'vice chairperson',
      'deputy chair',
      'vicechair',
    ],
  ],
  ['CHAIR', ['chair', 'chairman', 'chairwoman', 'chairperson', 'chair person']],
  ['OFFICER', ['officer', 'partnership officer', 'board officer']],
  ['CLERK', ['clerk', 'minute taker', 'secretary']],
];

export const ROLE_LABELS: Record<BoardRoleName, string> = {
  CHAIR: 'Chair',
  VICE_CHAIR: 'Vice-Chair',
  OFFICER: 'Officer',
  CLERK: 'Clerk',
};

function phrase(
  kind: EntityKind,
  id: string,
  label: string,
  text: string,
  rank: PhraseRank = 'name',
  exactOnly = false,
): Phrase[] {
  const stems = phraseStems(text);
  return stems.length > 0 ? [{ kind, id, label, stems, rank, exactOnly }] : [];
}

/** Single words of a name that may stand for it ("police", "standards", "extremism"). */
function partWords(kind: EntityKind, id: string, label: string, names: string[]): Phrase[] {
  const words = new Set(
    names
      .flatMap((n) => phraseStems(n))
      .filter((w) => w.length >= 4 && !GENERIC_WORDS.has(w) && !/^\d+$/.test(w)),
  );
  return [...words].map((w) => ({
    kind,
    id,
    label,
    stems: [w],
    rank: 'part' as const,
    exactOnly: true,
  }));
}

function personPhrases(p: Vocabulary['people'][number]): Phrase[] {
  const out = phrase('person', p.name, p.name, p.name);
  const words = p.name.trim().split(/\s+/);
  const surname = words.at(-1) ?? '';
  const first = words.length > 1 ? words[0]! : '';
  const surnameStems = phraseStems(surname);
  if (words.length > 1 && !(surnameStems.length === 1 && COMMON_WORDS.has(surnameStems[0]!)))
    out.push(...phrase('person', p.name, p.name, surname, 'part'));
  if (p.honorific) out.push(...phrase('person', p.name, p.name, `${p.honorific} ${surname}`));
  for (const title of ['mr', 'ms', 'mrs', 'dr', 'cllr', 'councillor', 'inspector', 'ci'])
    out.push(...phrase('person', p.name, p.name, `${title} ${surname}`));
  const firstStem = phraseStems(first)[0];
  if (firstStem && firstStem.length >= 3 && !COMMON_WORDS.has(firstStem))
    out.push({
      kind: 'person',
      id: p.name,
      label: p.name,
      stems: [firstStem],
      rank: 'part',
      exactOnly: true,
    });
  return out;
}

/** Every phrase the partnership's data gives for its priorities, services, people and metrics. */
export function buildPhrases(v: Vocabulary): Phrase[] {
  const out: Phrase[] = [];
  for (const p of v.priorities) {
    const id = String(p.number);
    const label = `Priority ${p.number}: ${p.title}`;
    const names = [p.title, ...(p.shortName ? [p.shortName] : []), ...p.aliases];
    for (const n of names) out.push(...phrase('priority', id, label, n));
    out.push(...partWords('priority', id, label, [p.title]));
  }
  for (const s of v.services) {
    const kind = s.kind === 'GROUP' ? 'group' : 'service';
    for (const n of [s.name, ...s.aliases]) out.push(...phrase(kind, s.name, s.name, n));
    out.push(...partWords(kind, s.name, s.name, [s.name]));
  }
  for (const o of v.organisations) {
    for (const n of [o.name, ...(o.shortName ? [o.shortName] : []), ...o.aliases])
      out.push(...phrase('organisation', o.name, o.name, n));
    out.push(...partWords('organisation', o.name, o.name, [o.name]));
  }
  for (const p of v.people) out.push(...personPhrases(p));
  for (const m of v.metrics) {
    for (const n of [m.name, m.key.replace(/-/g, ' '), ...m.aliases])
      out.push(...phrase('metric', m.key, m.name, n));
    out.push(...partWords('metric', m.key, m.name, [m.name, ...m.aliases]));
  }
  for (const [role, texts] of ROLE_PHRASES)
    for (const t of texts) out.push(...phrase('role', role, ROLE_LABELS[role], t));
  return dedupe(out);
}

function dedupe(phrases: Phrase[]): Phrase[] {
  const seen = new Set<string>();
  return phrases.filter((p) => {
    const key = `${p.kind}|${p.id}|${p.stems.join(' ')}|${p.rank}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
