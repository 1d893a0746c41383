import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { BoardRole, Membership } from '../../generated/prisma/enums.ts';

/** The person behind a Teams user, as every rule needs them. */
export interface Actor {
  personId: string;
  partnershipId: string;
  name: string;
  roles: BoardRole[];
  membership: Membership;
}

/** What Teams tells us about the user: ids always, the email/UPN from the roster when asked. */
export interface TeamsIdentity {
  aadObjectId?: string | undefined;
  teamsUserId?: string | undefined;
  email?: string | undefined;
}

const ACTOR_FIELDS = { id: true, partnershipId: true, name: true, roles: true, membership: true } as const;

function toActor(p: { id: string; partnershipId: string; name: string; roles: BoardRole[]; membership: Membership }): Actor {
  return { personId: p.id, partnershipId: p.partnershipId, name: p.name, roles: p.roles, membership: p.membership };
}

/** Finds the person by their Entra object id (one indexed read: the common case). */
export async function findActorByAadObjectId(prisma: PrismaClient, aadObjectId: string): Promise<Actor | undefined> {
  const person = await prisma.person.findUnique({ where: { aadObjectId }, select: ACTOR_FIELDS });
  return person ? toActor(person) : undefined;
}

/**
 * Matches a first-time user by the email or UPN the Teams roster gives, then remembers their
 * object id so the next turn needs no roster call. Only current members and attendees match.
 */
export async function matchActorByEmail(prisma: PrismaClient, identity: TeamsIdentity): Promise<Actor | undefined> {
  if (!identity.email) return undefined;
  const person = await prisma.person.findFirst({
    where: { email: { equals: identity.email.trim(), mode: 'insensitive' }, membership: { not: 'RETIRED' } },
    select: { ...ACTOR_FIELDS, aadObjectId: true },
  });
  if (!person) return undefined;
  if (identity.aadObjectId && person.aadObjectId !== identity.aadObjectId) {
    await prisma.person.update({
      where: { id: person.id },
      data: { aadObjectId: identity.aadObjectId, teamsUserId: identity.teamsUserId ?? null },
    });
  }
  return toActor(person);
}

/** Members take part; attendees and retired people see nothing of the partnership's data. */
export function isMember(actor: Actor | undefined): actor is Actor {
  return actor !== undefined && actor.membership === 'MEMBER';
}

export function hasRole(actor: Actor, ...roles: BoardRole[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

/** Officers and the chair run rounds, minutes and imports. */
export function isOfficerOrChair(actor: Actor): boolean {
  return hasRole(actor, 'OFFICER', 'CLERK', 'CHAIR');
}

export const ACCESS_HELP =
  "I can only help members of the partnership board. If you should have access, ask the partnership's officer to add you with your work email address.";
