import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import type { Prisma, RagStatus } from '../../generated/prisma/client.ts';
import type { Actor } from '../identity/identity.service.ts';
import { decide } from '../policy/policy.ts';
import type { RoundCardRecord } from './round-cards.service.ts';
import { answerRules, type CheckedAnswer } from './round-answer-rules.ts';
import { currentVersions, recordAnswer } from './round-answer-store.ts';
import type { Answer } from './rounds.schemas.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export interface SubmissionResult {
  record: RoundCardRecord;
  partnerName: string;
  /** Whether anything new was recorded (false for the same submit twice). */
  changed: boolean;
  late: boolean;
  roundOpen: boolean;
  answers: Array<CheckedAnswer & { previousStatus?: RagStatus }>;
}

/** The card the bot sent, and whether this actor may answer it. Card data is never trusted. */
export async function loadRoundCard(tx: Prisma.TransactionClient, actor: Actor | undefined, sentCardId: string) {
  const card = await tx.sentCard.findUnique({
    where: { id: sentCardId },
    include: {
      // The round with its period and the partnership's RAG words: what the answer rules need, in this one statement.
      round: { include: { period: true, partnership: { select: { ragTerms: true } } } },
      person: { select: { name: true, partnershipId: true } },
    },
  });
  if (!card || card.kind !== 'round.update' || !card.round || !card.person || card.person.partnershipId !== actor?.partnershipId)
    throw new DomainError('round.bad_card', 'That card is not one I sent you, so nothing was recorded.', 403);
  const own = card.personId === actor.personId;
  const delegate = own
    ? false
    : (await tx.delegation.count({ where: { fromId: card.personId!, toId: actor.personId, revokedAt: null, OR: [{ roundId: card.roundId }, { roundId: null }] } })) > 0;
  const open = card.round.status === 'OPEN';
  const verdict = decide(actor, open ? 'round.submit' : 'round.lateEdit', { owns: own, delegateOfOwner: delegate, open });
  if (!verdict.allowed) {
    const message = !open && (own || delegate) ? 'That round is closed, so nothing was recorded. Ask an officer if it needs a late update.' : verdict.reason;
    throw new DomainError('round.forbidden', message, 403);
  }
  return { card, record: card.data as unknown as RoundCardRecord, open, partnerName: card.person.name };
}

/**
 * Records a partner's answers: validated against the card that was sent, authorised, versioned
 * (an edit supersedes, history kept) and audited, all in one transaction. The same answers again
 * record nothing new.
 */
export async function submitRoundCard(
  ctx: Ctx,
  actor: Actor | undefined,
  submission: { sentCardId: string; answers: Answer[] },
  sourceActivityId?: string,
): Promise<SubmissionResult> {
  return ctx.db.prisma.$transaction(
    async (tx) => {
      const { card, record, open, partnerName } = await loadRoundCard(tx, actor, submission.sentCardId);
      const checked = await answerRules(tx, card.round!, record, submission.answers);
      const now = ctx.clock.now();
      const currentOf = await currentVersions(tx, card.round!.periodId, checked);
      let changed = false;
      const answers: SubmissionResult['answers'] = [];
      for (const answer of checked) {
        const outcome = await recordAnswer(tx, { actor: actor!, round: card.round!, answer, current: currentOf(answer), late: !open, now, sourceActivityId });
        changed ||= outcome.changed;
        answers.push({ ...answer, previousStatus: outcome.previousStatus });
      }
      if (changed) {
        await tx.roundAssignment.updateMany({ where: { roundId: record.roundId, personId: record.personId }, data: { status: 'RETURNED', returnedAt: now } });
      }
      return { record, partnerName, changed, late: !open, roundOpen: open, answers };
    },
    { timeout: 30_000 },
  );
}
