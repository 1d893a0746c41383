import { z } from 'zod/v4';
import { DomainError } from '../../domain-error.ts';

/** Card verbs of this feature: the templates in cards/ and the routes both use these. */
export const VERBS = {
  confirmOpen: 'round.confirmOpen',
  cancelOpen: 'round.cancelOpen',
  submit: 'round.submit',
  edit: 'round.edit',
} as const;

export const NARRATIVE_LIMIT = 4_000;
export const ANSWER_MODES = ['update', 'no-change', 'not-applicable'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

/** One commitment's answer, as the partner gave it. */
export interface Answer {
  ref: string;
  mode: AnswerMode;
  rag?: string;
  narrative?: string;
  supportNeeded: boolean;
  boardOnly: boolean;
}

const FIELD = /^(rag|narrative|mode|support|boardOnly)-(\d+\.\d+\.\d+(?:\.\d+)?)$/;
const toggle = z.enum(['true', 'false']).transform((v) => v === 'true');
const FieldSchemas = {
  rag: z.string().max(200),
  narrative: z.string(),
  mode: z.enum(ANSWER_MODES),
  support: toggle,
  boardOnly: toggle,
} as const;

const CardIdSchema = z.strictObject({ sentCardId: z.uuid() });

/** The card id from any of this feature's card actions; the rest is never trusted. */
export function parseCardId(data: unknown): string {
  const record = (data ?? {}) as Record<string, unknown>;
  const parsed = CardIdSchema.safeParse({ sentCardId: record.sentCardId });
  if (!parsed.success) throw new DomainError('round.bad_card', 'That card is not one I sent, so nothing was recorded.');
  return parsed.data.sentCardId;
}

/**
 * Reads a submitted round card strictly: only the fields the card has, of the right type, within
 * limits. Anything else is refused with a message that says what, and nothing is recorded.
 */
export function parseSubmission(data: unknown): { sentCardId: string; answers: Answer[] } {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new DomainError('round.bad_submission', 'That submission was empty, so nothing was recorded.');
  const sentCardId = parseCardId(data);
  const byRef = new Map<string, Partial<Answer> & { ref: string }>();
  for (const [key, value] of Object.entries(data)) {
    if (key === 'sentCardId' || key === 'msteams') continue;
    const match = FIELD.exec(key);
    if (!match) throw new DomainError('round.bad_submission', `The card sent a field I don't know ("${key.slice(0, 40)}"), so nothing was recorded.`);
    const [, field, ref] = match as unknown as [string, keyof typeof FieldSchemas, string];
    const parsed = FieldSchemas[field].safeParse(value);
    if (!parsed.success) throw new DomainError('round.bad_submission', `The ${field} for ${ref} is not valid, so nothing was recorded.`);
    const answer = byRef.get(ref) ?? { ref };
    byRef.set(ref, answer);
    assign(answer, field, parsed.data as string | boolean);
  }
  const answers = [...byRef.values()].map((a) => complete(a));
  return { sentCardId, answers };
}

function assign(answer: Partial<Answer>, field: keyof typeof FieldSchemas, value: string | boolean): void {
  if (field === 'support') answer.supportNeeded = value as boolean;
  else if (field === 'boardOnly') answer.boardOnly = value as boolean;
  else if (field === 'mode') answer.mode = value as AnswerMode;
  else if (field === 'rag') answer.rag = (value as string).trim() || undefined;
  else answer.narrative = (value as string).trim() || undefined;
}

function complete(a: Partial<Answer> & { ref: string }): Answer {
  if (a.narrative && a.narrative.length > NARRATIVE_LIMIT)
    throw new DomainError(
      'round.narrative_too_long',
      `The narrative for ${a.ref} is ${a.narrative.length.toLocaleString('en-GB')} characters; the limit is ${NARRATIVE_LIMIT.toLocaleString('en-GB')}. Nothing was recorded.`,
    );
  return { ref: a.ref, mode: a.mode ?? 'update', rag: a.rag, narrative: a.narrative, supportNeeded: a.supportNeeded ?? false, boardOnly: a.boardOnly ?? false };
}
