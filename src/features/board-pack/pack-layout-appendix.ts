import type { FigureAnswer } from '../metrics/figure-answer.ts';
import type { CrimeTable } from '../metrics/crime-table.ts';
import { COLUMNS as MATTERS_COLUMNS } from '../meetings/matters-arising.rules.ts';
import type { MattersArisingReport } from '../meetings/matters-arising.service.ts';
import type { RagStatus } from '../../generated/prisma/enums.ts';
import { cell, para, plain, text, type Block, type Cell } from './pack-document.ts';

const number = (n: number | null, computed: boolean) => (n === null ? '–' : `${n.toLocaleString('en-GB')}${computed ? ' (computed)' : ''}`);
const signed = (n: number) => `${n > 0 ? '+' : ''}${n}%`;

/** A figure's RAG as printed (or from thresholds), shaded by what the word says; "Not rated" when there is none. */
function figureRag(row: FigureAnswer): Cell {
  if (!row.rag) return cell([plain('Not rated')], { rag: 'NOT_REPORTED' });
  const word = row.rag.word.toLowerCase();
  const status: RagStatus = word.includes('red') ? 'RED' : word.includes('amber') ? 'AMBER' : word.includes('green') ? 'GREEN' : word.includes('achieved') ? 'ACHIEVED' : 'NOT_REPORTED';
  return cell([para(text(row.rag.word, { bold: true }))], { rag: status });
}

/** The % as printed; where it disagrees with its own figures, both, flagged. */
function changeCell(row: FigureAnswer): Cell {
  const shown = para(text(row.changeText ?? '–'), text(row.changeFrom === 'computed' ? ' (computed)' : ''));
  if (!row.disagreement) return cell([shown]);
  return cell([shown, para(text(`Flag: the figures give ${signed(row.disagreement.computedPct)}`, { bold: true }))]);
}

/** The crime performance table, in the seeds' columns. */
export function crimeBlocks(table: CrimeTable): Block[] {
  const header = ['Category', table.previousLabel, table.currentLabel, '% Difference between the Rolling Years', 'RAG Status'].map((h) => cell([plain(h)], { header: true }));
  const rows = table.rows.map((r) => [
    cell([plain(r.metric.name)]),
    cell([plain(number(r.previous.value, r.previous.source === 'COMPUTED'))]),
    cell([plain(number(r.value, r.source === 'COMPUTED'))]),
    changeCell(r),
    figureRag(r),
  ]);
  const flagged = table.rows.filter((r) => r.disagreement).length;
  return [
    { type: 'pageBreak' },
    { type: 'heading', level: 1, text: 'Crime performance' },
    { type: 'para', para: para(text(`${table.borough}, ${table.previousLabel} and ${table.currentLabel}. Published figures and % changes as printed; figures marked "computed" come from the monthly police data.`)) },
    { type: 'table', widths: [30, 16, 16, 22, 16], header, rows },
    {
      type: 'para',
      para: para(text(flagged ? `${flagged} printed % change${flagged === 1 ? ' disagrees' : 's disagree'} with ${flagged === 1 ? 'its' : 'their'} own figures: both are shown, flagged.` : 'Every printed % change agrees with its figures.', { italic: true })),
    },
  ];
}

/** Appendix A: the clerk's Matters Arising report for the meeting. */
export function mattersBlocks(report: MattersArisingReport): Block[] {
  const head: Block[] = [
    { type: 'pageBreak' },
    { type: 'heading', level: 1, text: 'Appendix A – Matters Arising' },
    { type: 'para', para: para(text(report.title)) },
  ];
  if (report.rows.length === 0) return [...head, { type: 'para', para: plain('There are no matters arising from previous meetings.') }];
  const header = MATTERS_COLUMNS.map((c) => cell([plain(c)], { header: true }));
  const rows = report.rows.map((r) => [
    cell([plain(r.label.minute), plain(`${r.label.day}${r.label.ordinal} ${r.label.monthYear}`)]),
    cell([plain(r.mattersArising)]),
    cell([plain(r.update)]),
  ]);
  return [...head, { type: 'table', widths: [18, 46, 36], header, rows }];
}
