import { DomainError } from '../../domain-error.ts';
import type { BoardRole } from '../../generated/prisma/enums.ts';
import type { Actor } from '../identity/identity.service.ts';
import {
  auditBy,
  authorise,
  findMember,
  peopleOf,
  type Ctx,
  type PersonRow,
  type Tx,
} from './member-people.ts';
import { ROLE_WORD } from './members.schemas.ts';

/** The chair and the vice-chair are held by one person at a time; officers and clerks may be several. */
const SINGLE_HOLDER: ReadonlySet<BoardRole> = new Set(['CHAIR', 'VICE_CHAIR']);
const RUNS_THE_BOT: ReadonlySet<BoardRole> = new Set(['OFFICER', 'CLERK']);

export type RoleOutcome =
  | { kind: 'changed'; name: string; role: BoardRole; on: boolean; displaced: string[] }
  | { kind: 'unchanged'; name: string; role: BoardRole; on: boolean };

/** "make Ken Loyal vice-chair", "Steve Wood is no longer clerk": officers only, audited. */
export async function changeRole(
  ctx: Ctx,
  who: Actor | undefined,
  personName: string,
  role: BoardRole,
  on: boolean,
  sourceActivityId?: string,
): Promise<RoleOutcome> {
  const actor = authorise(who, 'member.manage');
  const now = ctx.clock.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const person = await findMember(tx, actor.partnershipId, personName);
    if (person.roles.includes(role) === on)
      return { kind: 'unchanged', name: person.name, role, on };
    if (!on) {
      await removeRole(tx, actor, now, person, role, sourceActivityId);
      return { kind: 'changed', name: person.name, role, on, displaced: [] };
    }
    const displaced = await grantRole(tx, actor, now, person, role, sourceActivityId);
    return { kind: 'changed', name: person.name, role, on, displaced };
  });
}

/** Gives a role; a single-holder role moves from whoever held it. Returns the names it moved from. */
export async function grantRole(
  tx: Tx,
  actor: Actor,
  now: Date,
  person: Pick<PersonRow, 'id' | 'name' | 'roles'>,
  role: BoardRole,
  sourceActivityId?: string,
): Promise<string[]> {
  const displaced: string[] = [];
  if (SINGLE_HOLDER.has(role)) {
    const holders = (await peopleOf(tx, actor.partnershipId)).filter(
      (p) => p.id !== person.id && p.roles.includes(role),
    );
    for (const holder of holders) {
      await setRoles(
        tx,
        actor,
        now,
        holder,
        holder.roles.filter((r) => r !== role),
        sourceActivityId,
      );
      displaced.push(holder.name);
    }
  }
  await setRoles(tx, actor, now, person, [...person.roles, role], sourceActivityId);
  return displaced;
}

/** Takes a role away, unless that would leave the partnership with nobody who can run the bot. */
async function removeRole(
  tx: Tx,
  actor: Actor,
  now: Date,
  person: PersonRow,
  role: BoardRole,
  sourceActivityId?: string,
): Promise<void> {
  const remaining = person.roles.filter((r) => r !== role);
  if (RUNS_THE_BOT.has(role) && !remaining.some((r) => RUNS_THE_BOT.has(r))) {
    const others = (await peopleOf(tx, actor.partnershipId)).filter(
      (p) => p.id !== person.id && p.roles.some((r) => RUNS_THE_BOT.has(r)),
    );
    if (others.length === 0)
      throw new DomainError(
        'member.last_officer',
        `${person.name} is the only officer; make someone else an officer first, so that someone can still run the partnership.`,
      );
  }
  await setRoles(tx, actor, now, person, remaining, sourceActivityId);
}

async function setRoles(
  tx: Tx,
  actor: Actor,
  now: Date,
  person: Pick<PersonRow, 'id' | 'name' | 'roles'>,
  roles: BoardRole[],
  sourceActivityId?: string,
) {
  const after = [...new Set(roles)];
  await tx.person.update({ where: { id: person.id }, data: { roles: after } });
  await auditBy(tx, actor, now, {
    action: 'member.roles',
    entity: 'Person',
    entityId: person.id,
    entityRef: person.name,
    sourceActivityId,
    before: { roles: person.roles },
    after: { roles: after },
  });
  person.roles = after;
}

/** The sentence that tells the officer what changed. */
export function roleMessage(outcome: RoleOutcome): string {
  const word = ROLE_WORD[outcome.role];
  if (outcome.kind === 'unchanged')
    return outcome.on
      ? `${outcome.name} is already ${word}; nothing changed.`
      : `${outcome.name} is not ${word}; nothing changed.`;
  if (!outcome.on) return `${outcome.name} is no longer ${word}.`;
  const moved = outcome.displaced.length
    ? ` (it moved from ${outcome.displaced.join(' and ')})`
    : '';
  return `${outcome.name} is now ${word}${moved}.`;
}
