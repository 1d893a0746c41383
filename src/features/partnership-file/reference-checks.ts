import { editDistance } from '../queries/fuzzy-match.ts';
import type { DocPath } from './partnership-file.error.ts';
import type { PartnershipFile } from './partnership-file.schemas.ts';
import {
  meetingDate,
  nameIndex,
  organisationNames,
  personNames,
  serviceNames,
} from './partnership-file.names.ts';
import { ragWordKey } from './rag-words.ts';

/** A reference problem before it is given a line. */
export interface RefProblem {
  path: DocPath;
  message: string;
}

/** What the rest of the file may refer to, by every name it answers to. */
export interface FileIndex {
  file: PartnershipFile;
  organisations: Map<string, unknown>;
  people: Map<string, unknown>;
  services: Map<string, PartnershipFile['services'][number]>;
  commitments: Set<string>;
  periods: Set<string>;
  meetingDates: Set<string>;
  priorities: Set<number>;
  ragWords: Set<string>;
}

export function indexFile(file: PartnershipFile): FileIndex {
  const commitments = (file.strategy?.priorities ?? []).flatMap((p) =>
    p.sections.flatMap((s) => s.commitments.map((c) => c.ref)),
  );
  return {
    file,
    organisations: nameIndex(file.organisations, organisationNames),
    people: nameIndex(file.people, personNames),
    services: nameIndex(file.services, serviceNames),
    commitments: new Set(commitments),
    periods: new Set(file.periods.map((p) => p.period)),
    meetingDates: new Set(file.meetings.map((m) => meetingDate(m.startsAt))),
    priorities: new Set((file.strategy?.priorities ?? []).map((p) => p.number)),
    ragWords: new Set(file.partnership.ragVocabulary.map((t) => ragWordKey(t.word))),
  };
}

/** Flags every repeat of a key among `items`, at the repeat, naming where it was first used. */
export function requireUnique<T>(
  out: RefProblem[],
  items: readonly T[],
  base: DocPath,
  field: string,
  keysOf: (item: T) => Array<string | number>,
  what: string,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    for (const key of new Set(keysOf(item).map(String))) {
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else
        out.push({
          path: [...base, i, field],
          message: `${what} "${key}" is used twice (first at item ${first} of this list); expected each ${what} once`,
        });
    }
  });
}

/** Flags a name that does not resolve, suggesting the name it was probably meant to be. */
export function requireKnown(
  out: RefProblem[],
  path: DocPath,
  name: string,
  known: Map<string, unknown> | Set<string>,
  what: string,
  expected: string,
): boolean {
  if (known.has(name)) return true;
  const guess = closest(name, [...known.keys()]);
  const hint = guess ? ` (did you mean "${guess}"?)` : '';
  out.push({ path, message: `unknown ${what} "${name}"${hint}: expected ${expected}` });
  return false;
}

function closest(name: string, candidates: string[]): string | undefined {
  const folded = name.toLowerCase().replace(/\s+/g, ' ').trim();
  let best: { name: string; distance: number } | undefined;
  // The question matcher's distance: a swapped pair of letters ("Jmaie") is one slip, not two.
  const allowed = Math.max(2, Math.floor(folded.length / 8));
  for (const candidate of candidates) {
    const distance = editDistance(folded, candidate.toLowerCase(), allowed);
    if (distance <= allowed && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}
