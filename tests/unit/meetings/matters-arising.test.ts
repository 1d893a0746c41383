import { describe, expect, it } from 'vitest';
import { mattersArisingDocx } from '../../../src/features/meetings/matters-arising.docx.ts';
import {
  COLUMNS,
  mattersArisingMarkdown,
  mattersArisingText,
  minuteLabel,
  ordinal,
  type MattersArisingRow,
} from '../../../src/features/meetings/matters-arising.rules.ts';
import { appendixAHeader, appendixARows, docxTableRows, unzipEntry } from './appendix-a.ts';

const MINUTE_30 = [
  'The Chairman led a discussion by the Partnership on the development of the new Safer Bromley Strategy.',
  'Two approaches were considered comprising the formation of Task and Finish Groups or a one-off Strategy Day. In discussion, partners strongly supported the formation of four Task and Finish Groups and agreed that these would be based around the themes/priorities of the existing Safer Bromley Strategy.',
  'It was agreed that a proposal on how the Task and Finish Groups would operate, including ownership and membership be brought to the next meeting of the Safer Bromley Partnership in October 2022.',
  'RESOLVED, that a further update be brought to the next meeting of the Safer Bromley Partnership.',
].join('\n\n');

describe('matters arising wording', () => {
  it('prints the first column as the clerk does, with the day’s ordinal', () => {
    expect(minuteLabel(26, new Date('2022-08-17T09:00:00Z')).labelText).toBe('Minute 26 17 th August 2022');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(ordinal)).toEqual(['st', 'nd', 'rd', 'th', 'th', 'th', 'th', 'st', 'nd', 'rd', 'st']);
    // Late evening in BST is still the same London day.
    expect(minuteLabel(5, new Date('2022-08-17T22:30:00Z')).labelText).toBe('Minute 5 17 th August 2022');
  });

  it('quotes a paragraph that says who asked on its own', () => {
    const text = 'The report was noted.\n\nThe Chairman requested an update for October.\n\nRESOLVED, that the report be noted.';
    expect(mattersArisingText(text, 'The Chairman requested an update for October.')).toBe('The Chairman requested an update for October.');
  });

  it('quotes the discussion up to an impersonal "It was agreed…" paragraph, without the resolution', () => {
    const action = MINUTE_30.split('\n\n')[2]!;
    expect(mattersArisingText(MINUTE_30, action)).toBe(appendixARows()[1]![1]);
  });

  it('falls back to the action’s own words when the minute does not contain them', () => {
    expect(mattersArisingText('', 'Invite the Police to the PDS Committee.')).toBe('Invite the Police to the PDS Committee.');
  });

  it('writes a Markdown table with the report’s headings and escapes pipes', () => {
    const row = { minute: 1, seq: 1, label: { minute: 'Minute 1', day: '1', ordinal: 'st', monthYear: 'May 2022' }, labelText: 'Minute 1 1 st May 2022', mattersArising: 'A | B', update: 'line one\nline two', status: 'Open' };
    const md = mattersArisingMarkdown('Matters arising', [row]);
    expect(COLUMNS).toEqual(appendixAHeader());
    expect(md).toContain('| Minute Number/Title | Matters Arising | Update |');
    expect(md).toContain('| Minute 1 1 st May 2022 | A \\| B | line one line two |');
    expect(mattersArisingMarkdown('Matters arising', [])).toContain('There are no matters arising');
  });
});

describe('matters arising as Word', () => {
  const rows: MattersArisingRow[] = appendixARows().map(([label, arising, update], i) => ({
    minute: [26, 30][i]!,
    seq: 1,
    ...minuteLabel([26, 30][i]!, new Date('2022-08-17T09:00:00Z')),
    mattersArising: arising!,
    update: update!,
    status: 'Open',
  }));

  it('is a .docx whose table reads as the seeds’ Appendix A, the ordinal raised', async () => {
    const docx = await mattersArisingDocx({ title: 'Matters arising for the meeting of 27 October 2022', rows });
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const xml = unzipEntry(docx, 'word/document.xml');
    expect(xml).toContain('Matters arising for the meeting of 27 October 2022');
    expect(xml).toMatch(/<w:vertAlign w:val="superscript"\/>/);
    expect(docxTableRows(xml)).toEqual([appendixAHeader(), ...appendixARows()]);
  });

  it('says so when there is nothing to report', async () => {
    const xml = unzipEntry(await mattersArisingDocx({ title: 'Matters arising', rows: [] }), 'word/document.xml');
    expect(xml).toContain('There are no matters arising from previous meetings.');
    expect(docxTableRows(xml)).toEqual([]);
  });
});
