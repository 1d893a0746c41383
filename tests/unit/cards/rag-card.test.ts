import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { QUERIES_CARD_FIXTURES } from './queries-card-fixtures.ts';

/** The RAG word beside each commitment ref, as the official parser reads the expanded card. */
function ragWords(): Map<string, AC.TextBlock> {
  const card = new AC.AdaptiveCard();
  card.parse(QUERIES_CARD_FIXTURES['queries-rag']!());
  const out = new Map<string, AC.TextBlock>();
  const visit = (element: AC.CardElement): void => {
    if (element instanceof AC.ColumnSet) {
      const [text, word] = [element.getColumnAt(0).getItemAt(0), element.getColumnAt(1)?.getItemAt(0)];
      const ref = text instanceof AC.TextBlock ? /^\*\*([\d.]+)\*\*/.exec(text.text ?? '')?.[1] : undefined;
      if (ref && word instanceof AC.TextBlock) out.set(ref, word);
    }
    if (element instanceof AC.CardElementContainer) for (let i = 0; i < element.getItemCount(); i++) visit(element.getItemAt(i));
  };
  for (let i = 0; i < card.getItemCount(); i++) visit(card.getItemAt(i));
  return out;
}

describe('the RAG card', () => {
  it('shows each commitment\'s RAG word in its colour, and "not reported" subtle', () => {
    const words = ragWords();
    const shown = (ref: string) => {
      const w = words.get(ref)!;
      return { text: w.text, color: w.color, bold: w.weight === AC.TextWeight.Bolder, subtle: w.isSubtle };
    };
    expect(shown('2.3.2')).toEqual({ text: 'Red', color: AC.TextColor.Attention, bold: true, subtle: false });
    expect(shown('4.8.6')).toMatchObject({ color: AC.TextColor.Warning, bold: true, subtle: false });
    expect(shown('4.1.1')).toEqual({ text: 'Achieved', color: AC.TextColor.Good, bold: true, subtle: false });
    expect(shown('2.1.1')).toEqual({ text: 'Green', color: AC.TextColor.Good, bold: true, subtle: false });
    expect(shown('4.9.1')).toMatchObject({ color: AC.TextColor.Default, bold: false, subtle: true });
  });
});
