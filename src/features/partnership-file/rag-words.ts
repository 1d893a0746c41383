import type { RagStatus } from '../../generated/prisma/client.ts';

/** Worst first: a split cell ("In Process" and "Achieved") takes the worse of its two statuses. */
const SEVERITY: Record<RagStatus, number> = {
  RED: 4,
  AMBER: 3,
  GREEN: 2,
  ACHIEVED: 1,
  NOT_REPORTED: 0,
};

export interface RagVocabularyTerm {
  word: string;
  status: RagStatus;
}

/** Words are matched whatever their case or spacing: papers are not consistent about either. */
export function ragWordKey(word: string): string {
  return word.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The status a word stands for in the partnership's vocabulary, or undefined if it is not one. */
export function ragStatusOf(
  word: string,
  vocabulary: readonly RagVocabularyTerm[],
): RagStatus | undefined {
  const key = ragWordKey(word);
  return vocabulary.find((term) => ragWordKey(term.word) === key)?.status;
}

/**
 * The normalised status of a RAG cell: the worst of its words; NOT_REPORTED only when nothing else
 * is said. Throws on a word outside the vocabulary (the file reader has already refused those).
 */
export function normaliseRag(
  words: readonly string[],
  vocabulary: readonly RagVocabularyTerm[],
): RagStatus {
  let worst: RagStatus = 'NOT_REPORTED';
  for (const word of words) {
    const status = ragStatusOf(word, vocabulary);
    if (!status) throw new RangeError(`Not a RAG word of this partnership: ${word}`);
    if (SEVERITY[status] > SEVERITY[worst]) worst = status;
  }
  return worst;
}
