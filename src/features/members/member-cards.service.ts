import { DomainError } from '../../domain-error.ts';
import type { Actor } from '../identity/identity.service.ts';
import { holdingsOf, type Holding } from './member-holdings.ts';
import { authorise, findMember, peopleOf, type Ctx } from './member-people.ts';
import { retireMember, type RetireOutcome, type RetireRequest } from './member-retire.service.ts';

/**
 * Cards this feature sends and checks on return: the server remembers what each card was for
 * (SentCard), so nothing a card sends back is trusted beyond the choices it was given.
 */
type CardKind = 'member.addForm' | 'member.retire';

async function remember(ctx: Ctx, actor: Actor, kind: CardKind, data: object): Promise<string> {
  const card = await ctx.db.prisma.sentCard.create({
    data: { kind, personId: actor.personId, data, createdAt: ctx.clock.now() },
  });
  return card.id;
}

/** The card, if this officer was sent it and has not used it yet. */
async function claim(ctx: Ctx, actor: Actor, sentCardId: string, kind: CardKind) {
  const card = await ctx.db.prisma.sentCard.findUnique({ where: { id: sentCardId } });
  if (!card || card.kind !== kind || card.personId !== actor.personId)
    throw new DomainError(
      'member.bad_card',
      'That card is not one I sent you, so nothing was changed.',
      403,
    );
  if (card.closedAt)
    throw new DomainError(
      'member.card_used',
      'That card was already used. Nothing more was changed.',
    );
  return card;
}

const close = (ctx: Ctx, id: string) =>
  ctx.db.prisma.sentCard.update({ where: { id }, data: { closedAt: ctx.clock.now() } });

/** A fresh add-member form for an officer, with the organisations to suggest. */
export async function addForm(
  ctx: Ctx,
  who: Actor | undefined,
): Promise<{ sentCardId: string; organisations: string[] }> {
  const actor = authorise(who, 'member.manage');
  const orgs = await ctx.db.prisma.organisation.findMany({
    where: { partnershipId: actor.partnershipId },
    select: { shortName: true, name: true },
    orderBy: { name: 'asc' },
  });
  return {
    sentCardId: await remember(ctx, actor, 'member.addForm', {}),
    organisations: orgs.map((o) => o.shortName ?? o.name),
  };
}

/** Checks the form was ours and unused; runs the add; spends the form. */
export async function useAddForm<T>(
  ctx: Ctx,
  who: Actor | undefined,
  sentCardId: string,
  add: () => Promise<T>,
): Promise<T> {
  const actor = authorise(who, 'member.manage');
  const card = await claim(ctx, actor, sentCardId, 'member.addForm');
  const result = await add();
  await close(ctx, card.id);
  return result;
}

export interface RetirePreview {
  sentCardId: string;
  name: string;
  holdings: Holding[];
  members: Array<{ id: string; name: string }>;
}

/** "retire Stuart Baker" with no handover: what they own, and who could take it, before anything changes. */
export async function previewRetire(
  ctx: Ctx,
  who: Actor | undefined,
  name: string,
): Promise<RetirePreview> {
  const actor = authorise(who, 'member.manage');
  const { prisma } = ctx.db;
  const person = await findMember(prisma, actor.partnershipId, name, ['MEMBER', 'ATTENDEE']);
  const holdings = await holdingsOf(prisma, person.id);
  const members = (await peopleOf(prisma, actor.partnershipId)).filter((p) => p.id !== person.id);
  const sentCardId = await remember(ctx, actor, 'member.retire', {
    personId: person.id,
    keys: holdings.map((h) => h.key),
  });
  return {
    sentCardId,
    name: person.name,
    holdings,
    members: members.map((m) => ({ id: m.id, name: m.name })),
  };
}

/** The retire card's Confirm: successors as chosen on the card, checked again by the retirement itself. */
export async function confirmRetire(
  ctx: Ctx,
  who: Actor | undefined,
  input: {
    sentCardId: string;
    everything?: string;
    leaveUnowned: boolean;
    items: Record<string, string>;
  },
  sourceActivityId?: string,
): Promise<RetireOutcome> {
  const actor = authorise(who, 'member.manage');
  const card = await claim(ctx, actor, input.sentCardId, 'member.retire');
  const data = card.data as { personId: string; keys: string[] };
  const request: RetireRequest = {
    personId: data.personId,
    assign: new Map(),
    everything: input.everything === 'unowned' ? undefined : input.everything,
    leaveUnowned: input.leaveUnowned,
  };
  for (const [index, value] of Object.entries(input.items)) {
    const key = data.keys[Number(index)];
    if (!key)
      throw new DomainError(
        'member.bad_card',
        'That card sent something I did not ask for, so nobody was retired.',
      );
    request.assign.set(key, value === 'unowned' ? null : value);
  }
  const outcome = await retireMember(ctx, actor, request, sourceActivityId);
  await close(ctx, card.id);
  return outcome;
}

/** The retire card's Cancel: nothing changes, and the card cannot be confirmed afterwards. */
export async function cancelRetire(
  ctx: Ctx,
  who: Actor | undefined,
  sentCardId: string,
): Promise<void> {
  const actor = authorise(who, 'member.manage');
  const card = await claim(ctx, actor, sentCardId, 'member.retire');
  await close(ctx, card.id);
}
