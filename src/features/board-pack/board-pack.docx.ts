import {
  AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageBreak, PageNumber, Paragraph,
  ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType,
} from 'docx';
import { RAG_FILL, type Block, type Cell, type PackDocument, type Para } from './pack-document.ts';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const HEADER_FILL = 'D9E2F3';
/** A4 (11,906 twips) less two 1,000-twip margins: the width tables share out by their percentages. */
const TEXT_WIDTH = 9906;
const twips = (percent: number) => Math.round((percent / 100) * TEXT_WIDTH);

function paragraph(p: Para): Paragraph {
  return new Paragraph({
    ...(p.bullet ? { bullet: { level: 0 } } : {}),
    spacing: { after: 80 },
    children: p.runs.map((r) => new TextRun({ text: r.text, bold: r.bold ?? false, italics: r.italic ?? false })),
  });
}

function tableCell(c: Cell, width: number): TableCell {
  const fill = c.rag ? RAG_FILL[c.rag] : c.header ? HEADER_FILL : undefined;
  return new TableCell({
    width: { size: twips(width), type: WidthType.DXA },
    ...(c.span ? { columnSpan: c.span } : {}),
    ...(fill ? { shading: { fill, type: ShadingType.CLEAR, color: 'auto' } } : {}),
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: c.paras.map((p) => (c.header ? paragraph({ ...p, runs: p.runs.map((r) => ({ ...r, bold: true })) }) : paragraph(p))),
  });
}

function table(b: Extract<Block, { type: 'table' }>): Table {
  const row = (cells: Cell[], header = false) => {
    let at = 0;
    const children = cells.map((c) => {
      const width = b.widths.slice(at, at + (c.span ?? 1)).reduce((x, y) => x + y, 0);
      at += c.span ?? 1;
      return tableCell(c, width);
    });
    return new TableRow({ tableHeader: header, cantSplit: false, children });
  };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: b.widths.map(twips),
    layout: TableLayoutType.FIXED,
    rows: [row(b.header, true), ...b.rows.map((r) => row(r))],
  });
}

function block(b: Block): Array<Paragraph | Table> {
  switch (b.type) {
    case 'heading':
      return [new Paragraph({ text: b.text, heading: HEADINGS[b.level], keepNext: true })];
    case 'para':
      return [paragraph(b.para)];
    case 'table':
      return [table(b), new Paragraph({ text: '' })];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/**
 * The pack as a Word document: real headings (so Word's navigation and contents work), real
 * tables with a repeating header row, RAG cells shaded and worded, and "Page n of m" in the footer.
 */
export async function packDocx(doc: PackDocument): Promise<Buffer> {
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })],
  });
  const header = new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: doc.runningHead, size: 16 })] })] });
  const document = new Document({
    creator: 'Partnership Board bot',
    title: doc.title,
    styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 } } },
        headers: { default: header },
        footers: { default: footer },
        children: doc.blocks.flatMap(block),
      },
    ],
  });
  return Packer.toBuffer(document);
}
