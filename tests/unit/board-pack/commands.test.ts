import { describe, expect, it } from 'vitest';
import { parseBoardPackCommand } from '../../../src/features/board-pack/board-pack.commands.ts';
import { textParas } from '../../../src/features/board-pack/pack-document.ts';
import { packHtml } from '../../../src/features/board-pack/board-pack.html.ts';

describe('asking for the board pack in chat', () => {
  it.each([
    ['board pack for the October meeting', { version: 'public', meeting: { kind: 'month', month: 10 } }],
    ['board pack for 27 October', { version: 'public', meeting: { kind: 'date', raw: '27 October' } }],
    ['Can I have the board-pack for 27th October 2022?', { version: 'public', meeting: { kind: 'date', raw: '27th October 2022' } }],
    ['board pack for the October 2022 meeting', { version: 'public', meeting: { kind: 'month', month: 10, year: 2022 } }],
    ['board pack for 2022-10-27', { version: 'public', meeting: { kind: 'date', raw: '2022-10-27' } }],
    ['board pack', { version: 'public', meeting: { kind: 'next' } }],
    ['the board version of the board pack for the last meeting', { version: 'board', meeting: { kind: 'last' } }],
  ])('reads "%s"', (text, expected) => {
    expect(parseBoardPackCommand(text)).toEqual(expected);
  });

  it('leaves other messages to other features', () => {
    for (const text of ['what is the board saying about 2.3.1', 'matters arising for 27 October', 'pack up'])
      expect(parseBoardPackCommand(text)).toBeUndefined();
  });
});

describe('the document model', () => {
  it('keeps the papers’ paragraphs and "- " lists', () => {
    const paras = textParas('Intro line\nwraps here\n\n- first\n- second\n\nAfter.', [{ text: '1.1.1 ', bold: true }]);
    expect(paras.map((p) => [p.bullet ?? false, p.runs.map((r) => r.text).join('')])).toEqual([
      [false, '1.1.1 Intro line wraps here'],
      [true, 'first'],
      [true, 'second'],
      [false, 'After.'],
    ]);
  });

  it('escapes what people wrote in HTML and shades RAG cells with the word inside', () => {
    const html = packHtml({
      title: 'T',
      runningHead: 'H',
      blocks: [{ type: 'table', widths: [80, 20], header: [{ paras: [{ runs: [{ text: 'A' }] }] }, { paras: [{ runs: [{ text: 'B' }] }] }], rows: [[{ paras: [{ runs: [{ text: '<script>x</script> & co' }] }] }, { paras: [{ runs: [{ text: 'Amber' }] }], rag: 'AMBER' }]] }],
    });
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt; &amp; co');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/<td class="rag rag-amber" style="background:#FFD966"><p>Amber<\/p><\/td>/);
  });
});
