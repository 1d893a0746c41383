import { MetricsFileError } from './metrics-file.error.ts';
import type { FigureInput } from './figures.writer.ts';
import type { DashboardFile, DashboardRow, PlainFile } from './metrics.schemas.ts';
import type { MetricNames, NamedMetric } from './metric-names.ts';
import { monthEnd, monthLabel, type MonthIndex } from './months.ts';
import { periodEndDate, periodLabel } from './periods.ts';

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
const cents = (value: number) => Math.round(value * 100) / 100;

/** Which rows of a dashboard file were used, and what was left out. */
export interface DashboardMapping {
  figures: FigureInput[];
  rowsUsed: number;
  months: MonthIndex[];
  boroughs: string[];
  unmatched: string[];
  otherMeasures: string[];
}

/**
 * The dashboard's borough rows of offence counts, summed per metric and month. A metric named
 * like an Offence Subgroup takes that subgroup; one named like an Offence Group (and no subgroup)
 * takes the whole group. SNT rows, other measures and other boroughs are left out and reported.
 */
export function dashboardFigures(
  file: DashboardFile,
  borough: string,
  names: MetricNames,
): DashboardMapping {
  const rows = file.rows.filter(
    (r) => squash(r.areaType) === 'borough' && squash(r.borough) === squash(borough),
  );
  const offences = rows.filter((r) => squash(r.measure) === 'offences');
  const { sums, unmatched, rowsUsed } = sumByMetric(offences, names);
  const figures = [...sums.values()].map<FigureInput>((s) => ({
    metricId: s.metric.id,
    area: borough,
    periodKind: 'MONTH',
    periodEnd: monthEnd(s.month),
    periodLabel: monthLabel(s.month),
    value: s.total,
    source: 'COMPUTED',
  }));
  return {
    figures,
    rowsUsed,
    months: [...new Set(rows.map((r) => r.month))],
    boroughs: [...new Set(file.rows.map((r) => r.borough))].sort(),
    unmatched: [...unmatched].sort(),
    otherMeasures: [
      ...new Set(rows.filter((r) => squash(r.measure) !== 'offences').map((r) => r.measure)),
    ].sort(),
  };
}

/** Each row counts towards the metric named like its subgroup, and the one named like its group unless that metric takes subgroups. */
function sumByMetric(rows: readonly DashboardRow[], names: MetricNames) {
  const bySubgroup = new Set(rows.map((r) => names.find(r.subgroup)?.id).filter(Boolean));
  const sums = new Map<string, { metric: NamedMetric; month: MonthIndex; total: number }>();
  const unmatched = new Set<string>();
  let rowsUsed = 0;
  for (const row of rows) {
    const targets = new Set<NamedMetric>();
    const sub = row.subgroup ? names.find(row.subgroup) : undefined;
    if (sub) targets.add(sub);
    const group = names.find(row.group);
    if (group && !bySubgroup.has(group.id)) targets.add(group);
    if (targets.size === 0)
      unmatched.add(row.subgroup ? `${row.group} / ${row.subgroup}` : row.group);
    else rowsUsed++;
    for (const metric of targets) {
      const key = `${metric.id}|${row.month}`;
      const sum = sums.get(key) ?? { metric, month: row.month, total: 0 };
      sum.total += row.count;
      sums.set(key, sum);
    }
  }
  return { sums, unmatched, rowsUsed };
}

/** A plain file's rows as published figures; a metric the catalogue does not know rejects the file. */
export function plainFigures(
  file: PlainFile,
  borough: string,
  names: MetricNames,
  fyStartMonth: number,
): FigureInput[] {
  return file.rows.map((row) => {
    const metric = names.find(row.metric);
    if (!metric) {
      const known = names.metrics.map((m) => m.name).join(', ') || 'none yet';
      throw new MetricsFileError(row.line, `no metric called "${row.metric}" (known: ${known})`);
    }
    return {
      metricId: metric.id,
      area: row.area ?? borough,
      periodKind: row.period.kind,
      periodEnd: periodEndDate(row.period),
      periodLabel: periodLabel(row.period, fyStartMonth),
      value: cents(row.value),
      source: 'PUBLISHED',
      publishedChange: row.change,
      publishedRag: row.rag,
    };
  });
}
