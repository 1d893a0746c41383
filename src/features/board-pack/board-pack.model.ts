import type { NarrativeKind, RagStatus } from '../../generated/prisma/enums.ts';
import type { CrimeTable } from '../metrics/crime-table.ts';
import type { MattersArisingReport } from '../meetings/matters-arising.service.ts';

/** The public pack leaves board-only narratives out; the board version (officers) keeps them. */
export type PackVersion = 'public' | 'board';
export const PACK_VERSIONS: readonly PackVersion[] = ['public', 'board'];

/** A RAG cell as printed: the words as written, and the status they normalise to (the worse of a split). */
export interface RagCell {
  words: string[];
  status: RagStatus;
}

/** One paragraph of what a service said: standing text, a case study, or a period line ("Q1 Update – …"). */
export interface PackLine {
  kind: NarrativeKind;
  /** The label as printed ("Q1 Update –", "Case study –"), or null. */
  label: string | null;
  text: string;
  /** "Q1 2022/23": the period the line reports. */
  periodLabel: string;
  boardOnly: boolean;
}

/** What one service reported on a commitment, in the paper's order. */
export interface ServiceBlock {
  service: string | null;
  lines: PackLine[];
}

export interface PackCommitment {
  ref: string;
  text: string;
  /** A sub-commitment (1.4.1.1) sits under its parent. */
  isSub: boolean;
  services: ServiceBlock[];
  rag: RagCell;
}

export interface PackSection {
  number: number;
  title: string;
  commitments: PackCommitment[];
}

export interface PackPriority {
  number: number;
  /** "Priority 1 – Safer Neighbourhoods". */
  heading: string;
  /** "2022/23 Quarter 2 - Update". */
  periodHeading: string;
  leadPartners: string | null;
  aims: string | null;
  sections: PackSection[];
}

export type RagCounts = Record<RagStatus, number>;

/** A commitment whose normalised RAG moved between the previous period and this one. */
export interface RagChange {
  ref: string;
  from: RagCell;
  to: RagCell;
}

export interface PackAction {
  minute: number;
  meetingDate: string;
  text: string;
  owners: string[];
  due: string;
}

export interface CoverSummary {
  ragCounts: Array<{ priority: string; counts: RagCounts; total: number }>;
  previousPeriodLabel: string | null;
  /** Commitments rated in both periods whose status changed. */
  changes: RagChange[];
  /** Rated now and not in the previous period. */
  newlyRated: number;
  unchanged: number;
  overdue: PackAction[];
  dueAtMeeting: PackAction[];
}

export interface PackPeriod {
  id: string;
  fiscalYear: number;
  quarter: number;
  /** "Q2 2022/23". */
  label: string;
  /** "July – September 2022". */
  months: string;
}

/** Everything the board pack says, before it is laid out for Word, Markdown or HTML. */
export interface BoardPack {
  partnershipName: string;
  meeting: { id: string; startsAt: Date; date: string; isoDate: string; title: string | null; place: string | null };
  version: PackVersion;
  period: PackPeriod;
  previousPeriod: PackPeriod | null;
  /** Earlier quarters of the same year whose lines the pack quotes ("Q1 2022/23"). */
  earlierPeriods: string[];
  generatedAt: Date;
  cover: CoverSummary;
  priorities: PackPriority[];
  crime: CrimeTable | null;
  mattersArising: MattersArisingReport;
}
