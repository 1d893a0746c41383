import type { PartnershipFile } from './partnership-file.schemas.ts';

type FilePerson = PartnershipFile['people'][number];
type FileOrganisation = PartnershipFile['organisations'][number];
type FileService = PartnershipFile['services'][number];

/**
 * `firstname.lastname@example.org` from the name as listed: lower case, apostrophes dropped, hyphens
 * kept, accents folded, spaces become dots. The honorific is never part of the name.
 */
export function deriveEmail(name: string): string {
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .trim()
    .split(/\s+/)
    .map((part) => part.replace(/[^a-z0-9-]/g, ''))
    .filter(Boolean)
    .join('.');
  return `${local}@example.org`;
}

/** The address the person is known by: as given, or derived from the name. */
export function personEmail(person: Pick<FilePerson, 'name' | 'email'>): string {
  return (person.email ?? deriveEmail(person.name)).trim();
}

/** A person may be referred to as listed, or with their honorific ("Councillor Angela Page"). */
export function personNames(person: Pick<FilePerson, 'name' | 'honorific'>): string[] {
  return person.honorific ? [person.name, `${person.honorific} ${person.name}`] : [person.name];
}

export function organisationNames(org: FileOrganisation): string[] {
  return [org.name, ...(org.shortName ? [org.shortName] : []), ...org.aliases];
}

export function serviceNames(service: FileService): string[] {
  return [service.name, ...service.aliases];
}

/** Every name an item answers to, pointing back at the item: how references are resolved. */
export function nameIndex<T>(items: readonly T[], namesOf: (item: T) => string[]): Map<string, T> {
  const index = new Map<string, T>();
  for (const item of items)
    for (const name of namesOf(item)) if (!index.has(name)) index.set(name, item);
  return index;
}

/** The calendar date a meeting's local start falls on, which is how actions refer to meetings. */
export function meetingDate(startsAt: string): string {
  return startsAt.slice(0, 10);
}
