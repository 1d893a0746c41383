import type { Narrative, Prisma, RagRating, RagStatus, Round } from '../../generated/prisma/client.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.service.ts';
import type { CheckedAnswer } from './round-answer-rules.ts';

export interface StoreInput {
  actor: Actor;
  round: Round;
  answer: CheckedAnswer;
  /** The answer's current narrative in its slot and its commitment's current RAG, from `currentVersions`. */
  current: CurrentVersions;
  late: boolean;
  now: Date;
  sourceActivityId?: string;
}

/** A round answer's narrative slot: one per service, apart from imported blocks. */
export const roundSlot = (serviceId: string) => `${serviceId}:round`;

export interface CurrentVersions {
  narrative?: Narrative;
  rating?: RagRating;
}

const currentKey = (commitmentId: string, slot: string) => `${commitmentId}|${slot}`;

/**
 * The current narrative (in each answer's slot) and RAG of every commitment answered, in one
 * statement: the commitments with their current versions for the round's period joined.
 */
export async function currentVersions(tx: Prisma.TransactionClient, periodId: string, answers: CheckedAnswer[]): Promise<(answer: CheckedAnswer) => CurrentVersions> {
  if (answers.length === 0) return () => ({});
  const current = { periodId, supersededAt: null };
  const rows = await tx.commitment.findMany({
    where: { id: { in: [...new Set(answers.map((a) => a.commitmentId))] } },
    select: {
      id: true,
      narratives: { where: { ...current, slot: { in: answers.map((a) => roundSlot(a.serviceId)) } } },
      ragRatings: { where: current },
    },
  });
  const narratives = new Map(rows.flatMap((c) => c.narratives.map((n) => [currentKey(c.id, n.slot), n] as const)));
  const ratings = new Map(rows.flatMap((c) => c.ragRatings.map((r) => [c.id, r] as const)));
  return (answer) => ({ narrative: narratives.get(currentKey(answer.commitmentId, roundSlot(answer.serviceId))), rating: ratings.get(answer.commitmentId) });
}

/**
 * Stores one answer as new versions of its narrative (and RAG, from the lead) where they differ
 * from the current ones; the old versions are kept, superseded. Returns whether anything changed.
 */
export async function recordAnswer(tx: Prisma.TransactionClient, input: StoreInput): Promise<{ changed: boolean; previousStatus?: RagStatus }> {
  const narrativeChanged = await storeNarrative(tx, input);
  const ragChanged = input.answer.isLead && input.answer.ragWords ? await storeRag(tx, input) : false;
  return { changed: narrativeChanged || ragChanged, previousStatus: input.answer.previousStatus };
}

async function storeNarrative(tx: Prisma.TransactionClient, { actor, round, answer, late, now, sourceActivityId, ...input }: StoreInput): Promise<boolean> {
  const slot = roundSlot(answer.serviceId);
  const current = input.current.narrative;
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

async function storeRag(tx: Prisma.TransactionClient, { actor, round, answer, late, now, sourceActivityId, ...input }: StoreInput): Promise<boolean> {
  const current = input.current.rating;
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
