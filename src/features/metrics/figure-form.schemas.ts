import { z } from 'zod/v4';
import { formRefusal, optionalText } from '../../cards/form-fields.ts';

/** Card verbs of the metrics feature: the templates in cards/ and the routes both use these. */
export const VERBS = { saveFigure: 'metrics.figure.save' } as const;

/** The RAG words a typed figure may carry, as the board prints them. */
export const FIGURE_RAG_WORDS = ['Green', 'Amber', 'Red'] as const;

/**
 * What the figure form sends back: the card's id and its inputs, nothing else. Teams sends every
 * input as a string; numbers are read here, so "1,577" and " 805 " are accepted as people type them.
 */
export const FigureSubmissionSchema = z.strictObject({
  sentCardId: z.uuid({ error: 'is not a card I sent' }),
  metric: z.string({ error: 'is missing' }).trim().min(1, { error: 'is missing' }).max(100),
  period: z.string({ error: 'is missing' }).trim().min(1, { error: 'is missing' }).max(60, { error: 'must be at most 60 characters' }),
  value: z
    .union([z.string(), z.number()], { error: 'is missing' })
    .transform((v) => (typeof v === 'number' ? v : Number(v.replace(/,/g, '').trim() || Number.NaN)))
    .pipe(
      z
        .number({ error: 'must be a number' })
        .finite({ error: 'must be a number' })
        .min(0, { error: 'cannot be negative' })
        .max(1_000_000_000, { error: 'is too large' }),
    ),
  publishedChange: optionalText(20).pipe(
    z
      .string()
      .regex(/^[+\-−–]?\s*\d+(?:\.\d+)?\s*%?(?:\s*\(\d[\d,]*\))?$/, {
        error: 'must be a change as printed, e.g. +14, -12% or +16% (441)',
      })
      .optional(),
  ),
  rag: z
    .union([z.enum(FIGURE_RAG_WORDS), z.literal('NONE'), z.literal('')], {
      error: 'must be Green, Amber, Red or none',
    })
    .optional()
    .transform((v) => (v === 'NONE' || v === '' ? undefined : v)),
  reason: z
    .string({ error: 'is missing' })
    .trim()
    .min(3, { error: 'is missing: say why, for the history' })
    .max(500, { error: 'must be at most 500 characters' }),
});
export type FigureSubmission = z.infer<typeof FigureSubmissionSchema>;

const FIELD_LABEL: Record<string, string> = {
  sentCardId: 'The card',
  metric: 'The measure',
  period: 'The period',
  value: 'The figure',
  publishedChange: 'The printed change',
  rag: 'The RAG',
  reason: 'The reason',
};

/** Reads the form strictly; the first bad field is named and nothing is saved. */
export function parseFigureSubmission(data: unknown): FigureSubmission {
  const parsed = FigureSubmissionSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw formRefusal(parsed.error, FIELD_LABEL, 'metrics.bad_figure', 'so nothing was saved');
}
