import type { PackCommitment, PackLine, PackPriority, RagCell, ServiceBlock } from './board-pack.model.ts';
import { cell, para, plain, text, textParas, type Block, type Cell, type Para } from './pack-document.ts';

/** The paper's table: commitments on the left, their RAG on the right. */
export const COMMITMENT_COLUMNS = ['Commitments within the SBPS', 'RAG Status'] as const;
const WIDTHS = [80, 20];
const LINE_KINDS = new Set(['UPDATE', 'NO_CHANGE', 'NOT_APPLICABLE', 'NOT_REQUESTED', 'NOT_PROVIDED']);

/** A RAG cell: every word as written (a split cell keeps both), shaded by the normalised status. */
export function ragCell(rag: RagCell): Cell {
  return cell(rag.words.map((w) => para(text(w, { bold: true }))), { rag: rag.status });
}

/**
 * A period line as printed: its label then its text ("Q1 Update – not requested"). A line the
 * bot recorded without a label (a card answer, a round closed with nothing) is given the
 * quarter's label when it starts that quarter's lines; a later paragraph continues it.
 */
function lineParas(line: PackLine, previous: PackLine | undefined): Para[] {
  const starts = !previous || previous.periodLabel !== line.periodLabel || !LINE_KINDS.has(previous.kind);
  const label = line.label ?? (LINE_KINDS.has(line.kind) && starts ? `${line.periodLabel.split(' ')[0]} Update –` : null);
  const lead = [
    ...(line.boardOnly ? [text('[Board only] ', { bold: true })] : []),
    ...(label ? [text(`${label} `, { bold: LINE_KINDS.has(line.kind), italic: line.kind === 'CASE_STUDY' })] : []),
  ];
  const paras = textParas(line.text, lead);
  return line.kind === 'CASE_STUDY' ? paras.map((p) => ({ ...p, runs: p.runs.map((r) => ({ ...r, italic: true })) })) : paras;
}

function serviceParas(block: ServiceBlock): Para[] {
  const head = block.service ? [para(text(block.service, { bold: true, italic: true }))] : [];
  return [...head, ...block.lines.flatMap((line, i) => lineParas(line, block.lines[i - 1]))];
}

function commitmentRow(c: PackCommitment): Cell[] {
  const statement = textParas(c.text, [text(`${c.ref}  `, { bold: true })]);
  return [cell([...statement, ...c.services.flatMap(serviceParas)]), ragCell(c.rag)];
}

/** One priority's quarterly update in the seeds' structure. */
export function priorityBlocks(p: PackPriority): Block[] {
  const intro: Block[] = [
    { type: 'heading', level: 1, text: p.heading },
    { type: 'heading', level: 2, text: p.periodHeading },
    ...(p.leadPartners ? [{ type: 'para', para: para(text(p.leadPartners, { bold: true })) } as Block] : []),
    ...(p.aims ? textParas(p.aims).map((x): Block => ({ type: 'para', para: x })) : []),
  ];
  const rows = p.sections.flatMap((s) => [
    [cell([para(text(`${s.number}. ${s.title}`, { bold: true }))], { span: 2 })],
    ...s.commitments.map(commitmentRow),
  ]);
  const header = COMMITMENT_COLUMNS.map((c) => cell([plain(c)], { header: true }));
  return [...intro, { type: 'table', widths: WIDTHS, header, rows }];
}
