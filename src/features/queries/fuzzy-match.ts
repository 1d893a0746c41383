/**
 * Optimal-string-alignment distance (Levenshtein with adjacent transpositions), stopping early
 * once it exceeds `max`. Small typos in names are within 1 or 2 edits.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

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

/**
 * Matches a name's words against the question's words starting at `at`: every word in order, each
 * exactly or within its tolerance; or two of its words run together ("morriscotterill").
 */
export function phraseMatchAt(
  said: string[],
  at: number,
  known: string[],
): { length: number; quality: MatchQuality } | undefined {
  if (at + known.length <= said.length) {
    let quality: MatchQuality = 'exact';
    let ok = true;
    for (let k = 0; k < known.length && ok; k++) {
      const q = wordMatch(said[at + k]!, known[k]!);
      if (!q) ok = false;
      else if (q === 'fuzzy') quality = 'fuzzy';
    }
    if (ok) return { length: known.length, quality };
  }
  return joinedMatchAt(said, at, known);
}

function joinedMatchAt(
  said: string[],
  at: number,
  known: string[],
): { length: number; quality: MatchQuality } | undefined {
  if (known.length < 2) return undefined;
  // Words run together ("morriscotterill", "tradingstandards"): one word fewer, at most one typo.
  const size = known.length - 1;
  if (at + size > said.length) return undefined;
  // Lengths first (this runs for every name at every word of every question): one typo changes
  // the length by one at most, so most places are ruled out without building a string.
  const targetLength = known.reduce((n, w) => n + w.length, 0);
  let joinedLength = 0;
  for (let k = 0; k < size; k++) joinedLength += said[at + k]!.length;
  if (targetLength < 6 || Math.abs(joinedLength - targetLength) > 1) return undefined;
  const target = known.join('');
  const joined = said.slice(at, at + size).join('');
  const allowed = /\d/.test(target) ? 0 : 1;
  return editDistance(joined, target, allowed) <= allowed
    ? { length: size, quality: 'fuzzy' }
    : undefined;
}
