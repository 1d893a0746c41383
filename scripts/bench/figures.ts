import type { PackTime } from './board-pack-time.ts';
import type { FanOutResult } from './fan-out.ts';
import type { Series } from './measure.ts';
import type { MemoryAfterCollection } from './processes.ts';
import type { QueryCount } from './query-counts.ts';
import type { ScaledHistory } from './scale-history.ts';
import { ratio } from './stats.ts';
import { TURN_KINDS, type TurnKind } from './turns.ts';

/** The targets the issue sets, as numbers the figures are checked against. */
export const TARGETS = { postgresVsFloor: 3, pgliteVsFloor: 5, growth: 1.5, fanOutRate: 0.9, rssVsFloor: 3 };

/** Everything one run measured, before it is judged against the targets. */
export interface RawResults {
  turns: number;
  /** By target name: floor, postgres 1×, pglite 1×, postgres 10×, postgres 100×. */
  series: Record<string, Series>;
  queryCounts: Record<string, Record<TurnKind, QueryCount>>;
  history: Record<string, ScaledHistory>;
  /** RSS as read after the timed turns, garbage and all. */
  rssMiB: Record<string, number>;
  /** RSS and live heap after a full garbage collection in each child. */
  afterCollection: Record<string, MemoryAfterCollection>;
  startMs: Record<string, number>;
  fanOut: FanOutResult | { error: string };
  boardPack: Record<string, PackTime> | { notMeasured: string };
}

/** One figure of the report with its target and whether it is met (null: no target, reported for information). */
export interface Figure {
  section: string;
  name: string;
  value: number | string;
  unit: string;
  target: string;
  met: boolean | null;
}

const fig = (section: string, name: string, value: number | string, unit: string, target = '—', met: boolean | null = null): Figure => ({ section, name, value, unit, target, met });

export function judge(r: RawResults): Figure[] {
  return [...turnFigures(r), ...growthFigures(r), ...fanOutFigures(r), ...memoryFigures(r), ...documentFigures(r)];
}

function turnFigures(r: RawResults): Figure[] {
  const floor = r.series.floor!;
  return (
    [
      ['postgres 1×', 'PostgreSQL', TARGETS.postgresVsFloor],
      ['pglite 1×', 'PGlite', TARGETS.pgliteVsFloor],
    ] as const
  ).flatMap(([name, label, limit]) =>
    TURN_KINDS.map((kind) => {
      const x = ratio(r.series[name]![kind].p99, floor[kind].p99);
      return fig('Turn time vs the floor', `p99 ${label} / floor: ${kind}`, x, '×', `≤ ${limit}×`, x <= limit);
    }),
  );
}

function growthFigures(r: RawResults): Figure[] {
  return TURN_KINDS.flatMap((kind) => {
    const x = ratio(r.series['postgres 100×']![kind].p99, r.series['postgres 1×']![kind].p99);
    const counts = ['1×', '10×', '100×'].map((s) => r.queryCounts[s]?.[kind]);
    const known = counts.every(Boolean);
    const constant = known && counts.every((c) => c!.min === counts[0]!.min && c!.max === counts[0]!.max);
    const shown = counts.map((c) => (c ? (c.min === c.max ? `${c.min}` : `${c.min}–${c.max}`) : '?')).join(' / ');
    return [
      fig('Growth', `p99 100× / 1× (PostgreSQL): ${kind}`, x, '×', `≤ ${TARGETS.growth}×`, x <= TARGETS.growth),
      fig('Growth', `SQL statements per turn 1× / 10× / 100×: ${kind}`, shown, 'statements', 'constant', known ? constant : false),
    ];
  });
}

function fanOutFigures(r: RawResults): Figure[] {
  const f = r.fanOut;
  if ('error' in f) return [fig("Fan-out vs Teams' limit", 'round to 1,000 members', `failed: ${f.error}`, '', 'completes', false)];
  return [
    fig("Fan-out vs Teams' limit", 'achieved rate / Teams limit (50/s per tenant)', f.rateRatio, '×', `≥ ${TARGETS.fanOutRate}`, f.rateRatio >= TARGETS.fanOutRate),
    fig("Fan-out vs Teams' limit", '429s provoked', f.throttled429, 'responses'),
    fig("Fan-out vs Teams' limit", 'duplicates', f.duplicates, 'cards', '0', f.duplicates === 0),
    fig("Fan-out vs Teams' limit", 'losses', f.losses, 'members', '0', f.losses === 0),
  ];
}

function memoryFigures(r: RawResults): Figure[] {
  const asRead = (name: string) => ratio(r.rssMiB[name]!, r.rssMiB.floor!);
  const collected = (name: string) => ratio(r.afterCollection[name]!.rssMiB, r.afterCollection.floor!.rssMiB);
  // Judged on what each process keeps after a full collection, the floor alike: RSS as read also
  // counts whatever garbage each happened to hold at that moment, which moved the floor by a third.
  const pg = collected('postgres 1×');
  return [
    fig('Memory and start', 'RSS after load and a full collection, PostgreSQL / floor', pg, '×', `≤ ${TARGETS.rssVsFloor}×`, pg <= TARGETS.rssVsFloor),
    fig('Memory and start', 'RSS after load and a full collection, PGlite / floor', collected('pglite 1×'), '×'),
    fig('Memory and start', 'RSS after load as read, PostgreSQL / floor', asRead('postgres 1×'), '×'),
    fig('Memory and start', 'RSS after load as read, PGlite / floor', asRead('pglite 1×'), '×'),
    fig('Memory and start', 'time to /readyz, empty (PostgreSQL) / floor time to listen', ratio(r.startMs['empty']!, r.startMs.floor!), '×'),
    fig('Memory and start', 'time to /readyz, 100× (PostgreSQL) / floor time to listen', ratio(r.startMs['postgres 100×']!, r.startMs.floor!), '×'),
  ];
}

function documentFigures(r: RawResults): Figure[] {
  const b = r.boardPack;
  if ('notMeasured' in b) return [fig('Documents', 'board pack', `not measured (${b.notMeasured})`, '')];
  return [
    fig('Documents', 'board pack (Word), example', b['1×']!.ms, 'ms'),
    fig('Documents', 'board pack (Word), 100×', b['100×']!.ms, 'ms'),
    fig('Documents', 'board pack 100× / example', ratio(b['100×']!.ms, b['1×']!.ms), '×'),
  ];
}
