import { describe, expect, it } from 'vitest';
import {
  changeBetween,
  disagrees,
  parsePublishedChange,
} from '../../../src/features/queries/figure-change.ts';
import { provenanceText, ragWordText } from '../../../src/features/queries/format.ts';

/** The Priority 1 crime performance table (rolling years to Jan 21 and Jan 22), as printed. */
const TABLE: Array<[string, number, number, string, boolean]> = [
  ['Total Notifiable Offences', 21328, 24594, '+14', true],
  ['Non-Domestic Violence with Injury', 1280, 1448, '+14', false],
  ['Total Burglary', 1452, 1577, '+8', false],
  ['Theft of Motor Vehicles', 950, 1056, '+10', true],
  ['Knife Crime Offences', 215, 189, '-12%', false],
  ['Sexual offences', 496, 606, '+19', true],
  ['Domestic Abuse Offences', 2900, 2697, '-7', false],
  ['Hate Crime', 513, 805, '+44', true],
  ['ASB Calls', 13620, 7267, '-47', false],
  ['Harassment (to February)', 3413, 3700, '+8.4%', false],
];

describe('published changes against their own figures', () => {
  it.each(TABLE)('%s: %d → %d printed %s', (_name, previous, latest, printed, wrong) => {
    const change = changeBetween(previous, latest)!;
    expect(disagrees(parsePublishedChange(printed)!, change.percent)).toBe(wrong);
  });

  it('reads printed changes in their several forms', () => {
    expect(parsePublishedChange('+44')).toEqual({ percent: 44, decimals: 0 });
    expect(parsePublishedChange('-12%')).toEqual({ percent: -12, decimals: 0 });
    expect(parsePublishedChange('+16% (441)')).toEqual({ percent: 16, decimals: 0 });
    expect(parsePublishedChange('-5.17%')).toEqual({ percent: -5.17, decimals: 2 });
    expect(parsePublishedChange('n/a')).toBeUndefined();
  });

  it('works out hate crime as +57% where the paper prints +44', () => {
    expect(Math.round(changeBetween(513, 805)!.percent)).toBe(57);
  });
});

describe('RAG words', () => {
  it('shows the word, the words as written, and a split as a split', () => {
    expect(ragWordText({ status: 'AMBER', written: ['Amber'] })).toBe('Amber');
    expect(ragWordText({ status: 'ACHIEVED', written: ['Achieved and continues'] })).toBe(
      'Achieved ("Achieved and continues")',
    );
    expect(ragWordText({ status: 'AMBER', written: ['In Process', 'Achieved'] })).toBe(
      'Amber (split: "In Process" and "Achieved")',
    );
  });

  it('says where a RAG comes from', () => {
    const row = {
      ref: '2.3.1',
      text: '',
      status: 'AMBER' as const,
      written: ['Amber'],
      period: 'Q2 2022/23',
      reporters: ['Community Safety'],
    };
    expect(provenanceText(row)).toBe('Amber as at Q2 2022/23, reported by Community Safety');
  });
});
