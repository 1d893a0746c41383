import { DomainError } from '../../domain-error.ts';
import { wordMatch } from '../queries/fuzzy-match.ts';

/** Anything named: a person, an organisation, a service. */
export interface Named {
  id: string;
  name: string;
  aliases?: string[];
  note?: string | null;
}

export type NameMatch<T> =
  { kind: 'one'; item: T } | { kind: 'many'; items: T[] } | { kind: 'none'; closest: T[] };

/** Lower case, no apostrophes, dots or honorifics, hyphens as spaces: how names are compared. */
export function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’‘.]/g, '')
    .replace(/[-–—/&,()]/g, ' ')
    .replace(/^(?:councillor|cllr|the)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const words = (text: string) => normaliseName(text).split(' ').filter(Boolean);
const namesOf = (item: Named) => [item.name, ...(item.aliases ?? [])];

/** Every word in order, each exactly or within a small typo. */
function fuzzyEqual(said: string[], known: string[]): boolean {
  return (
    said.length === known.length && said.every((w, i) => wordMatch(w, known[i]!) !== undefined)
  );
}

/**
 * Finds what a person named: exact (name or alias, any case) first, then within small typos, then
 * a single word that is one of the name's words ("Brittain"). Several fits are reported, not guessed.
 */
export function matchName<T extends Named>(said: string, items: T[]): NameMatch<T> {
  const target = normaliseName(said);
  const exact = items.filter((i) => namesOf(i).some((n) => normaliseName(n) === target));
  if (exact.length)
    return exact.length === 1 ? { kind: 'one', item: exact[0]! } : { kind: 'many', items: exact };
  const saidWords = words(said);
  const fuzzy = items.filter((i) => namesOf(i).some((n) => fuzzyEqual(saidWords, words(n))));
  if (fuzzy.length)
    return fuzzy.length === 1 ? { kind: 'one', item: fuzzy[0]! } : { kind: 'many', items: fuzzy };
  if (saidWords.length === 1) {
    const part = items.filter((i) =>
      words(i.name).some((w) => wordMatch(saidWords[0]!, w) !== undefined),
    );
    if (part.length === 1) return { kind: 'one', item: part[0]! };
    if (part.length > 1) return { kind: 'many', items: part };
  }
  return { kind: 'none', closest: closest(said, items) };
}

/**
 * The likeliest things meant when nothing matched: shared words with a name or alias, an acronym
 * ("domestic abuse" → "DA …"), or the phrase in the item's note (where the example says what a
 * service covers). Best first, at most four.
 */
export function closest<T extends Named>(said: string, items: T[], limit = 4): T[] {
  const saidWords = words(said);
  const initials = saidWords.length > 1 ? saidWords.map((w) => w[0]).join('') : '';
  const phrase = normaliseName(said);
  const scored = items.map((item) => {
    const overlap = Math.max(...namesOf(item).map((n) => dice(saidWords, words(n))));
    const acronym = initials && namesOf(item).some((n) => words(n).includes(initials)) ? 0.6 : 0;
    const note =
      phrase.length > 3 && item.note && ` ${normaliseName(item.note)} `.includes(` ${phrase} `)
        ? 0.8
        : 0;
    return { item, score: overlap + acronym + note };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((s) => s.item);
}

function dice(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const shared = a.filter(
    (w) => w.length > 2 && b.some((k) => wordMatch(w, k) !== undefined),
  ).length;
  return (2 * shared) / (a.length + b.length);
}

/** One item or a refusal that says what was meant by which noun ("member", "service"). */
export function requireOne<T extends Named>(said: string, items: T[], noun: string): T {
  const found = matchName(said, items);
  if (found.kind === 'one') return found.item;
  const shown = said.slice(0, 80);
  if (found.kind === 'many')
    throw new DomainError(
      'member.ambiguous',
      `"${shown}" could be ${found.items.map((i) => i.name).join(' or ')}. Please give the full name.`,
    );
  const hint = found.closest.length
    ? ` Did you mean ${found.closest.map((i) => i.name).join(', ')}?`
    : '';
  throw new DomainError('member.unknown', `I don't know a ${noun} called "${shown}".${hint}`);
}
