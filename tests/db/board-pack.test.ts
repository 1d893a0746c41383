import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packDocx } from '../../src/features/board-pack/board-pack.docx.ts';
import { layoutBoardPack } from '../../src/features/board-pack/board-pack.layout.ts';
import { packMarkdown } from '../../src/features/board-pack/board-pack.markdown.ts';
import type { BoardPack } from '../../src/features/board-pack/board-pack.model.ts';
import { buildBoardPack } from '../../src/features/board-pack/board-pack.service.ts';
import { RAG_FILL } from '../../src/features/board-pack/pack-document.ts';
import { importPartnershipFile } from '../../src/features/partnership-file/import.service.ts';
import { EXAMPLE_FILE } from '../../src/features/partnership-file/seed.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { FixedClock } from '../../src/time/clock.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { documentXml, docxParagraphs, docxShadedCells } from '../unit/board-pack/docx-text.ts';

const example = parse(readFileSync(EXAMPLE_FILE, 'utf8'));
const REFS: string[] = example.strategy.priorities.flatMap((p: any) => p.sections.flatMap((s: any) => s.commitments.map((c: any) => c.ref)));
const Q2_RAGS: Array<{ ref: string; rag: string[] }> = example.updates.filter((u: any) => u.period === 'Q2 2022/23' && u.rag).map((u: any) => ({ ref: u.ref, rag: u.rag }));
const SEEDS = readFileSync(new URL('../../../shared/seeds/001_429c88fe3254fceb.txt', import.meta.url), 'utf8');

const commitments = (pack: BoardPack) => pack.priorities.flatMap((p) => p.sections.flatMap((s) => s.commitments));

