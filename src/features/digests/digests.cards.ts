import { cardAttachment, renderTemplate } from '../../cards/card-templates.ts';
import { escapeCardText } from '../../cards/escape.ts';
import type { DigestContent } from './digest-content.service.ts';
import type { FigureMovement } from './figure-movements.ts';

const n = (v: number) => v.toLocaleString('en-GB');
const signed = (v: number) => `${v > 0 ? '+' : ''}${v}%`;

function clip(text: string, max = 220): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** "Total Notifiable Offences: 21,328 (Rolling Year Jan 21) → 24,594 (…), +15.3%; printed "+14" (does not match)". */
export function figureLine(f: FigureMovement): string {
  const printed = f.publishedChange
    ? Number.parseFloat(f.publishedChange) === Math.round(f.changePercent)
      ? ` (printed ${f.publishedChange})`
      : ` (printed ${f.publishedChange}: the figures give ${signed(f.changePercent)})`
    : '';
  return `${f.metric}: ${n(f.previous)} (${f.previousLabel}) → ${n(f.latest)} (${f.latestLabel}), ${signed(f.changePercent)}${printed}`;
}

/** The channel's digest card after a meeting. User-written text is escaped. */
export function renderDigestCard(d: DigestContent) {
  const line = (text: string) => ({ line: text });
  return cardAttachment(
    renderTemplate('digests-digest', {
      title: `Board meeting of ${d.meetingDay}: digest`,
      subtitle: 'What was decided, what is owed, and what moved.',
      decisions: d.decisions.map((x) => line(`Minute ${x.minute} (${escapeCardText(x.title)}): ${escapeCardText(x.resolution)}`)),
      newActions: d.newActions.map((a) => line(`${a.ref}: ${escapeCardText(clip(a.text))} (Owners: ${escapeCardText(a.owners)}; due ${a.due})`)),
      closedActions: d.closedActions.map((a) => line(`${a.ref}: ${escapeCardText(clip(a.text, 160))} (${a.status} ${a.on})`)),
      ragTitle: d.rag.from ? `RAG changes, ${d.rag.from} to ${d.rag.to}` : 'RAG changes',
      ragChanges: d.rag.changes.map((c) => line(`${c.ref} ${escapeCardText(clip(c.text, 100))}: ${c.from} → ${c.to}${c.note ? `. ${escapeCardText(clip(c.note, 200))}` : ''}`)),
      ragEmpty: d.rag.from ? 'No commitment changed its RAG.' : 'Fewer than two periods have RAG ratings yet.',
      figures: d.figures.map((f) => line(escapeCardText(figureLine(f)))),
      nextMeeting: d.nextMeeting ? `Next meeting: ${d.nextMeeting}` : 'The next meeting is not scheduled yet.',
    }),
  );
}

/** A member's short 1:1 after the digest: their open actions and the round updates they owe. */
export function renderYourItemsCard(d: { meetingDay: string; actions: string[]; owed?: string }) {
  const items = [...d.actions.map((a) => escapeCardText(a)), ...(d.owed ? [escapeCardText(d.owed)] : [])];
  return cardAttachment(
    renderTemplate('digests-your-items', {
      title: `Your items after the meeting of ${d.meetingDay}`,
      items: items.map((line) => ({ line: `• ${line}` })),
      footer: 'Reply "update on minute N: …" to post an update, or "what do I owe?" for the round.',
    }),
  );
}
