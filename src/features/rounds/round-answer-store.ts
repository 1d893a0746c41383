import type { Prisma, RagStatus, Round } from '../../generated/prisma/client.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.service.ts';
import type { CheckedAnswer } from './round-answer-rules.ts';

export interface StoreInput {
  actor: Actor;
  round: Round;
  answer: CheckedAnswer;
  late: boolean;
  now: Date;
  sourceActivityId?: string;
}

/** A round answer's narrative slot: one per service, apart from imported blocks. */
export const roundSlot = (serviceId: string) => `${serviceId}:round`;

/**
 * Stores one answer as new versions of its narrative (and RAG, from the lead) where they differ
 * from the current ones; the old versions are kept, superseded. Returns whether anything changed.
 */
export async function recordAnswer(tx: Prisma.TransactionClient, input: StoreInput): Promise<{ changed: boolean; previousStatus?: RagStatus }> {
  const narrativeChanged = await storeNarrative(tx, input);
  const ragChanged = input.answer.isLead && input.answer.ragWords ? await storeRag(tx, input) : false;
  return { changed: narrativeChanged || ragChanged, previousStatus: input.answer.previousStatus };
}

async function storeNarrative(tx: Prisma.TransactionClient, { actor, round, answer, late, now, sourceActivityId }: StoreInput): Promise<boolean> {
  const slot = roundSlot(answer.serviceId);
  const where = { commitmentId: answer.commitmentId, periodId: round.periodId, slot, supersededAt: null };
  const current = await tx.narrative.findFirst({ where });
  const same = current && current.text === answer.narrative && current.kind === answer.narrativeKind && current.boardOnly === answer.boardOnly && current.supportNeeded === answer.supportNeeded;
  if (same) return false;
  if (current) await tx.narrative.update({ where: { id: current.id }, data: { supersededAt: now } });
  const created = await tx.narrative.create({
    data: {
      commitmentId: answer.commitmentId, periodId: round.periodId, serviceId: answer.serviceId, slot, seq: 100,
      kind: answer.narrativeKind, text: answer.narrative, boardOnly: answer.boardOnly, supportNeeded: answer.supportNeeded,
      version: (current?.version ?? 0) + 1, authorId: actor.personId, source: 'CARD', sourceActivityId: sourceActivityId ?? null,
      roundId: round.id, late, recordedAt: now,
    },
  });
  await audit(tx, {
    partnershipId: round.partnershipId, actorId: actor.personId, action: late ? 'narrative.late_edit' : 'narrative.recorded',
    entity: 'Narrative', entityId: created.id, entityRef: answer.ref, sourceActivityId,
    before: current ? { text: current.text, kind: current.kind, boardOnly: current.boardOnly, version: current.version } : null,
    after: { text: created.text, kind: created.kind, boardOnly: created.boardOnly, version: created.version }, at: now,
  });
  return true;
}

async function storeRag(tx: Prisma.TransactionClient, { actor, round, answer, late, now, sourceActivityId }: StoreInput): Promise<boolean> {
  const current = await tx.ragRating.findFirst({ where: { commitmentId: answer.commitmentId, periodId: round.periodId, supersededAt: null } });
  if (current && current.words.join('|') === answer.ragWords!.join('|')) return false;
  if (current) await tx.ragRating.update({ where: { id: current.id }, data: { supersededAt: now } });
  const created = await tx.ragRating.create({
    data: {
      commitmentId: answer.commitmentId, periodId: round.periodId, words: answer.ragWords!, status: answer.ragStatus!,
      version: (current?.version ?? 0) + 1, setById: actor.personId, source: 'CARD', sourceActivityId: sourceActivityId ?? null,
      roundId: round.id, late, recordedAt: now,
    },
  });
  await audit(tx, {
    partnershipId: round.partnershipId, actorId: actor.personId, action: late ? 'rag.late_edit' : 'rag.recorded',
    entity: 'RagRating', entityId: created.id, entityRef: answer.ref, sourceActivityId,
    before: current ? { words: current.words, status: current.status, version: current.version } : null,
    after: { words: created.words, status: created.status, version: created.version }, at: now,
  });
  return true;
}
