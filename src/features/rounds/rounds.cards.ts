import { escapeCardText } from '../../cards/escape.ts';
import { cardAttachment, renderTemplate } from '../../cards/card-templates.ts';
import type { PlannedCommitment } from './round-plan.service.ts';
import type { PreviousReport } from './round-history.ts';
import { VERBS, type AnswerMode } from './rounds.schemas.ts';

/** Field ids of one commitment's inputs in the partner's card. */
export function inputIds(ref: string) {
  return { idMode: `mode-${ref}`, idRag: `rag-${ref}`, idNarrative: `narrative-${ref}`, idSupport: `support-${ref}`, idBoardOnly: `boardOnly-${ref}` };
}

export interface CurrentAnswer {
  mode: AnswerMode;
  rag?: string;
  narrative?: string;
  supportNeeded: boolean;
  boardOnly: boolean;
}

export interface PartnerCardData {
  sentCardId: string;
  partnerName: string;
  periodLabel: string;
  due: string;
  page: number;
  pages: number;
  ragChoices: Array<{ title: string; value: string }>;
  items: Array<{ commitment: PlannedCommitment; previous?: PreviousReport; current?: CurrentAnswer }>;
}

function ragText(words: string[] | undefined): string {
  return words && words.length ? words.join(' / ') : 'no RAG recorded';
}

function role(c: PlannedCommitment): string {
  const shared = c.sharedWith.length ? ` Shared with ${c.sharedWith.join(', ')}, who write their own narratives.` : '';
  return c.isLead
    ? `You answer for ${c.serviceName} and set the RAG.${shared}`
    : `You write ${c.serviceName}'s narrative; the lead service sets the RAG.${shared}`;
}

/** The partner's card: each commitment with last period's answer, the RAG words, a narrative. */
export function renderPartnerCard(data: PartnerCardData) {
  return cardAttachment(
    renderTemplate('rounds-partner', {
      verb: VERBS.submit,
      sentCardId: data.sentCardId,
      title: `${data.periodLabel} update for ${data.partnerName}`,
      subtitle: `Due ${data.due}.${data.pages > 1 ? ` Card ${data.page} of ${data.pages}.` : ''} Red and Amber need a narrative.`,
      ragChoices: data.ragChoices,
      items: data.items.map(({ commitment: c, previous, current }) => ({
        ...inputIds(c.ref),
        heading: `${c.ref} ${c.text}`,
        role: role(c),
        isLead: c.isLead,
        previousLine: previous ? `${previous.periodLabel}: ${ragText(previous.ragWords)}` : 'Last period: nothing recorded',
        previousNarrative: previous?.narrative ? escapeCardText(clip(previous.narrative, 600)) : '',
        mode: current?.mode ?? 'update',
        rag: current?.rag ?? '',
        narrative: current?.narrative ?? '',
        support: String(current?.supportNeeded ?? false),
        boardOnly: String(current?.boardOnly ?? false),
      })),
    }),
  );
}

export interface AnsweredCardData {
  sentCardId: string;
  periodLabel: string;
  partnerName: string;
  canEdit: boolean;
  late: boolean;
  items: Array<{ ref: string; status: string; direction: string; narrative: string; flags: string }>;
}

/** The read-only summary a submitted card turns into, with "edit" while the round is open. */
export function renderAnsweredCard(data: AnsweredCardData) {
  return cardAttachment(
    renderTemplate('rounds-answered', {
      ...data,
      verb: VERBS.edit,
      title: `Recorded: ${data.periodLabel} update for ${data.partnerName}${data.late ? ' (late)' : ''}`,
    }),
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
