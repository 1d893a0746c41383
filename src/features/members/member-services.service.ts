import { DomainError } from '../../domain-error.ts';
import type { Actor } from '../identity/identity.service.ts';
import { matchName, type Named } from './member-lookup.ts';
import { andList, auditBy, authorise, findMember, type Ctx, type Tx } from './member-people.ts';

export type AnswersOutcome =
  | { kind: 'recorded' | 'already'; person: string; service: string; answerers: string[] }
  | { kind: 'choose'; personId: string; person: string; said: string; choices: Named[] };

/**
 * "Jamie O'Malley now answers for domestic abuse": the service by name or alias (any case, small
 * typos); when none fits, the closest services come back as choices rather than a guess.
 */
export async function answersFor(
  ctx: Ctx,
  who: Actor | undefined,
  personName: string,
  said: string,
  sourceActivityId?: string,
): Promise<AnswersOutcome> {
  const actor = authorise(who, 'member.manage');
  const { prisma } = ctx.db;
  const person = await findMember(prisma, actor.partnershipId, personName);
  const services = await servicesOf(prisma, actor.partnershipId);
  const found = matchName(said, services);
  if (found.kind === 'one')
    return recordAnswerer(ctx, actor, person.id, found.item.id, sourceActivityId);
  const choices = found.kind === 'many' ? found.items : found.closest;
  if (choices.length === 0)
    throw new DomainError(
      'member.unknown_service',
      `I don't know a service called "${said.slice(0, 80)}". The services are: ${services.map((s) => s.name).join(', ')}.`,
    );
  return { kind: 'choose', personId: person.id, person: person.name, said, choices };
}

/** Services a person can answer for (groups of every member are not answered for by anyone). */
export async function servicesOf(tx: Tx, partnershipId: string): Promise<Named[]> {
  return tx.service.findMany({
    where: { partnershipId, allMembers: false },
    select: { id: true, name: true, aliases: true, note: true },
    orderBy: { name: 'asc' },
  });
}

/** Adds the person to those who answer for the service; audited; doing it twice changes nothing. */
export async function recordAnswerer(
  ctx: Ctx,
  who: Actor | undefined,
  personId: string,
  serviceId: string,
  sourceActivityId?: string,
): Promise<AnswersOutcome> {
  const actor = authorise(who, 'member.manage');
  const now = ctx.clock.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const service = await tx.service.findFirst({
      where: { id: serviceId, partnershipId: actor.partnershipId },
      include: {
        answerers: { include: { person: { select: { id: true, name: true, membership: true } } } },
      },
    });
    const person = await tx.person.findFirst({
      where: { id: personId, partnershipId: actor.partnershipId, membership: 'MEMBER' },
    });
    if (!service || !person)
      throw new DomainError(
        'member.not_found',
        'That person or service is no longer in the partnership; nothing was changed.',
      );
    const before = service.answerers
      .filter((a) => a.person.membership === 'MEMBER')
      .map((a) => a.person.name);
    if (service.answerers.some((a) => a.personId === personId))
      return { kind: 'already', person: person.name, service: service.name, answerers: before };
    await tx.serviceAnswerer.create({ data: { serviceId, personId, since: now } });
    const after = [...before, person.name];
    await auditBy(tx, actor, now, {
      action: 'service.answerer.added',
      entity: 'Service',
      entityId: serviceId,
      entityRef: service.name,
      sourceActivityId,
      before: { answerers: before },
      after: { answerers: after },
    });
    return { kind: 'recorded', person: person.name, service: service.name, answerers: after };
  });
}

/** What the officer is told once it is recorded. */
export function answersMessage(outcome: Exclude<AnswersOutcome, { kind: 'choose' }>): string {
  const who = `${andList(outcome.answerers)} ${outcome.answerers.length === 1 ? 'answers' : 'answer'} for ${outcome.service}.`;
  return outcome.kind === 'already'
    ? `${outcome.person} already answers for ${outcome.service}; nothing changed. ${who}`
    : `Recorded: ${outcome.person} now answers for ${outcome.service}. ${who}`;
}

/** Remembers the choices offered, so the pick is checked against them and not against the card. */
export async function rememberChoices(
  ctx: Ctx,
  actor: Actor,
  outcome: Extract<AnswersOutcome, { kind: 'choose' }>,
): Promise<string> {
  const card = await ctx.db.prisma.sentCard.create({
    data: {
      kind: 'member.answersChoice',
      personId: actor.personId,
      data: { personId: outcome.personId, serviceIds: outcome.choices.map((c) => c.id) },
      createdAt: ctx.clock.now(),
    },
  });
  return card.id;
}

/** Records the service picked from a choices card this officer was sent; a card used once is spent. */
export async function pickChoice(
  ctx: Ctx,
  who: Actor | undefined,
  sentCardId: string,
  choice: number,
  sourceActivityId?: string,
) {
  const actor = authorise(who, 'member.manage');
  const card = await ctx.db.prisma.sentCard.findUnique({ where: { id: sentCardId } });
  const data = card?.data as { personId?: string; serviceIds?: string[] } | undefined;
  if (
    !card ||
    card.kind !== 'member.answersChoice' ||
    card.personId !== actor.personId ||
    !data?.personId
  )
    throw new DomainError(
      'member.bad_card',
      'That card is not one I sent you, so nothing was changed.',
      403,
    );
  const serviceId = data.serviceIds?.[choice];
  if (!serviceId)
    throw new DomainError(
      'member.bad_card',
      'That choice is not one the card offered, so nothing was changed.',
    );
  const outcome = await recordAnswerer(ctx, actor, data.personId, serviceId, sourceActivityId);
  await ctx.db.prisma.sentCard.update({
    where: { id: card.id },
    data: { closedAt: ctx.clock.now() },
  });
  return outcome as Exclude<AnswersOutcome, { kind: 'choose' }>;
}
