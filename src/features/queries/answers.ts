import type { Choice } from './intent.ts';

/** A normalised RAG status as stored. */
export type RagStatusName = 'ACHIEVED' | 'GREEN' | 'AMBER' | 'RED' | 'NOT_REPORTED';

/** The word every RAG is shown with: never colour alone. */
export const STATUS_WORDS: Record<RagStatusName, string> = {
  ACHIEVED: 'Achieved',
  GREEN: 'Green',
  AMBER: 'Amber',
  RED: 'Red',
  NOT_REPORTED: 'Not reported',
};

export const STATUS_ORDER: RagStatusName[] = ['ACHIEVED', 'GREEN', 'AMBER', 'RED', 'NOT_REPORTED'];

export interface StatusCount {
  status: RagStatusName;
  count: number;
}

/** One commitment's current RAG, with where it comes from. */
export interface RagRow {
  ref: string;
  text: string;
  status: RagStatusName;
  /** As written ("Achieved and continues"); two words for a split cell; empty when not reported. */
  written: string[];
  /** "Q2 2022/23"; empty when not reported. */
  period: string;
  reporters: string[];
}

export interface RagAnswer {
  kind: 'rag';
  title: string;
  /** Every period the ratings shown come from. */
  periods: string[];
  counts: StatusCount[];
  total: number;
  /** Per priority, for the overall answer. */
  groups: Array<{ label: string; counts: StatusCount[] }>;
  rows: RagRow[];
  /** The overall answer lists only what needs attention (Red, Amber, split cells). */
  listed: 'all' | 'attention';
  source: string;
}

export interface FigureView {
  value: number;
  label: string;
}

/** A figure and the same period a year before, for "compared with last year". */
export interface FigureComparison {
  label: string;
  value: number;
  previous?: FigureView;
  changeText?: string;
}

export interface MetricAnswer {
  kind: 'metric';
  /** "latest" shows the figure the board quotes; "compare" adds shorter periods against last year. */
  asked: 'latest' | 'compare';
  name: string;
  unit: string;
  latest: FigureView & {
    source: 'PUBLISHED' | 'COMPUTED';
    publishedChange?: string;
    document?: string;
    area: string;
  };
  /** The same period a year before. */
  previous?: FigureView & { source: 'PUBLISHED' | 'COMPUTED' };
  /** Worked out from the two figures. */
  change?: { absolute: number; percent: number };
  /** The printed change is not the change between the published figures themselves. */
  disagreement?: { printed: string; computedPct: number };
  /** Which way it moved, and whether that is what the partnership wants for this measure. */
  direction?: { movement: 'up' | 'down' | 'flat'; judgement: 'good' | 'bad' | 'neutral' };
  rag?: { word: string; from: 'printed' | 'thresholds' };
  /** When the data behind the figure came in (the paper's import, or the police file's). */
  importedAt?: Date;
  comparisons: FigureComparison[];
}

/** "hate crime trend": a run of figures, oldest first; a period with no figure is null. */
export interface TrendAnswer {
  kind: 'metric-trend';
  name: string;
  unit: string;
  /** "Month by month" or "Rolling years, as published". */
  series: string;
  points: Array<{ label: string; value: number | null }>;
  area: string;
  source: string;
}

/** The board's crime performance table: two rolling years side by side. */
export interface CrimeTableAnswer {
  kind: 'crime-table';
  previousLabel: string;
  currentLabel: string;
  area: string;
  rows: Array<{
    name: string;
    previous: number | null;
    current: number | null;
    /** As printed where the board printed one, else computed (whole per cent). */
    change: string | null;
    rag: string | null;
    /** Why the printed change is not the change between the two figures, when it is not. */
    flag?: string;
  }>;
  source: string;
}

export interface ActionItem {
  minute: number;
  meetingDate: Date;
  text: string;
  owners: string[];
  status: string;
  ageDays: number;
  due?: Date;
  overdue: boolean;
  lastUpdate?: string;
}

export interface ActionsAnswer {
  kind: 'actions';
  title: string;
  items: ActionItem[];
}

export interface ReportedItem {
  ref: string;
  commitment: string;
  service?: string;
  label?: string;
  narrativeKind: string;
  text: string;
  period: string;
}

export interface ReportedAnswer {
  kind: 'reported';
  title: string;
  periods: string[];
  items: ReportedItem[];
  /** Items found but not shown, to keep the card readable. */
  omitted: number;
}

export interface PersonView {
  name: string;
  honorific?: string;
  title?: string;
  organisation?: string;
  roles: string[];
  answersFor: string[];
  email: string;
}

export interface PeopleAnswer {
  kind: 'people';
  title: string;
  subtitle: string;
  people: PersonView[];
  note?: string;
}

export interface MeetingAnswer {
  kind: 'meeting';
  meeting?: {
    startsAt: Date;
    place?: string;
    title?: string;
    note?: string;
    agenda: Array<{ number: string; title: string }>;
  };
  zone: string;
}

/** A plain reply: nothing found, or no such priority. */
export interface NoticeAnswer {
  kind: 'notice';
  text: string;
}

export interface ChoicesAnswer {
  kind: 'choices';
  prompt: string;
  choices: Choice[];
}

export interface HelpAnswer {
  kind: 'help';
  examples: string[];
}

export type Answer =
  | RagAnswer
  | MetricAnswer
  | TrendAnswer
  | CrimeTableAnswer
  | ActionsAnswer
  | ReportedAnswer
  | PeopleAnswer
  | MeetingAnswer
  | NoticeAnswer
  | ChoicesAnswer
  | HelpAnswer;
