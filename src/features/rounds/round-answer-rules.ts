import { DomainError } from '../../domain-error.ts';
import type { NarrativeKind, Prisma, RagStatus, RagTerm, ReportingPeriod, Round } from '../../generated/prisma/client.ts';
import { previousQuarter, quarterLabel, type Quarter } from '../../time/financial-year.ts';
import { worstStatus } from './rag-status.ts';
import type { RoundCardRecord } from './round-cards.service.ts';
import { previousReports } from './round-history.ts';
import type { Answer } from './rounds.schemas.ts';

/** An answer checked against the card, the vocabulary and the rules, ready to store. */
export interface CheckedAnswer {
  ref: string;
  commitmentId: string;
  serviceId: string;
  isLead: boolean;
  mode: Answer['mode'];
  ragWords?: string[];
  ragStatus?: RagStatus;
  previousStatus?: RagStatus;
  narrative: string;
  narrativeKind: NarrativeKind;
  supportNeeded: boolean;
  boardOnly: boolean;
}

const NEEDS_NARRATIVE: ReadonlySet<RagStatus> = new Set(['RED', 'AMBER']);

/**
 * Applies the round's rules to a submission: only this card's commitments; RAG words from the
 * partnership's vocabulary and only from the lead; Red and Amber need a narrative; "no change"
 * carries last period's RAG forward. Unanswered commitments are left for later.
 */
export async function answerRules(
  db: Prisma.TransactionClient,
  round: Round & { period: ReportingPeriod; partnership: { ragTerms: RagTerm[] } },
  record: RoundCardRecord,
  answers: Answer[],
): Promise<CheckedAnswer[]> {
  const items = new Map(record.items.map((i) => [i.ref, i]));
  for (const a of answers) if (!items.has(a.ref)) throw new DomainError('round.not_on_card', `${a.ref} is not on this card, so nothing was recorded.`);
  const { period } = round;
  const previous = previousQuarter({ fiscalYear: period.fiscalYear, quarter: period.quarter as Quarter['quarter'] });
  const history = await previousReports(db, round.partnershipId, previous, record.items.map((i) => i.commitmentId));
  const vocabulary = new Map(round.partnership.ragTerms.map((t) => [t.word.toLowerCase(), t]));
  const checked: CheckedAnswer[] = [];
  for (const answer of answers) {
    const item = items.get(answer.ref)!;
    const before = history.get(item.commitmentId);
    const base = { ref: answer.ref, commitmentId: item.commitmentId, serviceId: item.serviceId, isLead: item.isLead, mode: answer.mode, supportNeeded: answer.supportNeeded, boardOnly: answer.boardOnly, previousStatus: before?.ragStatus as RagStatus | undefined };
    if (answer.mode === 'not-applicable') {
      checked.push({ ...base, narrative: answer.narrative ?? 'Not applicable this period.', narrativeKind: 'NOT_APPLICABLE' });
      continue;
    }
    if (answer.mode === 'no-change') {
      const words = item.isLead && before?.ragWords.length ? before.ragWords : undefined;
      checked.push({ ...base, ragWords: words, ragStatus: words ? (before!.ragStatus as RagStatus) : undefined, narrative: `No change since ${quarterLabel(previous)}.`, narrativeKind: 'NO_CHANGE' });
      continue;
    }
    if (!answer.rag && !answer.narrative) continue;
    let ragWords: string[] | undefined;
    let ragStatus: RagStatus | undefined;
    if (answer.rag) {
      if (!item.isLead) throw new DomainError('round.not_lead', `The lead service sets the RAG for ${answer.ref}; you write your narrative. Nothing was recorded.`);
      const term = vocabulary.get(answer.rag.toLowerCase());
      if (!term || !term.selectable) throw new DomainError('round.unknown_rag', `"${answer.rag.slice(0, 40)}" is not one of the partnership's RAG words, so nothing was recorded.`);
      ragWords = [term.word];
      ragStatus = worstStatus([term.status]);
    }
    if (ragStatus && NEEDS_NARRATIVE.has(ragStatus) && !answer.narrative)
      throw new DomainError('round.narrative_needed', `${answer.ref} is ${ragWords![0]}: please add a narrative saying why. Nothing was recorded.`);
    if (!answer.narrative) throw new DomainError('round.narrative_needed', `Please add a narrative for ${answer.ref}. Nothing was recorded.`);
    checked.push({ ...base, ragWords, ragStatus, narrative: answer.narrative, narrativeKind: 'UPDATE' });
  }
  return checked;
}
