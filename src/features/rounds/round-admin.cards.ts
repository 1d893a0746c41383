import { cardAttachment, renderTemplate } from '../../cards/card-templates.ts';
import { STATUS_WORD } from './rag-status.ts';
import type { RoundStatus } from './round-status.service.ts';
import type { RoundDraft } from './rounds.service.ts';
import { VERBS } from './rounds.schemas.ts';

/** What a round would send, for the officer to confirm or cancel (its preview card was written with the draft). */
export function renderPreviewCard(draft: RoundDraft) {
  const commitments = new Set(draft.plan.partners.flatMap((p) => p.commitments.map((c) => c.ref)));
  return cardAttachment(
    renderTemplate('rounds-preview', {
      sentCardId: draft.previewCardId,
      confirmVerb: VERBS.confirmOpen,
      cancelVerb: VERBS.cancelOpen,
      title: `Open the ${draft.periodLabel} round?`,
      summary: `${draft.plan.partners.length} partners will each get a card covering ${commitments.size} commitments${
        draft.priorityNumbers.length ? ` in priorities ${draft.priorityNumbers.join(', ')}` : ' in all priorities'
      }, due ${draft.dueOn}.`,
      partners: draft.plan.partners.map((p) => ({ name: p.name, refs: p.commitments.map((c) => c.ref).join(', ') })),
      hasUnowned: draft.plan.unowned.length > 0,
      unowned: draft.plan.unowned.map((u) => ({ line: `${u.ref} ${u.text.slice(0, 120)}` })),
      unownedTitle: `${draft.plan.unowned.length} commitments nobody answers for (no card will ask about them)`,
    }),
  );
}

/** Returned and outstanding, by partner and priority, with RAG counts and a chart. */
export function renderStatusCard(status: RoundStatus) {
  return cardAttachment(
    renderTemplate('rounds-status', {
      title: `${status.periodLabel} round: ${status.status === 'OPEN' ? `open, due ${status.due}` : 'closed'}`,
      summary: `${status.returned} of ${status.returned + status.outstanding} partners have returned their updates.`,
      partners: status.byPartner.map((p) => ({ name: p.name, state: p.returned ? 'Returned' : 'Outstanding', commitments: String(p.commitments) })),
      priorities: status.byPriority.map((p) => ({ name: `Priority ${p.number}`, answered: `${p.answered} of ${p.total}` })),
      hasRag: status.ragCounts.length > 0,
      rag: status.ragCounts.map((r) => ({ word: STATUS_WORD[r.status], count: r.count, countText: String(r.count) })),
    }),
  );
}

/** A short read-only card that replaces one whose action is done ("Sent 12 cards"). */
export function renderNoticeCard(title: string, text: string) {
  return cardAttachment(renderTemplate('rounds-notice', { title, text }));
}
