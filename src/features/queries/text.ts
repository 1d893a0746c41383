/** A word of the question, with where it stands in the original text (for rewriting choices). */
export interface Token {
  /** Lower case, apostrophes and possessive 's removed. */
  norm: string;
  /** `norm` reduced to a simple singular ("burglaries" → "burglary", "standards" → "standard"). */
  stem: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|&/gu;

/** Simple English singular: enough to match "hate crimes" to "Hate Crime". */
export function stem(word: string): string {
  if (/^\d+$/.test(word)) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us'))
    return word.slice(0, -1);
  return word;
}

export function normaliseWord(raw: string): string {
  if (raw === '&') return 'and';
  return raw
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
}

/** Splits text into words (hyphens, slashes and dots separate words), keeping their offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const norm = normaliseWord(m[0]);
    if (!norm) continue;
    tokens.push({ norm, stem: stem(norm), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** The stems of a name or phrase, for matching. */
export function phraseStems(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.stem);
}

/** Words that carry no meaning of their own in a name ("the", "crime", "service"). */
export const GENERIC_WORDS = new Set(
  [
    'the',
    'and',
    'of',
    'for',
    'with',
    'against',
    'a',
    'an',
    'in',
    'on',
    'to',
    'our',
    'all',
    'by',
    'at',
    'crime',
    'offence',
    'total',
    'service',
    'team',
    'group',
    'partnership',
    'partner',
    'board',
    'borough',
    'council',
    'lbb',
    'safer',
    'safe',
    'number',
    'rate',
    'call',
    'local',
    'people',
    'priority',
    'update',
    'strategy',
    'work',
    'together',
    'standing',
    'stand',
    'keeping',
    'keep',
    'head',
    'manager',
    'officer',
    'what',
    'who',
    'how',
    'is',
    'are',
    'latest',
    'figure',
    'new',
    'non',
    'other',
    // Words that ask the question, never a name on their own.
    'report',
    'reported',
    'reporting',
    'say',
    'said',
    'status',
    'progress',
    'data',
    'action',
    'meeting',
    'member',
    'next',
    'current',
    'open',
    'outstanding',
    'overdue',
    'rag',
    'many',
    'much',
    'does',
    'did',
  ].map(stem),
);

/**
 * Everyday words that are also surnames or first names ("Line", "Helps", "Green", "Will"): a name
 * made of one of them alone is not taken as a person; the full name still is.
 */
export const COMMON_WORDS = new Set(
  [
    'line',
    'helps',
    'help',
    'laws',
    'law',
    'dare',
    'page',
    'bell',
    'wood',
    'mason',
    'green',
    'brown',
    'white',
    'black',
    'young',
    'long',
    'hall',
    'king',
    'hill',
    'park',
    'rose',
    'will',
    'may',
    'mark',
    'bill',
    'dawn',
    'grace',
    'faith',
    'hope',
    'joy',
    'sue',
    'pat',
    'case',
    'cross',
    'rich',
    'chase',
    'lead',
    'day',
    'short',
    'small',
    'street',
    'power',
    'cook',
    'west',
    'north',
  ].map(stem),
);
