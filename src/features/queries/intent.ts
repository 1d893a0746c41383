/**
 * What a question asks, as plain data: the output of `understand` and the input of the answer
 * services. Names are the canonical names from the vocabulary, never the user's spelling.
 */

/** A financial-year quarter as understood from the question ("Q2", "quarter 2 2022/23"). */
export interface PeriodRef {
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
}

export type BoardRoleName = 'CHAIR' | 'VICE_CHAIR' | 'OFFICER' | 'CLERK';

/** Whose work a question is about. */
export type OwnerRef =
  | { kind: 'service'; name: string }
  | { kind: 'organisation'; name: string }
  | { kind: 'person'; name: string };

/** Whose actions: the asker ("my actions"), a person, organisation, group or board role. */
export type ActionOwnerRef =
  | { kind: 'me' }
  | { kind: 'person'; name: string }
  | { kind: 'organisation'; name: string }
  | { kind: 'group'; name: string }
  | { kind: 'role'; role: BoardRoleName };

export type WhoTarget =
  | { kind: 'members' }
  | { kind: 'person'; name: string }
  | { kind: 'role'; role: BoardRoleName }
  | { kind: 'service'; name: string }
  | { kind: 'organisation'; name: string };

/** One way to read an ambiguous question, with the question text that asks it unambiguously. */
export interface Choice {
  label: string;
  question: string;
}

export type Intent =
  | { kind: 'rag-overall'; period?: PeriodRef }
  | { kind: 'rag-priority'; priority: number; period?: PeriodRef }
  | { kind: 'rag-commitment'; ref: string; period?: PeriodRef }
  | { kind: 'rag-owner'; owner: OwnerRef; period?: PeriodRef }
  | { kind: 'metric-latest'; metric: string }
  | { kind: 'metric-compare'; metric: string }
  | { kind: 'metric-trend'; metric: string }
  | { kind: 'crime-table' }
  | { kind: 'actions-outstanding'; owner?: ActionOwnerRef; overdue: boolean }
  | { kind: 'reported'; reporter?: OwnerRef; ref?: string; priority?: number; period?: PeriodRef }
  | { kind: 'who-is'; target: WhoTarget }
  | { kind: 'next-meeting' }
  | { kind: 'help' }
  | { kind: 'ambiguous'; prompt: string; choices: Choice[] }
  | { kind: 'unknown' };

export type IntentKind = Intent['kind'];

/**
 * The partnership's own words, read from its data: what `understand` matches questions against.
 * Plain data so that the matching is pure and works for any partnership.
 */
export interface Vocabulary {
  priorities: Array<{
    number: number;
    title: string;
    shortName?: string | null;
    aliases: string[];
  }>;
  services: Array<{ name: string; aliases: string[]; kind: 'SERVICE' | 'GROUP' }>;
  organisations: Array<{ name: string; shortName?: string | null; aliases: string[] }>;
  people: Array<{ name: string; honorific?: string | null }>;
  metrics: Array<{ key: string; name: string; aliases: string[] }>;
  /** Periods that have data, any order. */
  periods: PeriodRef[];
}
