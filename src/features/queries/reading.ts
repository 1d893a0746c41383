import { sameKindChoices } from './choices.ts';
import type { Intent, OwnerRef, PeriodRef, Vocabulary } from './intent.ts';
import { bestOfKinds, findMentions, type Candidate, type Mention } from './mentions.ts';
import { extractPeriod, extractPriorityNumber, extractRefs } from './slots.ts';
import { tokenize, type Token } from './text.ts';
import { indexPhrases, type PhraseIndex } from './phrase-index.ts';
import { buildPhrases, type EntityKind } from './vocabulary.ts';

/** The vocabulary with its phrases worked out once: build it when the data changes. */
export interface PreparedVocabulary {
  vocabulary: Vocabulary;
  index: PhraseIndex;
}

const prepared = new WeakMap<Vocabulary, PreparedVocabulary>();

/** Once per vocabulary object: the cached vocabulary of an unchanged partnership is the same object. */
export function prepareVocabulary(vocabulary: Vocabulary): PreparedVocabulary {
  const known = prepared.get(vocabulary);
  if (known) return known;
  const fresh = { vocabulary, index: indexPhrases(buildPhrases(vocabulary)) };
  prepared.set(vocabulary, fresh);
  return fresh;
}

/** Everything read out of one question, for the rules below. */
export interface Reading {
  text: string;
  /** The words that name nothing, joined: what the cues are matched against. */
  free: string;
  period?: PeriodRef;
  ref?: string;
  priority?: number;
  mentions: Mention[];
  vocabulary: Vocabulary;
}

/** Picks one entity of the wanted kinds, or the choices when several fit equally. */
export type Pick = { found: Candidate; mention: Mention } | { ambiguous: Intent } | undefined;

/**
 * Tries each tier of kinds in turn ("a service, else a person, else an organisation"), so that a
 * word naming both a service and an organisation ("police") means the kind the question wants.
 */
export function pick(r: Reading, tiers: EntityKind[][]): Pick {
  for (const kinds of tiers) {
    for (const m of r.mentions) {
      const best = bestOfKinds(m, kinds);
      if (best.length === 1) return { found: best[0]!, mention: m };
      if (best.length > 1) return { ambiguous: sameKindChoices(r.text, m, best) };
    }
  }
  return undefined;
}

export function ownerRef(c: Candidate): OwnerRef {
  if (c.kind === 'person') return { kind: 'person', name: c.id };
  if (c.kind === 'organisation') return { kind: 'organisation', name: c.id };
  return { kind: 'service', name: c.id };
}

/** Whose work: a service first, then a person, then an organisation. */
export const OWNER_TIERS: EntityKind[][] = [['service', 'group'], ['person'], ['organisation']];

export function read(text: string, prepared: PreparedVocabulary): Reading {
  const { vocabulary, index } = prepared;
  const period = extractPeriod(text, vocabulary.periods);
  const refs = extractRefs(text);
  const priority = extractPriorityNumber(text);
  const slots = [period, priority, ...refs].filter((s) => s !== undefined);
  const tokens = tokenize(text);
  const inSlot = (t: Token) => slots.some((s) => t.start < s.to && t.end > s.from);
  const masked = new Set(tokens.flatMap((t, i) => (inSlot(t) ? [i] : [])));
  const mentions = findMentions(tokens, index, masked);
  const free = tokens
    .map((t, i) =>
      masked.has(i) ? '#' : mentions.some((m) => i >= m.start && i < m.end) ? '§' : t.norm,
    )
    .join(' ');
  return {
    text,
    free,
    period: period?.value,
    ref: refs[0]?.value,
    priority: priority?.value,
    mentions,
    vocabulary,
  };
}
