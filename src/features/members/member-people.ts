import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { BoardRole, Membership } from '../../generated/prisma/enums.ts';
import { audit, type AuditInput } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.service.ts';
import { decide, type PolicyTarget, type PolicyVerb } from '../policy/policy.ts';
import { requireOne } from './member-lookup.ts';

export type Ctx = Pick<AppContext, 'db' | 'clock'>;
export type Tx = Prisma.TransactionClient | PrismaClient;

/** A person as the membership rules need them. */
export interface PersonRow {
  id: string;
  name: string;
  membership: Membership;
  roles: BoardRole[];
}

/** Asks the policy module; a refusal becomes the user's message and nothing is read or changed. */
export function authorise(
  actor: Actor | undefined,
  verb: PolicyVerb,
  target?: PolicyTarget,
): Actor {
  const decision = decide(actor, verb, target);
  if (!decision.allowed) throw new DomainError('member.forbidden', decision.reason, 403);
  return actor!;
}

/** Everyone of the partnership with the given memberships (current members by default). */
export async function peopleOf(
  tx: Tx,
  partnershipId: string,
  membership: Membership[] = ['MEMBER'],
): Promise<PersonRow[]> {
  return tx.person.findMany({
    where: { partnershipId, membership: { in: membership } },
    select: { id: true, name: true, membership: true, roles: true },
    orderBy: { name: 'asc' },
  });
}

/** The one current member a name means, or a refusal that says why not. */
export async function findMember(
  tx: Tx,
  partnershipId: string,
  said: string,
  membership: Membership[] = ['MEMBER'],
): Promise<PersonRow> {
  const people = await peopleOf(tx, partnershipId, membership);
  return requireOne(
    said,
    people,
    membership.length === 1 && membership[0] === 'MEMBER' ? 'current member' : 'person',
  );
}

/** One audit entry by this actor, now, in the caller's transaction. */
export function auditBy(
  tx: Tx,
  actor: Actor,
  at: Date,
  entry: Omit<AuditInput, 'partnershipId' | 'actorId' | 'at'>,
) {
  return audit(tx, { partnershipId: actor.partnershipId, actorId: actor.personId, at, ...entry });
}

/** "Ken Loyal and Stuart Baker", "Ken Loyal, Stuart Baker and Rob Vale". */
export function andList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
