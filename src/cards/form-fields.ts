import { z } from 'zod/v4';
import { DomainError } from '../domain-error.ts';

/**
 * A card form that failed its schema, as the person who filled it in reads it: the first field at
 * fault by its label ("The figure cannot be negative") or a field the form should never send,
 * then what did not happen ("so nothing was saved").
 */
export function formRefusal(
  error: z.ZodError,
  labels: Record<string, string>,
  code: string,
  nothingDone: string,
): DomainError {
  const issue = error.issues[0]!;
  const field = issue.code === 'unrecognized_keys' ? issue.keys[0]! : String(issue.path[0] ?? '');
  const label = labels[field];
  const message =
    label && issue.code !== 'unrecognized_keys'
      ? `${label} ${issue.message}`
      : `The form sent a field I don't know ("${field.slice(0, 40)}")`;
  return new DomainError(code, `${message}, ${nothingDone}.`);
}

/** An optional text input: trimmed, at most `max` characters, and an empty box read as no answer. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .optional()
    .transform((v) => v || undefined);
