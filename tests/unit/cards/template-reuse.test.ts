import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../../src/cards/card-templates.ts';

/** Data for queries-rag, whose template has repeated ($data) and conditional ($when) parts. */
const rag = (title: string, rows: number) => ({
  title,
  subtitle: 'Q2 2022/23',
  counts: [{ label: '1 Green', colour: 'good' }],
  groups: [],
  rows: Array.from({ length: rows }, (_, i) => ({ ref: `1.1.${i + 1}`, text: `Item ${i + 1}`, rag: 'Green', reporters: 'Housing' })),
  source: 'From the records.',
});

describe('renderTemplate', () => {
  it('reuses each parsed template without carrying anything from one render to the next', () => {
    const first = renderTemplate('queries-rag', rag('First', 3));
    const second = renderTemplate('queries-rag', rag('Second', 1));
    expect(JSON.stringify(second)).toContain('Second');
    expect(JSON.stringify(second)).not.toContain('First');
    expect(renderTemplate('queries-rag', rag('First', 3))).toEqual(first);
  });
});
