import { editDistance, wordMatch } from './fuzzy-match.ts';
import { GENERIC_WORDS } from './text.ts';
import type { Phrase } from './vocabulary.ts';

/** How a word of the question matches a stem: not at all, within its tolerance, or exactly. */
export const NO_MATCH = 0;
export const FUZZY = 1;
export const EXACT = 2;

/** One phrase, laid out for matching: its stems as numbers, and what the rules need of them. */
export interface IndexedPhrase {
  phrase: Phrase;
  /** Positions in `PhraseIndex.stems`. */
  stemIds: number[];
  /** Whether each stem is a generic word ("the", "crime"), which alone makes no run. */
  generic: boolean[];
  /** The stems run together ("morriscotterill"), for names of two or more words. */
  joined?: { text: string; allowed: number };
}

/**
 * A vocabulary's phrases, worked out once: every distinct stem numbered, so that a question's
 * words are compared with each stem once (not once per phrase and place that uses it), and the
 * phrases are then matched by looking those comparisons up.
 */
export interface PhraseIndex {
  phrases: IndexedPhrase[];
  stems: string[];
  /** Stem positions by stem length: fuzzy matches are never more than two letters apart. */
  byLength: Map<number, number[]>;
}

export function indexPhrases(phrases: Phrase[]): PhraseIndex {
  const stems: string[] = [];
  const idOf = new Map<string, number>();
  const byLength = new Map<number, number[]>();
  const idFor = (stem: string) => {
    let id = idOf.get(stem);
    if (id === undefined) {
      id = stems.push(stem) - 1;
      idOf.set(stem, id);
      const sameLength = byLength.get(stem.length);
      if (sameLength) sameLength.push(id);
      else byLength.set(stem.length, [id]);
    }
    return id;
  };
  const indexed = phrases.map((phrase): IndexedPhrase => {
    const text = phrase.stems.join('');
    return {
      phrase,
      stemIds: phrase.stems.map(idFor),
      generic: phrase.stems.map((s) => GENERIC_WORDS.has(s)),
      ...(phrase.stems.length >= 2 ? { joined: { text, allowed: /\d/.test(text) ? 0 : 1 } } : {}),
    };
  });
  return { phrases: indexed, stems, byLength };
}

/**
 * For each word of the question, how it matches every stem (`wordMatch`, looked up by stem
 * position), as views of one buffer. A masked word ("\u0000") matches nothing.
 */
export function matchWords(said: string[], index: PhraseIndex): Uint8Array[] {
  const width = index.stems.length;
  const buffer = new Uint8Array(width * said.length);
  return said.map((word, i) => {
    const row = buffer.subarray(i * width, (i + 1) * width);
    if (word === '\u0000') return row;
    for (let length = word.length - 2; length <= word.length + 2; length++) {
      for (const id of index.byLength.get(length) ?? []) {
        const quality = wordMatch(word, index.stems[id]!);
        if (quality) row[id] = quality === 'exact' ? EXACT : FUZZY;
      }
    }
    return row;
  });
}

/**
 * Whether the question's words from `at` run together into a name of two or more words, one word
 * fewer than the name, with at most one typo ("morriscotterill", "tradingstandards").
 */
export function joinedMatchAt(said: string[], at: number, p: IndexedPhrase): number | undefined {
  if (!p.joined) return undefined;
  const size = p.stemIds.length - 1;
  if (at + size > said.length) return undefined;
  // Lengths first (this runs for every name at every word of every question): one typo changes
  // the length by one at most, so most places are ruled out without building a string.
  let joinedLength = 0;
  for (let k = 0; k < size; k++) joinedLength += said[at + k]!.length;
  const target = p.joined.text;
  if (target.length < 6 || Math.abs(joinedLength - target.length) > 1) return undefined;
  const joined = said.slice(at, at + size).join('');
  return editDistance(joined, target, p.joined.allowed) <= p.joined.allowed ? size : undefined;
}
