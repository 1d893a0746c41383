import { z } from 'zod/v4';
import type { MonthIndex } from './months.ts';
import type { Period } from './periods.ts';

/** One entry of `Metric.policeCategories`: a group, or a group's subgroup; `{ major: "*" }` is every category. */
export const PoliceCategorySchema = z.object({
  major: z.string().trim().min(1),
  minor: z.string().trim().min(1).optional(),
});
export type PoliceCategory = z.infer<typeof PoliceCategorySchema>;
export const PoliceCategoriesSchema = z.array(PoliceCategorySchema);

/** `Metric.ragThresholds`: % change at or past `green` is Green, at or past `red` Red, Amber between. */
export const RagThresholdsSchema = z.object({ green: z.number(), red: z.number() });
export type RagThresholds = z.infer<typeof RagThresholdsSchema>;

/** What `importPoliceFile` is told besides the file. */
export const ImportOptionsSchema = z.object({
  borough: z.string().trim().min(1).max(100).optional(),
  partnershipId: z.string().min(1).optional(),
  /** Who imported it, for the audit trail ("npm run metrics:import", an officer's name). */
  actorLabel: z.string().min(1).max(200).optional(),
  actorId: z.string().min(1).optional(),
});
export type ImportOptions = z.infer<typeof ImportOptionsSchema>;

/** The wide Met Police headers: which name the borough column has. */
export type WideHeaderVersion = 'LookUp_BoroughName' | 'BoroughName' | 'BOCU';

export interface WideRow {
  line: number;
  /** Canonical spellings (police-categories.ts), and as written. */
  major: string;
  minor: string;
  writtenMajor: string;
  writtenMinor: string;
  borough: string;
  /** One count per month column, in header order. */
  counts: number[];
}

/** A Met Police borough-level file: one row per category and borough, one column per month. */
export interface WideFile {
  format: 'mps-wide';
  header: WideHeaderVersion;
  months: MonthIndex[];
  rows: WideRow[];
}

export interface DashboardRow {
  line: number;
  month: MonthIndex;
  areaType: string;
  borough: string;
  areaName: string;
  group: string;
  subgroup: string;
  measure: string;
  count: number;
}

/** The MPS Monthly Crime Dashboard long format: one row per month, area, offence and measure. */
export interface DashboardFile {
  format: 'mps-dashboard';
  rows: DashboardRow[];
}

export interface PlainRow {
  line: number;
  metric: string;
  period: Period;
  /** As written, e.g. "Rolling Year Jan 22". */
  periodText: string;
  value: number;
  /** The % change as printed ("+14"), when the file has a `change` column. */
  change?: string;
  rag?: string;
  area?: string;
}

/** A `metric,period,value` file of figures typed from board papers or dashboards. */
export interface PlainFile {
  format: 'plain';
  rows: PlainRow[];
}

export type MetricsFile = WideFile | DashboardFile | PlainFile;
export type MetricsFileFormat = MetricsFile['format'];
