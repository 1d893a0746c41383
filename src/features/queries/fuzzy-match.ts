/**
 * Optimal-string-alignment distance (Levenshtein with adjacent transpositions), stopping early
 * once it exceeds `max`. Small typos in names are within 1 or 2 edits.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rolling rows (a transposition looks two rows back), reused between calls: this runs
  // for many word pairs of every question, and fresh arrays each time kept the collector busy.
  const width = b.length + 1;
  if (scratch.length < 3 * width) scratch = new Int32Array(6 * width);
  let before = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j <= b.length; j++) scratch[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    scratch[current] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(scratch[previous + j]! + 1, scratch[current + j - 1]! + 1, scratch[previous + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, scratch[before + j - 2]! + 1);
      scratch[current + j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    const free = before;
    before = previous;
    previous = current;
    current = free;
  }
  return scratch[previous + b.length]!;
}

let scratch = new Int32Array(96);

/** How many edits a word of this length may carry and still match: none for short words. */
export function tolerance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

export type MatchQuality = 'exact' | 'fuzzy';

/** Whether a word of the question matches a word of a name, and how well. */
export function wordMatch(said: string, known: string): MatchQuality | undefined {
  if (said === known) return 'exact';
  // No rule below matches words more than two letters apart in length: most pairs stop here.
  if (Math.abs(said.length - known.length) > 2) return undefined;
  if (/\d/.test(said) || /\d/.test(known)) return undefined;
  // A word one letter short of its end ("knif" for "knife").
  if (said.length >= 4 && known.length === said.length + 1 && known.startsWith(said))
    return 'fuzzy';
  const allowed = tolerance(Math.min(said.length, known.length));
  if (allowed === 0) return undefined;
  return editDistance(said, known, allowed) <= allowed ? 'fuzzy' : undefined;
}
