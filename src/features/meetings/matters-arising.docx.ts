import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { COLUMNS, type MattersArisingRow } from './matters-arising.rules.ts';
import type { MattersArisingReport } from './matters-arising.service.ts';

/** Column widths (percent) close to the clerk's report: a narrow first column, two wide ones. */
const WIDTHS = [18, 46, 36];

function textCell(text: string, width: number, bold = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
  });
}

/** "Minute 26", then "17" with a raised "th" and "August 2022", as the printed report sets it. */
function labelCell(row: MattersArisingRow): TableCell {
  const { minute, day, ordinal, monthYear } = row.label;
  return new TableCell({
    width: { size: WIDTHS[0]!, type: WidthType.PERCENTAGE },
    children: [
      new Paragraph({ children: [new TextRun({ text: minute })] }),
      new Paragraph({ children: [new TextRun({ text: day }), new TextRun({ text: ordinal, superScript: true }), new TextRun({ text: ` ${monthYear}` })] }),
    ],
  });
}

/**
 * The Matters Arising report as a Word document for the agenda pack: a heading and the
 * three-column table (Minute Number/Title | Matters Arising | Update).
 */
export async function mattersArisingDocx(report: Pick<MattersArisingReport, 'title' | 'rows'>): Promise<Buffer> {
  const header = new TableRow({ tableHeader: true, children: COLUMNS.map((c, i) => textCell(c, WIDTHS[i]!, true)) });
  const rows = report.rows.map(
    (r) => new TableRow({ children: [labelCell(r), textCell(r.mattersArising, WIDTHS[1]!), textCell(r.update, WIDTHS[2]!)] }),
  );
  const body = report.rows.length
    ? [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] })]
    : [new Paragraph({ children: [new TextRun('There are no matters arising from previous meetings.')] })];
  const doc = new Document({
    creator: 'Partnership Board bot',
    title: report.title,
    sections: [{ children: [new Paragraph({ text: report.title, heading: HeadingLevel.HEADING_1 }), ...body] }],
  });
  return Packer.toBuffer(doc);
}
