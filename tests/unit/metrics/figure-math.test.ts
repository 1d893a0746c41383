import { describe, expect, it } from 'vitest';
import {
  figureAnswer,
  type MetricFacts,
  type StoredFigure,
} from '../../../src/features/metrics/figure-answer.ts';
import {
  agreesWithPrinted,
  formatPct,
  judgementOf,
  parsePrintedChange,
  percentChange,
  ragFromThresholds,
} from '../../../src/features/metrics/figure-math.ts';
import { monthIndex } from '../../../src/features/metrics/months.ts';

/** The seeds' crime table: Rolling Year Jan 21, Jan 22 and the % as printed. */
const SEEDS: Array<[string, number, number, string, boolean]> = [
  ['Total Notifiable Offences', 21328, 24594, '+14', false],
  ['Non-Domestic Violence with Injury', 1280, 1448, '+14', false],
  ['Total Burglary', 1452, 1577, '+8', true],
  ['Theft of Motor Vehicles', 950, 1056, '+10', false],
  ['Knife Crime Offences', 215, 189, '-12%', true],
  ['Sexual offences', 496, 606, '+19', false],
  ['Domestic Abuse Offences', 2900, 2697, '-7', true],
  ['Hate Crime', 513, 805, '+44', false],
  ['ASB Calls', 13620, 7267, '-47', true],
];

describe('printed % changes', () => {
  it('reads "+14", "-12%", "−7" and "+16% (441)"', () => {
    expect(parsePrintedChange('+14')).toEqual({ pct: 14, decimals: 0 });
    expect(parsePrintedChange('-12%')).toEqual({ pct: -12, decimals: 0 });
    expect(parsePrintedChange('\u22127')).toEqual({ pct: -7, decimals: 0 });
    expect(parsePrintedChange('14.5%')).toEqual({ pct: 14.5, decimals: 1 });
    expect(parsePrintedChange('+16% (441)')).toEqual({ pct: 16, decimals: 0, previous: 441 });
    expect(parsePrintedChange('n/a')).toBeUndefined();
  });

  it('flags the seeds rows whose printed % is not their own figures rounded or truncated', () => {
    for (const [name, before, after, printed, agrees] of SEEDS)
      expect(
        agreesWithPrinted(parsePrintedChange(printed)!, percentChange(before, after)!),
        name,
      ).toBe(agrees);
  });

  it('computes the change the conventions quote: hate crime +57%, TNO +15%', () => {
    expect(formatPct(percentChange(513, 805))).toBe('+57%');
    expect(formatPct(percentChange(21328, 24594))).toBe('+15%');
    expect(percentChange(0, 5)).toBeNull();
  });
});

describe('direction and RAG', () => {
  it('judges a rise good only where more is better (hate crime reporting)', () => {
    expect(judgementOf('up', 'UP')).toBe('good');
    expect(judgementOf('up', 'DOWN')).toBe('bad');
    expect(judgementOf('down', 'DOWN')).toBe('good');
    expect(judgementOf('down', 'NEITHER')).toBe('neutral');
    expect(judgementOf('flat', 'UP')).toBe('neutral');
  });

  it('rates a change against thresholds either way round', () => {
    const fallsGood = { green: -5, red: 5 };
    expect([-10, -5, 0, 5, 10].map((p) => ragFromThresholds(p, fallsGood))).toEqual([
      'Green',
      'Green',
      'Amber',
      'Red',
      'Red',
    ]);
    const risesGood = { green: 5, red: -5 };
    expect([-10, 0, 10].map((p) => ragFromThresholds(p, risesGood))).toEqual([
      'Red',
      'Amber',
      'Green',
    ]);
    expect(ragFromThresholds(3, undefined)).toBeNull();
  });
});

describe('figureAnswer', () => {
  const end = monthIndex(2022, 1);
  const published = (
    value: number,
    monthEnd: number,
    change: string | null = null,
  ): StoredFigure => ({
    periodKind: 'ROLLING_YEAR',
    end: monthEnd,
    periodLabel: 'x',
    value,
    publishedChange: change,
    publishedRag: null,
    sourceDocument: 'paper',
    recordedAt: new Date(0),
  });
  const facts = (figures: StoredFigure[], monthly = new Map<number, number>()): MetricFacts => ({
    metric: {
      id: 'm',
      key: 'hate-crime',
      name: 'Hate Crime',
      unit: 'offences',
      goodDirection: 'UP',
      ragThresholds: { green: 5, red: -5 },
    },
    monthly,
    published: new Map(figures.map((f) => [`ROLLING_YEAR|${f.end}`, f])),
    fyStartMonth: 4,
  });

  it('quotes the published figure, flags "+44" against 513 → 805, and judges the rise by the metric', () => {
    const monthly = new Map(
      Array.from({ length: 24 }, (_, i) => [end - i, 50] as [number, number]),
    );
    const a = figureAnswer(
      facts([published(513, end - 12), published(805, end, '+44')], monthly),
      { kind: 'ROLLING_YEAR', end },
      null,
    );
    expect(a).toMatchObject({
      value: 805,
      source: 'PUBLISHED',
      computedValue: 600,
      changeText: '+44',
      changeFrom: 'printed',
      changePct: 56.9,
      movement: 'up',
      judgement: 'good',
    });
    expect(a.previous).toMatchObject({
      value: 513,
      source: 'PUBLISHED',
      computedValue: 600,
      periodEnd: '2021-01-31',
    });
    expect(a.disagreement).toEqual({ printed: '+44', printedPct: 44, computedPct: 56.9 });
    expect(a.rag).toEqual({ word: 'Green', from: 'thresholds' });
  });

  it('takes the earlier figure printed in brackets when none is stored: "+16% (441)" agrees with 513', () => {
    const a = figureAnswer(
      facts([published(513, end, '+16% (441)')]),
      { kind: 'ROLLING_YEAR', end },
      null,
    );
    expect(a.previous).toMatchObject({ value: 441, source: 'PUBLISHED' });
    expect(a.disagreement).toBeNull();
  });

  it('falls back to computed figures and says when the two compared differ in source', () => {
    const monthly = new Map(
      Array.from({ length: 24 }, (_, i) => [end - i, i < 12 ? 60 : 50] as [number, number]),
    );
    const computed = figureAnswer(facts([], monthly), { kind: 'ROLLING_YEAR', end }, new Date(5));
    expect(computed).toMatchObject({
      value: 720,
      source: 'COMPUTED',
      changeText: '+20%',
      changeFrom: 'computed',
      mixedSources: false,
      importedAt: new Date(5),
    });
    expect(computed.previous.value).toBe(600);
    const mixed = figureAnswer(
      facts([published(805, end)], monthly),
      { kind: 'ROLLING_YEAR', end },
      null,
    );
    expect(mixed).toMatchObject({ value: 805, source: 'PUBLISHED', mixedSources: true });
    expect(mixed.previous.source).toBe('COMPUTED');
  });
});
