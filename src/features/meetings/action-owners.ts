import type { BoardRole, OwnerKind, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { DomainError } from '../../domain-error.ts';

type Db = Prisma.TransactionClient | PrismaClient;

/** An owner as an ActionOwner row needs it (ownerKey makes the pair unique). */
export interface OwnerRow {
  kind: OwnerKind;
  ownerKey: string;
  personId?: string;
  organisationId?: string;
  serviceId?: string;
  role?: BoardRole;
  asWritten: string;
}

/** The words minutes use for board roles ("Chairman", "Clerk"). */
const ROLE_WORDS: Array<[RegExp, BoardRole]> = [
  [/^(?:the )?vice[- ]?chair(?:man|person|woman)?$/i, 'VICE_CHAIR'],
  [/^(?:the )?chair(?:man|person|woman)?$/i, 'CHAIR'],
  [/^(?:the )?clerk$/i, 'CLERK'],
  [/^(?:the )?officers?$/i, 'OFFICER'],
];

export const ROLE_NAMES: Record<BoardRole, string> = { CHAIR: 'Chair', VICE_CHAIR: 'Vice-Chair', OFFICER: 'Officer', CLERK: 'Clerk' };

const norm = (s: string) => s.toLowerCase().replace(/^the /, '').replace(/[’']/g, '').replace(/\s+/g, ' ').trim();

/** "Ken Loyal and the Met Police, Clerk" → ["Ken Loyal", "the Met Police", "Clerk"]. */
export function splitOwnerList(text: string): string[] {
  return text
    .split(/\s*(?:,|;|\/|&|\band\b)\s*/i)
    .map((s) => s.trim().replace(/\.$/, ''))
    .filter(Boolean);
}

/**
 * Resolves names written by an officer to owners: a board role, a person (full name, or a
 * first or last name only one member has), an organisation (name, short name, alias) or a
 * service or group ("All Partners"). An unknown or ambiguous name is refused by name.
 */
export async function resolveOwners(db: Db, partnershipId: string, names: string[]): Promise<OwnerRow[]> {
  const [people, organisations, services] = await Promise.all([
    db.person.findMany({ where: { partnershipId, membership: 'MEMBER' }, select: { id: true, name: true } }),
    db.organisation.findMany({ where: { partnershipId }, select: { id: true, name: true, shortName: true, aliases: true } }),
    db.service.findMany({ where: { partnershipId }, select: { id: true, name: true, aliases: true } }),
  ]);
  const rows: OwnerRow[] = [];
  for (const written of names) {
    const n = norm(written);
    const role = ROLE_WORDS.find(([re]) => re.test(written.trim()))?.[1];
    if (role) rows.push({ kind: 'ROLE', ownerKey: role, role, asWritten: written });
    else {
      const row = matchNamed(n, written, people, organisations, services);
      if (!row) throw new DomainError('action.owner_unknown', `I don't know "${written}". Name a member, an organisation, a group such as All Partners, or a role such as Chair or Clerk.`);
      rows.push(row);
    }
  }
  const unique = new Map(rows.map((r) => [`${r.kind}|${r.ownerKey}`, r]));
  return [...unique.values()];
}

function matchNamed(
  n: string,
  written: string,
  people: Array<{ id: string; name: string }>,
  organisations: Array<{ id: string; name: string; shortName: string | null; aliases: string[] }>,
  services: Array<{ id: string; name: string; aliases: string[] }>,
): OwnerRow | undefined {
  const person = people.find((p) => norm(p.name) === n);
  if (person) return { kind: 'PERSON', ownerKey: person.id, personId: person.id, asWritten: written };
  const service = services.find((s) => [s.name, ...s.aliases].some((a) => norm(a) === n));
  if (service) return { kind: 'GROUP', ownerKey: service.id, serviceId: service.id, asWritten: written };
  const org = organisations.find((o) => [o.name, o.shortName ?? '', ...o.aliases].some((a) => a && norm(a) === n));
  if (org) return { kind: 'ORGANISATION', ownerKey: org.id, organisationId: org.id, asWritten: written };
  const partial = people.filter((p) => norm(p.name).split(' ').includes(n));
  if (partial.length === 1) return { kind: 'PERSON', ownerKey: partial[0]!.id, personId: partial[0]!.id, asWritten: written };
  if (partial.length > 1)
    throw new DomainError('action.owner_ambiguous', `"${written}" could be ${partial.map((p) => p.name).join(' or ')}: give the full name.`);
  return undefined;
}

/** An owner row as stored, with what is needed to name it and find its people. */
export const OWNER_SELECT = {
  kind: true,
  personId: true,
  organisationId: true,
  serviceId: true,
  role: true,
  asWritten: true,
  person: { select: { name: true } },
  organisation: { select: { name: true } },
  service: { select: { name: true, allMembers: true } },
} satisfies Prisma.ActionOwnerSelect;

export type StoredOwner = Prisma.ActionOwnerGetPayload<{ select: typeof OWNER_SELECT }>;

export function ownerLabel(o: StoredOwner): string {
  return o.person?.name ?? o.organisation?.name ?? o.service?.name ?? (o.role ? ROLE_NAMES[o.role] : (o.asWritten ?? 'unassigned'));
}

/**
 * The members who answer for an action's owners: the person; the holders of a role; every
 * member for an all-members group, else the group's answerers; an organisation's members.
 * Whom notices go to and who may change the action.
 */
export async function ownerPeople(db: Db, partnershipId: string, owners: StoredOwner[]): Promise<string[]> {
  const ids = new Set<string>();
  const roles = owners.flatMap((o) => (o.kind === 'ROLE' && o.role ? [o.role] : []));
  const everyone = owners.some((o) => o.kind === 'GROUP' && o.service?.allMembers);
  const serviceIds = owners.flatMap((o) => (o.kind === 'GROUP' && o.serviceId && !o.service?.allMembers ? [o.serviceId] : []));
  const orgIds = owners.flatMap((o) => (o.kind === 'ORGANISATION' && o.organisationId ? [o.organisationId] : []));
  for (const o of owners) if (o.kind === 'PERSON' && o.personId) ids.add(o.personId);
  const or: Prisma.PersonWhereInput[] = [];
  if (serviceIds.length) or.push({ answersFor: { some: { serviceId: { in: serviceIds } } } });
  if (orgIds.length) or.push({ organisationId: { in: orgIds } });
  if (everyone || or.length) {
    const found = await db.person.findMany({ where: { partnershipId, membership: 'MEMBER', ...(everyone ? {} : { OR: or }) }, select: { id: true } });
    for (const p of found) ids.add(p.id);
  }
  if (roles.length) {
    // Filtered here: `has`/`hasSome` on an enum array reach PostgreSQL malformed through the driver adapters.
    const holders = await db.person.findMany({ where: { partnershipId, membership: 'MEMBER', NOT: { roles: { isEmpty: true } } }, select: { id: true, roles: true } });
    for (const p of holders) if (p.roles.some((r) => roles.includes(r))) ids.add(p.id);
  }
  return [...ids].sort();
}
