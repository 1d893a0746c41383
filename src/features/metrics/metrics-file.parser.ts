import { readCsv } from './csv-reader.ts';
import { MetricsFileError } from './metrics-file.error.ts';
import type { MetricsFile } from './metrics.schemas.ts';
import { isDashboardHeader, parseDashboard } from './mps-dashboard.parser.ts';
import { parseWide, wideHeaderVersion } from './mps-wide.parser.ts';
import { isPlainHeader, parsePlain } from './plain-figures.parser.ts';

/** The largest file read: the Met's whole-London borough files are about 1 MB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Reads any of the figures files the bot takes, telling them apart by the header: the Met
 * Police wide borough files (three header versions), the Monthly Crime Dashboard long format, or
 * a plain `metric,period,value` file. Pure: text in, rows out, or a MetricsFileError.
 */
export function parseMetricsFile(text: string, fyStartMonth = 4): MetricsFile {
  if (text.includes('\u0000'))
    throw new MetricsFileError(undefined, 'this is not a text (CSV) file');
  const records = readCsv(text);
  const head = records[0];
  if (!head) throw new MetricsFileError(undefined, 'the file is empty');
  if (wideHeaderVersion(head.cells)) return parseWide(records);
  if (isDashboardHeader(head.cells)) return parseDashboard(records);
  if (isPlainHeader(head.cells)) return parsePlain(records, fyStartMonth);
  throw new MetricsFileError(
    head.line,
    'unrecognised header: expected MajorText,MinorText,LookUp_BoroughName,YYYYMM… / MajorText,MinorText,BoroughName,YYYYMM… / ' +
      'Group,SubGroup,BOCU,YYYYMM… (Met Police borough files), the Monthly Crime Dashboard columns (Month_Year, Area Type, …, Count), ' +
      'or metric,period,value',
  );
}
