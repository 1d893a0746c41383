import type { BoardRole } from '../../generated/prisma/enums.ts';

const ROLE_WORDS: Record<string, BoardRole> = {
  chair: 'CHAIR',
  chairman: 'CHAIR',
  chairwoman: 'CHAIR',
  chairperson: 'CHAIR',
  'vice-chair': 'VICE_CHAIR',
  'vice chair': 'VICE_CHAIR',
  'vice-chairman': 'VICE_CHAIR',
  'vice chairman': 'VICE_CHAIR',
  officer: 'OFFICER',
  'an officer': 'OFFICER',
  'the officer': 'OFFICER',
  clerk: 'CLERK',
};

/** "vice-chair", "the clerk", "an officer" → the role; undefined for anything else. */
export function roleOf(words: string): BoardRole | undefined {
  const w = words
    .trim()
    .toLowerCase()
    .replace(/^(?:the|a) /, '')
    .replace(/\.$/, '');
  return ROLE_WORDS[w] ?? ROLE_WORDS[`an ${w}`];
}
