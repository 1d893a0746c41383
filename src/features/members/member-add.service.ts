import { DomainError } from '../../domain-error.ts';
import type { Actor } from '../identity/identity.service.ts';
import { matchName } from './member-lookup.ts';
import { auditBy, authorise, type Ctx, type Tx } from './member-people.ts';
import { grantRole } from './member-roles.service.ts';
import type { NewMember } from './members.schemas.ts';

export interface AddOutcome {
  kind: 'added' | 'reinstated';
  personId: string;
  name: string;
  organisation?: string;
  newOrganisation: boolean;
  displaced: string[];
}

/**
 * Adds a member (or brings back someone retired, or an attendee, with the same email). A current
 * member with the same email or name is refused: lookups by name must stay unambiguous.
 */
export async function addMember(
  ctx: Ctx,
  who: Actor | undefined,
  input: NewMember,
  sourceActivityId?: string,
): Promise<AddOutcome> {
  const actor = authorise(who, 'member.manage');
  const now = ctx.clock.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const { partnershipId } = actor;
    const sameEmail = await tx.person.findFirst({
      where: { partnershipId, email: { equals: input.email, mode: 'insensitive' } },
    });
    if (sameEmail?.membership === 'MEMBER')
      throw new DomainError(
        'member.exists',
        `${sameEmail.name} already has the email ${input.email} and is a member; nothing was added.`,
      );
    const sameName = await tx.person.findFirst({
      where: {
        partnershipId,
        membership: 'MEMBER',
        name: { equals: input.name, mode: 'insensitive' },
      },
    });
    if (sameName)
      throw new DomainError(
        'member.exists',
        `There is already a member called ${sameName.name} (${sameName.email}); nothing was added.`,
      );
    const org = input.organisation
      ? await organisationFor(tx, actor, now, input.organisation)
      : undefined;
    const data = {
      name: input.name,
      title: input.title ?? null,
      email: input.email,
      organisationId: org?.id ?? null,
      membership: 'MEMBER' as const,
      retiredAt: null,
    };
    const person = sameEmail
      ? await tx.person.update({ where: { id: sameEmail.id }, data: { ...data, roles: [] } })
      : await tx.person.create({ data: { ...data, partnershipId } });
    const before = sameEmail
      ? {
          name: sameEmail.name,
          title: sameEmail.title,
          membership: sameEmail.membership,
          organisationId: sameEmail.organisationId,
        }
      : undefined;
    await auditBy(tx, actor, now, {
      action: sameEmail ? 'member.reinstated' : 'member.added',
      entity: 'Person',
      entityId: person.id,
      entityRef: person.name,
      sourceActivityId,
      before,
      after: { ...data, retiredAt: undefined },
    });
    const displaced = input.role
      ? await grantRole(
          tx,
          actor,
          now,
          { id: person.id, name: person.name, roles: [] },
          input.role,
          sourceActivityId,
        )
      : [];
    return {
      kind: sameEmail ? 'reinstated' : 'added',
      personId: person.id,
      name: person.name,
      organisation: org?.name,
      newOrganisation: org?.created ?? false,
      displaced,
    };
  });
}

/** The organisation a name means (name, short name or alias, small typos); a new one is created and audited. */
async function organisationFor(
  tx: Tx,
  actor: Actor,
  now: Date,
  said: string,
): Promise<{ id: string; name: string; created: boolean }> {
  const all = await tx.organisation.findMany({
    where: { partnershipId: actor.partnershipId },
    select: { id: true, name: true, shortName: true, aliases: true },
  });
  const found = matchName(
    said,
    all.map((o) => ({
      id: o.id,
      name: o.name,
      aliases: [...(o.shortName ? [o.shortName] : []), ...o.aliases],
    })),
  );
  if (found.kind === 'one') return { ...found.item, created: false };
  if (found.kind === 'many')
    throw new DomainError(
      'member.ambiguous',
      `"${said.slice(0, 80)}" could be ${found.items.map((o) => o.name).join(' or ')}. Please give the organisation's full name.`,
    );
  const created = await tx.organisation.create({
    data: { partnershipId: actor.partnershipId, name: said },
  });
  await auditBy(tx, actor, now, {
    action: 'organisation.added',
    entity: 'Organisation',
    entityId: created.id,
    entityRef: created.name,
    after: { name: created.name },
  });
  return { id: created.id, name: created.name, created: true };
}

/** What the officer is told. */
export function addMessage(outcome: AddOutcome, role?: string): string {
  const org = outcome.organisation
    ? ` (${outcome.organisation}${outcome.newOrganisation ? ', a new organisation' : ''})`
    : '';
  const verb = outcome.kind === 'added' ? 'is now a member' : 'is a member again';
  const asRole = role
    ? ` and ${role}${outcome.displaced.length ? ` (moved from ${outcome.displaced.join(' and ')})` : ''}`
    : '';
  return `${outcome.name}${org} ${verb}${asRole}. They can talk to me in Teams with their work email; say "${outcome.name} now answers for …" to give them a service.`;
}
