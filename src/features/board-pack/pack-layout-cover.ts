import { STATUS_WORD } from '../rounds/rag-status.ts';
import type { BoardPack, PackAction } from './board-pack.model.ts';
import { STATUS_COLUMNS } from './board-pack-cover.ts';
import { ragCell } from './pack-layout-priorities.ts';
import { cell, para, plain, text, type Block } from './pack-document.ts';

const p = (...runs: Parameters<typeof para>): Block => ({ type: 'para', para: para(...runs) });
const bullet = (t: string): Block => ({ type: 'para', para: { runs: [text(t)], bullet: true } });

export function versionLine(pack: Pick<BoardPack, 'version'>): string {
  return pack.version === 'board'
    ? 'Board version: includes updates marked board only. Not for publication.'
    : 'Public version: updates marked board only are left out.';
}

function actionLine(a: PackAction): string {
  return `Minute ${a.minute} (${a.meetingDate})${a.owners.length ? `, ${a.owners.join(', ')}` : ''}: ${a.text} Due: ${a.due}.`;
}

function ragTable(pack: BoardPack): Block {
  const header = [cell([plain('Priority')], { header: true }), ...STATUS_COLUMNS.map((s) => cell([plain(STATUS_WORD[s])], { header: true, rag: s })), cell([plain('Total')], { header: true })];
  const rows = pack.cover.ragCounts.map((r) => [
    cell([plain(r.priority)]),
    ...STATUS_COLUMNS.map((s) => cell([plain(String(r.counts[s]))])),
    cell([plain(String(r.total))]),
  ]);
  return { type: 'table', widths: [36, 11, 11, 11, 11, 12, 8], header, rows };
}

function changeBlocks(pack: BoardPack): Block[] {
  const { changes, newlyRated, unchanged, previousPeriodLabel } = pack.cover;
  const since = previousPeriodLabel ?? 'the previous period';
  const blocks: Block[] = [{ type: 'heading', level: 3, text: `Changes since ${since}` }];
  if (changes.length) {
    const header = ['Commitment', `${since}`, pack.period.label].map((h) => cell([plain(h)], { header: true }));
    blocks.push({ type: 'table', widths: [30, 35, 35], header, rows: changes.map((c) => [cell([plain(c.ref)]), ragCell(c.from), ragCell(c.to)]) });
  } else blocks.push(p(text('No commitment’s RAG status changed.')));
  blocks.push(p(text(`${unchanged} unchanged; ${newlyRated} rated for the first time this period (no ${since} rating recorded).`)));
  return blocks;
}

function actionBlocks(pack: BoardPack): Block[] {
  const { overdue, dueAtMeeting } = pack.cover;
  return [
    { type: 'heading', level: 3, text: 'Actions' },
    p(text(`Overdue: ${overdue.length === 0 ? 'none.' : overdue.length}`, { bold: true })),
    ...overdue.map((a) => bullet(actionLine(a))),
    p(text(`Due at this meeting: ${dueAtMeeting.length === 0 ? 'none.' : `${dueAtMeeting.length} (see Appendix A – Matters Arising)`}`, { bold: true })),
    ...dueAtMeeting.map((a) => bullet(actionLine(a))),
  ];
}

/** The cover: what this is, which version, which period, and the summary the chair reads first. */
export function coverBlocks(pack: BoardPack): Block[] {
  const { meeting, period, earlierPeriods } = pack;
  const quoted = earlierPeriods.length ? `, with the ${earlierPeriods.join(' and ')} lines they quote` : '';
  return [
    { type: 'heading', level: 1, text: `${pack.partnershipName} – Board pack` },
    p(text(`Meeting of ${meeting.date}`, { bold: true }), text(meeting.place ? `, ${meeting.place}` : '')),
    p(text(versionLine(pack), { bold: true })),
    p(text(`Quarterly updates for ${period.label} (${period.months})${quoted}.`)),
    p(text(`Generated from what the Partnership Board bot holds (updates, RAG ratings, figures and actions); RAG statuses are given in words as well as colour.`, { italic: true })),
    { type: 'heading', level: 2, text: 'Summary' },
    { type: 'heading', level: 3, text: `RAG status by priority, ${period.label}` },
    ragTable(pack),
    ...changeBlocks(pack),
    ...actionBlocks(pack),
    { type: 'heading', level: 3, text: 'Contents' },
    ...pack.priorities.map((x) => bullet(x.heading)),
    ...(pack.crime ? [bullet('Crime performance')] : []),
    bullet('Appendix A – Matters Arising'),
  ];
}
