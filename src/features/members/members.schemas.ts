import { z } from 'zod/v4';
import { formRefusal, optionalText } from '../../cards/form-fields.ts';
import { DomainError } from '../../domain-error.ts';

/** Card verbs of this feature: the templates in cards/ and the routes both use these. */
export const VERBS = {
  addSubmit: 'member.add',
  answersPick: 'member.answersPick',
  retireConfirm: 'member.retire',
  retireCancel: 'member.retireCancel',
} as const;

/** The roles a card or a sentence may give, as the card's choice values. */
export const ROLE_CHOICES = ['CHAIR', 'VICE_CHAIR', 'OFFICER', 'CLERK'] as const;
export const ROLE_WORD: Record<(typeof ROLE_CHOICES)[number], string> = {
  CHAIR: 'chair',
  VICE_CHAIR: 'vice-chair',
  OFFICER: 'officer',
  CLERK: 'clerk',
};

/** A new member, from the card form or a sentence: the same rules either way. */
export const NewMemberSchema = z.strictObject({
  name: z
    .string({ error: 'is missing' })
    .trim()
    .min(2, { error: 'is missing' })
    .max(200, { error: 'must be at most 200 characters' }),
  title: optionalText(300),
  organisation: optionalText(200),
  email: z
    .string({ error: 'is missing' })
    .trim()
    .pipe(z.email({ error: 'does not look like an email address' }))
    .transform((e) => e.toLowerCase()),
  role: z.enum(ROLE_CHOICES, { error: 'must be chair, vice-chair, officer or clerk' }).optional(),
});
export type NewMember = z.infer<typeof NewMemberSchema>;

const FIELD_LABEL: Record<string, string> = {
  name: 'The name',
  title: 'The title',
  organisation: 'The organisation',
  email: 'The email address',
  role: 'The role',
};

/** Reads a new member strictly; a bad field is named in the refusal and nothing is added. */
export function parseNewMember(data: unknown): NewMember {
  const parsed = NewMemberSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw formRefusal(parsed.error, FIELD_LABEL, 'member.bad_input', 'so nobody was added');
}

const CardIdSchema = z.uuid();

/** The card a submission came from; everything else it carries is checked against what was sent. */
export function parseCardId(data: unknown): string {
  const parsed = CardIdSchema.safeParse((data as { sentCardId?: unknown } | null)?.sentCardId);
  if (!parsed.success)
    throw new DomainError(
      'member.bad_card',
      'That card is not one I sent, so nothing was changed.',
    );
  return parsed.data;
}

/** The add-member form's inputs: the card id and the member's fields. */
export function parseAddSubmission(data: unknown): { sentCardId: string; member: NewMember } {
  const sentCardId = parseCardId(data);
  const { sentCardId: _, msteams: __, role, ...fields } = (data ?? {}) as Record<string, unknown>;
  return {
    sentCardId,
    member: parseNewMember({ ...fields, role: role === '' || role === 'NONE' ? undefined : role }),
  };
}

/** The service picked from the "which service?" choices: an index into what the card offered. */
export function parsePick(data: unknown): { sentCardId: string; choice: number } {
  const sentCardId = parseCardId(data);
  const choice = z.coerce
    .number()
    .int()
    .min(0)
    .max(20)
    .safeParse((data as { choice?: unknown }).choice);
  if (!choice.success)
    throw new DomainError(
      'member.bad_card',
      'That choice is not one the card offered, so nothing was changed.',
    );
  return { sentCardId, choice: choice.data };
}

/** The retire card: a successor per item (person id, "unowned" or empty), one for the rest, and the toggle. */
export const RetireSubmissionSchema = z.object({
  everything: z.string().max(40).optional(),
  leaveUnowned: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export function parseRetireSubmission(data: unknown): {
  sentCardId: string;
  everything?: string;
  leaveUnowned: boolean;
  items: Record<string, string>;
} {
  const sentCardId = parseCardId(data);
  const record = data as Record<string, unknown>;
  const base = RetireSubmissionSchema.safeParse(record);
  if (!base.success)
    throw new DomainError(
      'member.bad_card',
      'That card sent something I did not ask for, so nobody was retired.',
    );
  const items: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!key.startsWith('item-')) continue;
    if (typeof value !== 'string' || value.length > 40 || !/^item-\d{1,3}$/.test(key))
      throw new DomainError(
        'member.bad_card',
        'That card sent something I did not ask for, so nobody was retired.',
      );
    if (value) items[key.slice(5)] = value;
  }
  return {
    sentCardId,
    everything: base.data.everything || undefined,
    leaveUnowned: base.data.leaveUnowned,
    items,
  };
}
