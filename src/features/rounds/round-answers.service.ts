import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Actor } from '../identity/identity.service.ts';
import { decide } from '../policy/policy.ts';
import type { RoundCardRecord } from './round-cards.service.ts';
import { answerRules, type CheckedAnswer } from './round-answer-rules.ts';
import { currentVersions, recordAnswers } from './round-answer-store.ts';
import type { Answer } from './rounds.schemas.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export interface SubmissionResult {
  record: RoundCardRecord;
  partnerName: string;
  /** Whether anything new was recorded (false for the same submit twice). */
  changed: boolean;
  late: boolean;
  roundOpen: boolean;
  answers: CheckedAnswer[];
}

/**
 * The card the bot sent, and whether this actor may answer it. Card data is never trusted. Who is
 * acting may still be being looked up: the card is read meanwhile, and checked once both are in.
 */
export async function loadRoundCard(tx: Prisma.TransactionClient, acting: Actor | undefined | Promise<Actor | undefined>, sentCardId: string) {
  const [actor, card] = await Promise.all([
    acting,
    tx.sentCard.findUnique({
      where: { id: sentCardId },
      include: {
        // The round with its period and the partnership's RAG words: what the answer rules need, in this one statement.
        round: { include: { period: true, partnership: { select: { ragTerms: true } } } },
        person: { select: { name: true, partnershipId: true } },
      },
    }),
  ]);
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
  return { actor, card, record: card.data as unknown as RoundCardRecord, open, partnerName: card.person.name };
}

/**
 * Records a partner's answers: validated against the card that was sent, authorised, versioned
 * (an edit supersedes, history kept) and audited. The reads need no transaction: the writes are
 * one statement, and one that raced another submit fails on the version key and is run again
 * (`retryOnConflict`) against what the other one wrote. The same answers again record nothing new.
 */
export async function submitRoundCard(
  ctx: Ctx,
  acting: Actor | undefined | Promise<Actor | undefined>,
  submission: { sentCardId: string; answers: Answer[] },
  sourceActivityId?: string,
): Promise<SubmissionResult> {
  const db = ctx.db.prisma;
  const { actor, card, record, open, partnerName } = await loadRoundCard(db, acting, submission.sentCardId);
  const round = card.round!;
  // Last quarter's reports (for the rules) and the current versions (for the write) side by side:
  // the answered items are known from the card before the rules have run.
  const answered = record.items.filter((item) => submission.answers.some((a) => a.ref === item.ref));
  const [checked, currentOf] = await Promise.all([answerRules(db, round, record, submission.answers), currentVersions(db, round.periodId, answered)]);
  const now = ctx.clock.now();
  const changed = await recordAnswers(db, { actor, round, assigneeId: card.personId!, answers: checked, currentOf, late: !open, now, sourceActivityId });
  return { record, partnerName, changed, late: !open, roundOpen: open, answers: checked };
}
