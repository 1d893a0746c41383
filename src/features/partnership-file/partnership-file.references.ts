import {
  personEmail,
  personNames,
  organisationNames,
  serviceNames,
} from './partnership-file.names.ts';
import { ragWordKey } from './rag-words.ts';
import {
  indexFile,
  requireKnown,
  requireUnique,
  type FileIndex,
  type RefProblem,
} from './reference-checks.ts';
import { checkMeetings, checkMetrics } from './references-meetings.ts';
import { checkPeriods, checkStrategy, checkUpdates } from './references-strategy.ts';
import type { PartnershipFile } from './partnership-file.schemas.ts';

export type { RefProblem };

const PERSON = 'a name listed under people';
const ORGANISATION = 'a name listed under organisations';

/**
 * What the schema cannot see: that every name and reference points at something the file defines,
 * and that nothing is defined twice. Runs after the schema; returns every problem found.
 */
export function checkReferences(file: PartnershipFile): RefProblem[] {
  const out: RefProblem[] = [];
  const index = indexFile(file);
  checkVocabulary(file, out);
  checkOrganisations(file, out);
  checkPeople(index, out);
  checkServices(index, out);
  checkStrategy(index, out);
  checkPeriods(index, out);
  checkUpdates(index, out);
  checkMeetings(index, out);
  checkMetrics(index, out);
  return out;
}

function checkVocabulary(file: PartnershipFile, out: RefProblem[]): void {
  const terms = file.partnership.ragVocabulary;
  requireUnique(
    out,
    terms,
    ['partnership', 'ragVocabulary'],
    'word',
    (t) => [ragWordKey(t.word)],
    'RAG word',
  );
}

function checkOrganisations(file: PartnershipFile, out: RefProblem[]): void {
  requireUnique(
    out,
    file.organisations,
    ['organisations'],
    'name',
    organisationNames,
    'organisation name',
  );
}

function checkPeople(index: FileIndex, out: RefProblem[]): void {
  const people = index.file.people;
  requireUnique(out, people, ['people'], 'name', personNames, 'name');
  requireUnique(out, people, ['people'], 'email', (p) => [personEmail(p).toLowerCase()], 'email');
  people.forEach((person, i) => {
    if (person.organisation)
      requireKnown(
        out,
        ['people', i, 'organisation'],
        person.organisation,
        index.organisations,
        'organisation',
        ORGANISATION,
      );
    if (person.deputy) {
      if (personNames(person).includes(person.deputy))
        out.push({
          path: ['people', i, 'deputy'],
          message: 'a person cannot be their own deputy: expected someone else',
        });
      else
        requireKnown(out, ['people', i, 'deputy'], person.deputy, index.people, 'person', PERSON);
    }
    person.leave.forEach((leave, j) => {
      if (leave.to < leave.from)
        out.push({
          path: ['people', i, 'leave', j, 'to'],
          message: `leave ends (${leave.to}) before it starts (${leave.from}): expected "to" on or after "from"`,
        });
    });
  });
}

function checkServices(index: FileIndex, out: RefProblem[]): void {
  const services = index.file.services;
  requireUnique(out, services, ['services'], 'name', serviceNames, 'service name');
  services.forEach((service, i) => {
    service.answeredBy.forEach((name, j) =>
      requireKnown(out, ['services', i, 'answeredBy', j], name, index.people, 'person', PERSON),
    );
  });
}
