import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { Answer, PersonView } from './answers.ts';
import type { BoardRoleName, WhoTarget } from './intent.ts';
import { ROLE_LABELS } from './vocabulary.ts';

const PERSON_SELECT = {
  name: true,
  honorific: true,
  title: true,
  email: true,
  roles: true,
  membership: true,
  organisation: { select: { name: true } },
  answersFor: { select: { service: { select: { name: true } } } },
} satisfies Prisma.PersonSelect;

type PersonRow = Prisma.PersonGetPayload<{ select: typeof PERSON_SELECT }>;

const ROLE_ORDER = ['CHAIR', 'VICE_CHAIR', 'OFFICER', 'CLERK'] as const;

function toView(p: PersonRow): PersonView {
  return {
    name: p.name,
    ...(p.honorific ? { honorific: p.honorific } : {}),
    ...(p.title ? { title: p.title } : {}),
    ...(p.organisation ? { organisation: p.organisation.name } : {}),
    roles: ROLE_ORDER.filter((r) => p.roles.includes(r)).map((r) => ROLE_LABELS[r]),
    answersFor: p.answersFor.map((a) => a.service.name).sort(),
    email: p.email,
  };
}

/** Board roles first (chair, vice-chair, officers), then everyone else by name. */
function boardOrder(a: PersonRow, b: PersonRow): number {
  const rank = (p: PersonRow) =>
    Math.min(...p.roles.map((r) => ROLE_ORDER.indexOf(r as (typeof ROLE_ORDER)[number])), 9);
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}

type Db = PrismaClient;
const MEMBERS = (partnershipId: string) => ({ partnershipId, membership: 'MEMBER' as const });

function peopleAnswer(
  title: string,
  subtitle: string,
  people: PersonRow[],
  note?: string | null,
): Answer {
  return { kind: 'people', title, subtitle, people: people.map(toView), ...(note ? { note } : {}) };
}

async function members(prisma: Db, partnershipId: string): Promise<PersonRow[]> {
  const people = await prisma.person.findMany({
    where: MEMBERS(partnershipId),
    select: PERSON_SELECT,
  });
  return people.sort(boardOrder);
}

async function person(prisma: Db, partnershipId: string, name: string): Promise<Answer> {
  const p = await prisma.person.findFirst({
    where: { partnershipId, name },
    select: PERSON_SELECT,
  });
  if (!p) return { kind: 'notice', text: `I don't know ${name}.` };
  const status = {
    MEMBER: 'Member of the board',
    ATTENDEE: 'Attends; not a member',
    RETIRED: 'Former member',
  }[p.membership];
  return peopleAnswer(p.honorific ? `${p.honorific} ${p.name}` : p.name, status, [p]);
}

async function role(prisma: Db, partnershipId: string, role: BoardRoleName): Promise<Answer> {
  // Filtered here: an enum-array `has` filter is refused by the PGlite driver adapter.
  const people = (await members(prisma, partnershipId)).filter((p) => p.roles.includes(role));
  const label = ROLE_LABELS[role];
  if (people.length === 0) return { kind: 'notice', text: `No one is recorded as ${label}.` };
  return peopleAnswer(label, people.map((p) => p.name).join(', '), people);
}

async function service(prisma: Db, partnershipId: string, name: string): Promise<Answer> {
  const s = await prisma.service.findFirst({
    where: { partnershipId, name },
    select: {
      name: true,
      allMembers: true,
      note: true,
      answerers: { select: { person: { select: PERSON_SELECT } } },
    },
  });
  if (!s) return { kind: 'notice', text: `I don't know ${name}.` };
  const people = s.answerers.map((a) => a.person).sort(boardOrder);
  const names = people.map((p) => p.name).join(', ');
  const subtitle = s.allMembers
    ? 'Every member of the board'
    : names
      ? `Answered for by ${names}`
      : 'No one answers for it yet';
  return peopleAnswer(`Who answers for ${s.name}`, subtitle, people, s.note);
}

/** Who is who: the members, a person, who holds a role, who answers for a service or partner. */
export async function answerWho(
  prisma: Db,
  partnershipId: string,
  target: WhoTarget,
): Promise<Answer> {
  switch (target.kind) {
    case 'members': {
      const people = await members(prisma, partnershipId);
      return peopleAnswer('Members of the board', `${people.length} members`, people);
    }
    case 'person':
      return person(prisma, partnershipId, target.name);
    case 'role':
      return role(prisma, partnershipId, target.role);
    case 'service':
      return service(prisma, partnershipId, target.name);
    case 'organisation': {
      const people = (await members(prisma, partnershipId)).filter(
        (p) => p.organisation?.name === target.name,
      );
      return peopleAnswer(`Members from ${target.name}`, `${people.length} members`, people);
    }
  }
}
