import { describe, expect, it } from 'vitest';
import { editDistance, wordMatch } from '../../../src/features/queries/fuzzy-match.ts';

/** The textbook optimal-string-alignment distance, a full table per call: what editDistance must equal. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it.each([
    ['knife', 'knife', 0],
    ['knief', 'knife', 1],
    ['baldwn', 'baldwin', 1],
    ['neighbourhood', 'neighborhood', 1],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['ca', 'abc', 3],
  ])('%s → %s is %i edits', (a, b, edits) => {
    expect(editDistance(a, b)).toBe(edits);
  });

  it('equals the full-table distance on random words, long after short (its rows are reused)', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: Math.floor(random() * 14) }, () => 'abcde'[Math.floor(random() * 5)]).join('');
    for (let n = 0; n < 3000; n++) {
      const [a, b] = [word(), word()];
      const distance = reference(a, b);
      expect(editDistance(a, b), `${a} / ${b}`).toBe(distance);
      expect(editDistance(a, b, 2) <= 2 ? editDistance(a, b, 2) : 'over', `${a} / ${b} within 2`).toBe(distance <= 2 ? distance : 'over');
    }
  });

  it('stops early above the limit, answering limit + 1', () => {
    expect(editDistance('safeguarding', 'probation', 2)).toBe(3);
    expect(editDistance('abcdefgh', 'ab', 2)).toBe(3);
  });
});

describe('wordMatch', () => {
  it('allows typos by word length and none in numbers', () => {
    expect(wordMatch('crime', 'crime')).toBe('exact');
    expect(wordMatch('crmie', 'crime')).toBe('fuzzy');
    expect(wordMatch('knif', 'knife')).toBe('fuzzy');
    expect(wordMatch('cat', 'car')).toBeUndefined();
    expect(wordMatch('2021', '2022')).toBeUndefined();
  });
});
