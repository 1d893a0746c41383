import type { MetricsFileFormat, WideHeaderVersion } from './metrics.schemas.ts';
import type { ImportPlan } from './import-plan.ts';
import type { WriteTally } from './versioning.ts';

/** What an import read and did: printed by the command, shown to the officer in chat. */
export interface ImportReport extends Omit<ImportPlan, 'counts' | 'figures'> {
  file: string;
  format: MetricsFileFormat;
  header?: WideHeaderVersion;
  sha256: string;
  partnership: string;
  borough: string;
  /** The batch written, or null when the same file had already been imported. */
  batchId: string | null;
  /** When the same file (by content) was imported before, for this borough: nothing was written. */
  alreadyImportedAt: Date | null;
  /** Police month counts (wide files) or figures (dashboard, plain): new, revised, unchanged. */
  written: WriteTally;
}

const FORMAT_NAMES: Record<MetricsFileFormat, string> = {
  'mps-wide': 'Met Police borough-level crime file',
  'mps-dashboard': 'MPS Monthly Crime Dashboard file',
  plain: 'metric,period,value file',
};

/** The report as a few lines of plain text. */
export function formatImportReport(r: ImportReport): string {
  const kind = r.format === 'mps-wide' ? 'month counts' : 'figures';
  const lines = [
    `${r.file}: ${FORMAT_NAMES[r.format]}${r.header ? ` (header ${r.header})` : ''}, for ${r.borough} (${r.partnership}).`,
    `Rows: ${r.rows} read, ${r.rowsUsed} used. Months: ${r.months ? `${r.months.first} to ${r.months.last} (${r.months.count})` : 'none'}.`,
    `Boroughs in the file: ${r.boroughs.join(', ') || 'none'}.`,
    `${r.format === 'mps-wide' ? 'Categories' : 'Metrics'} (${r.categories.length}): ${r.categories.join('; ')}.`,
    r.alreadyImportedAt
      ? `Already imported on ${r.alreadyImportedAt.toISOString()}: nothing changed.`
      : `${cap(kind)}: ${r.written.new} new, ${r.written.revised} revised (earlier values kept as history), ${r.written.unchanged} unchanged.`,
    ...r.skipped.map((s) => `Left out: ${s}.`),
  ];
  return lines.join('\n');
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
