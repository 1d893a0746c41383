import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import type { Actor } from '../identity/identity.service.ts';
import { submitRoundCard, type SubmissionResult } from './round-answers.service.ts';
import type { RoundCardRecord } from './round-cards.service.ts';

/**
 * "update 2.3.1: amber, the DASLO post moves to Community Safety in November": the same rules as
 * the card, through the card that asked this person (or someone who delegated to them).
 */
export async function updateFromChat(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  actor: Actor,
  command: { ref: string; rag?: string; narrative: string },
  sourceActivityId?: string,
): Promise<SubmissionResult> {
  const { prisma } = ctx.db;
  const round = await prisma.round.findFirst({ where: { partnershipId: actor.partnershipId, status: 'OPEN' }, orderBy: { openedAt: 'desc' } });
  if (!round) throw new DomainError('round.none_open', 'There is no open reporting round, so there is nothing to update.');
  const delegators = await prisma.delegation.findMany({ where: { toId: actor.personId, revokedAt: null, OR: [{ roundId: round.id }, { roundId: null }] }, select: { fromId: true } });
  const people = [actor.personId, ...delegators.map((d) => d.fromId)];
  const cards = await prisma.sentCard.findMany({ where: { roundId: round.id, kind: 'round.update', personId: { in: people } }, orderBy: { createdAt: 'asc' } });
  const card = cards.find((c) => (c.data as unknown as RoundCardRecord).items.some((i) => i.ref === command.ref));
  if (!card) throw new DomainError('round.not_yours', `You were not asked about ${command.ref} in this round. "what do I still owe?" lists what you were asked.`);
  const item = (card.data as unknown as RoundCardRecord).items.find((i) => i.ref === command.ref)!;
  // "amber, …" names a RAG word only if it is one of the partnership's; otherwise it is narrative.
  const isWord = command.rag
    ? (await prisma.ragTerm.count({ where: { partnershipId: actor.partnershipId, selectable: true, word: { equals: command.rag, mode: 'insensitive' } } })) > 0
    : false;
  const rag = isWord ? command.rag : undefined;
  const narrative = command.rag && !isWord ? `${command.rag}, ${command.narrative}` : command.narrative;
  return submitRoundCard(ctx, actor, { sentCardId: card.id, answers: [{ ref: command.ref, mode: 'update', rag, narrative, supportNeeded: false, boardOnly: false }] }, sourceActivityId);
}
