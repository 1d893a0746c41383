import type { MatchQuality } from './fuzzy-match.ts';
import { FUZZY, joinedMatchAt, matchWords, NO_MATCH, type IndexedPhrase, type PhraseIndex } from './phrase-index.ts';
import type { Token } from './text.ts';
import type { EntityKind, Phrase } from './vocabulary.ts';

/** One entity a stretch of the question may name. */
export interface Candidate {
  kind: EntityKind;
  id: string;
  label: string;
  start: number;
  end: number;
  /** Higher is better: own name over a part of it, exact over fuzzy, longer over shorter. */
  score: number;
}

/** A stretch of the question naming something, with every entity it may name. */
export interface Mention {
  start: number;
  end: number;
  /** Offsets in the original text, to rewrite the question for a choice. */
  from: number;
  to: number;
  candidates: Candidate[];
}

function score(rankName: boolean, quality: MatchQuality, length: number): number {
  return (rankName ? 100 : 0) + (quality === 'exact' ? 10 : 0) + length;
}

type Match = { start: number; length: number; quality: MatchQuality };

/** Every stem of the name in order from `at`, each word exactly or within its tolerance. */
function inOrderAt(matches: Uint8Array[], at: number, stemIds: number[]): MatchQuality | undefined {
  if (at + stemIds.length > matches.length) return undefined;
  let quality: MatchQuality = 'exact';
  for (let k = 0; k < stemIds.length; k++) {
    const q = matches[at + k]![stemIds[k]!]!;
    if (q === NO_MATCH) return undefined;
    if (q === FUZZY) quality = 'fuzzy';
  }
  return quality;
}

/** Runs of two or more consecutive words of a longer name ("hate crime", "young people"). */
function runMatches(matches: Uint8Array[], p: IndexedPhrase): Match[] {
  const out: Match[] = [];
  const ids = p.stemIds;
  for (let i = 0; i < matches.length; i++) {
    let best: Match | undefined;
    for (let k = 0; k < ids.length; k++) {
      let n = 0;
      let quality: MatchQuality = 'exact';
      let meaningful = false;
      while (i + n < matches.length && k + n < ids.length) {
        const q = matches[i + n]![ids[k + n]!]!;
        if (q === NO_MATCH) break;
        if (q === FUZZY) quality = 'fuzzy';
        if (!p.generic[k + n]) meaningful = true;
        n++;
      }
      if (n >= 2 && n < ids.length && meaningful && (!best || n > best.length))
        best = { start: i, length: n, quality };
    }
    if (best) out.push(best);
  }
  return out;
}

function allCandidates(said: string[], index: PhraseIndex): Candidate[] {
  const matches = matchWords(said, index);
  const out: Candidate[] = [];
  const push = (p: Phrase, start: number, length: number, quality: MatchQuality, rankName: boolean) =>
    out.push({ kind: p.kind, id: p.id, label: p.label, start, end: start + length, score: score(rankName, quality, length) });
  for (const indexed of index.phrases) {
    const p = indexed.phrase;
    for (let i = 0; i < said.length; i++) {
      const inOrder = inOrderAt(matches, i, indexed.stemIds);
      if (inOrder) {
        if (!p.exactOnly || inOrder === 'exact') push(p, i, indexed.stemIds.length, inOrder, p.rank === 'name');
        continue;
      }
      const joined = joinedMatchAt(said, i, indexed);
      if (joined !== undefined && !p.exactOnly) push(p, i, joined, 'fuzzy', p.rank === 'name');
    }
    if (p.rank === 'name' && p.stems.length > 2 && p.kind !== 'person' && p.kind !== 'role')
      for (const r of runMatches(matches, indexed)) push(p, r.start, r.length, r.quality, false);
  }
  return out;
}

/**
 * Finds what the question names. Longest, best matches claim their words first; every candidate
 * overlapping a claimed stretch stays with it, so "hate crime" keeps both the metric and the
 * priority and the question's other words can decide.
 */
export function findMentions(tokens: Token[], index: PhraseIndex, masked: Set<number>): Mention[] {
  const said = tokens.map((t, i) => (masked.has(i) ? '\u0000' : t.stem));
  const candidates = allCandidates(said, index).sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score,
  );
  const mentions: Mention[] = [];
  for (const c of candidates) {
    if (mentions.some((m) => c.start < m.end && c.end > m.start)) continue;
    const overlapping = candidates.filter((o) => o.start < c.end && o.end > c.start);
    mentions.push({
      start: c.start,
      end: c.end,
      from: tokens[c.start]!.start,
      to: tokens[c.end - 1]!.end,
      candidates: competitive(bestPerEntity(overlapping)),
    });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** A name or alias said in full outranks anything that only shares a word or two with it. */
function competitive(candidates: Candidate[]): Candidate[] {
  const named = candidates.filter((c) => c.score >= 100);
  return named.length > 0 ? named : candidates;
}

function bestPerEntity(candidates: Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = `${c.kind}|${c.id}`;
    const seen = best.get(key);
    if (!seen || c.score > seen.score) best.set(key, c);
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** The best candidates of the given kinds: one when the question is clear, several when not. */
export function bestOfKinds(m: Mention, kinds: EntityKind[]): Candidate[] {
  const of = m.candidates.filter((c) => kinds.includes(c.kind));
  if (of.length === 0) return [];
  const top = Math.max(...of.map((c) => c.score));
  const tied = of.filter((c) => c.score === top);
  const ids = new Map<string, Candidate>();
  for (const c of tied.sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind)))
    if (!ids.has(c.id.toLowerCase())) ids.set(c.id.toLowerCase(), c);
  return [...ids.values()];
}
