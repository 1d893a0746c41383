import { randomUUID } from 'node:crypto';
import type { Narrative, Prisma, RagRating, Round } from '../../generated/prisma/client.ts';
import type { Actor } from '../identity/identity.service.ts';
import type { CheckedAnswer } from './round-answer-rules.ts';
import { writeAnswers, type AnswerWrites } from './round-answer-writes.ts';

/** A round answer's narrative slot: one per service, apart from imported blocks. */
export const roundSlot = (serviceId: string) => `${serviceId}:round`;

export interface CurrentVersions {
  narrative?: Narrative;
  rating?: RagRating;
}

/** What an answer is about: enough to find its current versions before the rules have run. */
type AnswerTarget = Pick<CheckedAnswer, 'commitmentId' | 'serviceId'>;

const currentKey = (commitmentId: string, slot: string) => `${commitmentId}|${slot}`;

/**
 * The current narrative (in each answer's slot) and RAG of every commitment answered, in one
 * statement: the commitments with their current versions for the round's period joined.
 */
export async function currentVersions(db: Prisma.TransactionClient, periodId: string, answers: AnswerTarget[]): Promise<(answer: AnswerTarget) => CurrentVersions> {
  if (answers.length === 0) return () => ({});
  const current = { periodId, supersededAt: null };
  const rows = await db.commitment.findMany({
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

export interface StoreInput {
  actor: Actor;
  round: Round;
  /** The person the card was sent to, whose assignment it answers. */
  assigneeId: string;
  answers: CheckedAnswer[];
  /** Each answer's current narrative in its slot and its commitment's current RAG, from `currentVersions`. */
  currentOf: (answer: CheckedAnswer) => CurrentVersions;
  late: boolean;
  now: Date;
  sourceActivityId?: string;
}

/**
 * Stores each answer as new versions of its narrative (and RAG, from the lead) where they differ
 * from the current ones; the old versions are kept, superseded, and every change is audited. All
 * of it is one statement, so it lands whole or not at all; an answer raced by another lands on the
 * (commitment, period, slot, version) key and fails as a unique violation. Returns whether anything changed.
 */
export async function recordAnswers(db: Prisma.TransactionClient, input: StoreInput): Promise<boolean> {
  const writes: AnswerWrites = { round: input.round, actor: input.actor, assigneeId: input.assigneeId, late: input.late, now: input.now, sourceActivityId: input.sourceActivityId ?? null, superseded: { narratives: [], ratings: [] }, narratives: [], ratings: [], audits: [] };
  for (const answer of input.answers) {
    const current = input.currentOf(answer);
    planNarrative(writes, answer, current.narrative);
    if (answer.isLead && answer.ragWords) planRag(writes, answer, current.rating);
  }
  if (writes.audits.length === 0) return false;
  await writeAnswers(db, writes);
  return true;
}

function planNarrative(writes: AnswerWrites, answer: CheckedAnswer, current: Narrative | undefined): void {
  const same = current && current.text === answer.narrative && current.kind === answer.narrativeKind && current.boardOnly === answer.boardOnly && current.supportNeeded === answer.supportNeeded;
  if (same) return;
  if (current) writes.superseded.narratives.push(current.id);
  const created = {
    id: randomUUID(), commitmentId: answer.commitmentId, serviceId: answer.serviceId, slot: roundSlot(answer.serviceId),
    kind: answer.narrativeKind, text: answer.narrative, boardOnly: answer.boardOnly, supportNeeded: answer.supportNeeded, version: (current?.version ?? 0) + 1,
  };
  writes.narratives.push(created);
  writes.audits.push({
    action: writes.late ? 'narrative.late_edit' : 'narrative.recorded', entity: 'Narrative', entityId: created.id, entityRef: answer.ref,
    before: current ? { text: current.text, kind: current.kind, boardOnly: current.boardOnly, version: current.version } : null,
    after: { text: created.text, kind: created.kind, boardOnly: created.boardOnly, version: created.version },
  });
}

function planRag(writes: AnswerWrites, answer: CheckedAnswer, current: RagRating | undefined): void {
  const words = answer.ragWords!;
  if (current && current.words.join('|') === words.join('|')) return;
  if (current) writes.superseded.ratings.push(current.id);
  const created = { id: randomUUID(), commitmentId: answer.commitmentId, words, status: answer.ragStatus!, version: (current?.version ?? 0) + 1 };
  writes.ratings.push(created);
  writes.audits.push({
    action: writes.late ? 'rag.late_edit' : 'rag.recorded', entity: 'RagRating', entityId: created.id, entityRef: answer.ref,
    before: current ? { words: current.words, status: current.status, version: current.version } : null,
    after: { words: created.words, status: created.status, version: created.version },
  });
}
