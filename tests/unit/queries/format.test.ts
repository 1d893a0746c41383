import { describe, expect, it } from 'vitest';
import { provenanceText, ragWordText } from '../../../src/features/queries/format.ts';

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
