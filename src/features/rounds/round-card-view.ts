import { escapeCardText } from '../../cards/escape.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { previousQuarter, type Quarter } from '../../time/financial-year.ts';
import { direction, STATUS_WORD } from './rag-status.ts';
import type { SubmissionResult } from './round-answers.service.ts';
import { roundSlot } from './round-answer-store.ts';
import type { RoundCardRecord } from './round-cards.service.ts';
import { previousReports, ragChoices } from './round-history.ts';
import { planRound } from './round-plan.service.ts';
import { renderAnsweredCard, renderPartnerCard, type CurrentAnswer } from './rounds.cards.ts';

const MODE_OF: Record<string, CurrentAnswer['mode']> = { NO_CHANGE: 'no-change', NOT_APPLICABLE: 'not-applicable' };

/** A sent round card again, filled with what has been recorded so far: for "edit" and for delegates. */
export async function editableCard(tx: Prisma.TransactionClient, sentCardId: string) {
  const card = await tx.sentCard.findUniqueOrThrow({ where: { id: sentCardId }, include: { round: { include: { period: true } }, person: true } });
  const record = card.data as unknown as RoundCardRecord;
  const round = card.round!;
  const quarter: Quarter = { fiscalYear: round.period.fiscalYear, quarter: round.period.quarter as Quarter['quarter'] };
  const ids = record.items.map((i) => i.commitmentId);
  const [plan, previous, choices, narratives, ratings] = await Promise.all([
    planRound(tx, round.partnershipId, round.priorityNumbers),
    previousReports(tx, round.partnershipId, previousQuarter(quarter), ids),
    ragChoices(tx, round.partnershipId),
    tx.narrative.findMany({ where: { periodId: round.periodId, supersededAt: null, commitmentId: { in: ids }, slot: { endsWith: ':round' } } }),
    tx.ragRating.findMany({ where: { periodId: round.periodId, supersededAt: null, commitmentId: { in: ids } } }),
  ]);
  const planned = new Map(plan.partners.find((p) => p.personId === record.personId)?.commitments.map((c) => [c.id, c]) ?? []);
  const items = record.items.flatMap((item) => {
    const commitment = planned.get(item.commitmentId);
    if (!commitment) return [];
    const n = narratives.find((x) => x.commitmentId === item.commitmentId && x.slot === roundSlot(item.serviceId));
    const r = ratings.find((x) => x.commitmentId === item.commitmentId);
    const current: CurrentAnswer | undefined = n
      ? { mode: MODE_OF[n.kind] ?? 'update', rag: item.isLead ? r?.words[0] : undefined, narrative: n.kind === 'UPDATE' ? n.text : undefined, supportNeeded: n.supportNeeded, boardOnly: n.boardOnly }
      : undefined;
    return [{ commitment, previous: previous.get(`${item.commitmentId}:${item.serviceId}`) ?? previous.get(item.commitmentId), current }];
  });
  return renderPartnerCard({
    sentCardId,
    partnerName: card.person!.name,
    periodLabel: record.periodLabel,
    due: round.dueOn.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    page: record.page,
    pages: record.pages,
    ragChoices: choices,
    items,
  });
}

/** The read-only summary of what was recorded. */
export function answeredCard(sentCardId: string, result: SubmissionResult) {
  return renderAnsweredCard({
    sentCardId,
    periodLabel: result.record.periodLabel,
    partnerName: result.partnerName,
    canEdit: result.roundOpen,
    late: result.late,
    items: result.answers.map((a) => ({
      ref: a.ref,
      status: a.ragWords ? ragWithStatus(a.ragWords, a.ragStatus!) : a.mode === 'not-applicable' ? 'Not applicable this period' : 'Narrative recorded',
      direction: direction(a.previousStatus, a.ragStatus),
      narrative: a.narrative ? escapeCardText(a.narrative) : '',
      flags: [a.supportNeeded ? 'Support needed from the board' : '', a.boardOnly ? 'Board only' : ''].filter(Boolean).join(' · '),
    })),
  });
}

/** "Achieved and continues (Achieved)", but plain "Amber" where the word is the status. */
function ragWithStatus(words: string[], status: keyof typeof STATUS_WORD): string {
  const written = words.join(' / ');
  return written === STATUS_WORD[status] ? written : `${written} (${STATUS_WORD[status]})`;
}