describe.each(BACKENDS)('board pack for 27 October 2022 on %s', (backend) => {
  let t: TestDatabase;
  let meetingId: string;
  let pack: BoardPack;
  let docx: Buffer;
  let paragraphs: string[];
  const clock = new FixedClock('2022-10-20T09:00:00Z');
  const ctx = () => ({ db: t.db, clock });

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await importPartnershipFile({ db: t.db, clock, log: createLogger('silent') }, EXAMPLE_FILE, { actorLabel: 'test' });
    const meetings = await t.db.prisma.meeting.findMany({ select: { id: true, startsAt: true } });
    meetingId = meetings.find((m) => m.startsAt.toISOString().startsWith('2022-10-27'))!.id;
    const started = performance.now();
    pack = await buildBoardPack(ctx(), meetingId, 'public');
    docx = await packDocx(layoutBoardPack(pack));
    console.info(`board pack (${backend}): built and written in ${Math.round(performance.now() - started)} ms, ${docx.length} bytes`);
    paragraphs = docxParagraphs(docx);
  }, 120_000);
  afterAll(async () => t.dispose());

  it('reports Q2 2022/23 with the Q1 lines, in the seeds’ headings', () => {
    expect(pack.period.label).toBe('Q2 2022/23');
    expect(pack.earlierPeriods).toEqual(['Q1 2022/23']);
    expect(paragraphs).toContain('Priority 1 – Safer Neighbourhoods');
    expect(paragraphs).toContain('2022/23 Quarter 2 - Update');
    expect(paragraphs).toContain('Main Partners – Police & LBB Community Safety');
    expect(paragraphs).toContain('Commitments within the SBPS');
    expect(paragraphs).toContain('RAG Status');
    expect(paragraphs).toContain('1. Improve partnership and stakeholder engagement and collaboration');
  });

  it('holds every commitment of the strategy, once, by its reference', () => {
    const refs = commitments(pack).map((c) => c.ref);
    expect([...refs].sort()).toEqual([...REFS].sort());
    for (const ref of REFS) expect(paragraphs.some((p) => p.startsWith(`${ref}  `)), ref).toBe(true);
  });

  it('prints every RAG as written, shaded, and a split cell with both words', () => {
    const byRef = new Map(commitments(pack).map((c) => [c.ref, c.rag]));
    for (const { ref, rag } of Q2_RAGS) expect(byRef.get(ref)?.words, ref).toEqual(rag);
    const shaded = docxShadedCells(docx);
    for (const word of ['Achieved and ongoing', 'Achieved and continues', 'Amber', 'Red', 'Green Progress Made but more to do', 'In Process Achieved'])
      expect(shaded.some((c) => c.text === word), word).toBe(true);
    expect(SEEDS).toContain('Achieved\nand ongoing');
    expect(shaded.find((c) => c.text === 'Red')!.fill).toBe(RAG_FILL.RED);
    expect(shaded.find((c) => c.text === 'In Process Achieved')!.fill).toBe(RAG_FILL.AMBER);
  });

  it('prints the period lines as the seeds do, including "not requested" and "not provided"', () => {
    for (const line of ['Q1 Update – There were 3 CIDs in Q1. All highly successful.', 'Q1 Update – not requested', 'Q1 Updates not requested', 'Q2 Updates not provided', 'Q1 Update – No change to above'])
      expect(paragraphs, line).toContain(line);
    const cids = paragraphs.findIndex((p) => p.startsWith('Q1 Update – There were 3 CIDs'));
    expect(paragraphs[cids + 1]).toMatch(/^Q2 Update – There were 3 CIDs in Q2/);
  });

  it('has the crime performance table with both rolling years, % as printed, and flags where it disagrees', () => {
    expect(pack.crime).toMatchObject({ previousLabel: 'Rolling Year Jan 21', currentLabel: 'Rolling Year Jan 22' });
    const text = paragraphs.join('\n');
    for (const [name, before, after, printed] of [['Total Notifiable Offences', '21,328', '24,594', '+14'], ['Hate Crime', '513', '805', '+44'], ['Knife Crime Offences', '215', '189', '-12%'], ['ASB Calls', '13,620', '7,267', '-47']])
      expect(text).toContain([name, before, after, printed].join('\n'));
    expect(text).toContain('+44\nFlag: the figures give +56.9%');
    expect(text).toContain('+14\nFlag: the figures give +15.3%');
    expect(text).not.toMatch(/-47\nFlag/);
  });

  it('has the Matters Arising appendix with minutes 26 and 30, and a cover with RAG counts and actions due', () => {
    expect(pack.mattersArising.rows.map((r) => r.minute)).toEqual([26, 30]);
    expect(paragraphs).toContain('Appendix A – Matters Arising');
    expect(paragraphs).toContain('Minute 26');
    expect(paragraphs.some((p) => p.startsWith('The Chairman requested that an update on the Combating Drugs Partnership'))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith('The Chairman led a discussion by the Partnership on the development of the new Safer Bromley Strategy.'))).toBe(true);
    const p2 = pack.cover.ragCounts.find((r) => r.priority.startsWith('Priority 2'))!;
    expect(p2.counts).toMatchObject({ GREEN: 10, AMBER: 5, RED: 1 });
    expect(pack.cover.dueAtMeeting.map((a) => a.minute)).toEqual([26, 30]);
    expect(pack.cover.overdue).toEqual([]);
    expect(paragraphs).toContain('Overdue: none.');
  });

  it('leaves board-only updates out of the public version and keeps them in the board version', async () => {
    const line = await t.db.prisma.narrative.findFirstOrThrow({ where: { commitment: { ref: '2.3.2' }, supersededAt: null }, select: { id: true, text: true } });
    const opening = 'A board-only line about the MARAC coordinator.';
    await t.db.prisma.narrative.update({ where: { id: line.id }, data: { boardOnly: true, text: opening } });
    try {
      const publicMd = packMarkdown(layoutBoardPack(await buildBoardPack(ctx(), meetingId, 'public')));
      const boardMd = packMarkdown(layoutBoardPack(await buildBoardPack(ctx(), meetingId, 'board')));
      expect(publicMd).not.toContain(opening);
      expect(boardMd).toContain(opening);
      expect(boardMd).toContain('[Board only]');
      expect(boardMd).toContain('Board version: includes updates marked board only. Not for publication.');
      expect(publicMd).toContain('Public version: updates marked board only are left out.');
    } finally {
      await t.db.prisma.narrative.update({ where: { id: line.id }, data: { boardOnly: false, text: line.text } });
    }
  });

  it('has page numbers, headings and real tables', () => {
    const footer = documentXml(docx, 'word/footer1.xml');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    const xml = documentXml(docx);
    expect(xml.match(/<w:tbl>/g)!.length).toBeGreaterThanOrEqual(7);
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(docxShadedCells(docx).length).toBeGreaterThan(80);
  });
});
