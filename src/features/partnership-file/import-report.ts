import type { ImportReport } from './import.service.ts';

/** The missing-from-file list is cut here when printed; the report itself keeps all of it. */
const MISSING_SHOWN = 50;

/** The report as `npm run import` prints it, for the officer who ran it. */
export function formatImportReport(
  report: ImportReport,
  file: string,
  ms: number,
  prune: boolean,
): string {
  const lines = [
    `Imported ${report.partnership} from ${file} in ${(ms / 1000).toFixed(1)} s`,
    `  created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}${prune ? `, pruned ${report.pruned}` : ''}`,
    `  the file holds: ${Object.entries(report.counts)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ')}`,
  ];
  if (report.missingFromFile.length === 0) {
    lines.push('  the database holds nothing that the file lacks');
    return lines.join('\n');
  }
  lines.push(
    prune
      ? `  not in the file, so retired or deleted (--prune): ${report.missingFromFile.length}`
      : `  in the database but not in the file (kept; run again with --prune to retire or delete them): ${report.missingFromFile.length}`,
  );
  for (const item of report.missingFromFile.slice(0, MISSING_SHOWN)) lines.push(`    - ${item}`);
  const more = report.missingFromFile.length - MISSING_SHOWN;
  if (more > 0) lines.push(`    … and ${more} more`);
  return lines.join('\n');
}
