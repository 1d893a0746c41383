import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import { audit } from '../audit/audit.service.ts';
import { enqueue } from '../delivery/outbox.service.ts';
import type { Actor } from '../identity/identity.service.ts';
import { decide } from '../policy/policy.ts';
import { editableCard } from './round-card-view.ts';

const normalise = (s: string) => s.toLowerCase().replace(/['’.]/g, '').replace(/\s+/g, ' ').trim();

/**
 * Lets a member hand this round's updates to another member: the delegate gets the same cards
 * and may answer them. The delegate must be a current member.
 */
export async function delegateUpdates(ctx: Pick<AppContext, 'db' | 'clock' | 'outbox'>, actor: Actor | undefined, toName: string, sourceActivityId?: string) {
  const verdict = decide(actor, 'round.delegate');
  if (!verdict.allowed) throw new DomainError('round.forbidden', verdict.reason, 403);
  const { prisma } = ctx.db;
  const round = await prisma.round.findFirst({ where: { partnershipId: actor!.partnershipId, status: 'OPEN' }, orderBy: { openedAt: 'desc' } });
  if (!round) throw new DomainError('round.none_open', 'There is no open round to delegate.');
  const members = await prisma.person.findMany({ where: { partnershipId: actor!.partnershipId, membership: 'MEMBER' }, select: { id: true, name: true } });
  const wanted = normalise(toName);
  const matches = members.filter((m) => normalise(m.name) === wanted);
  const delegate = matches.length === 1 ? matches[0]! : undefined;
  if (!delegate) throw new DomainError('round.delegate_unknown', `${toName.slice(0, 80)} is not a member of the partnership, so I can't delegate to them. An officer can add them first.`);
  if (delegate.id === actor!.personId) throw new DomainError('round.delegate_self', 'You cannot delegate to yourself.');
  const now = ctx.clock.now();
  const cards = await prisma.$transaction(async (tx) => {
    const existing = await tx.delegation.findFirst({ where: { roundId: round.id, fromId: actor!.personId, toId: delegate.id, revokedAt: null } });
    if (existing) return 0;
    const created = await tx.delegation.create({ data: { roundId: round.id, fromId: actor!.personId, toId: delegate.id, createdAt: now } });
    await audit(tx, { partnershipId: actor!.partnershipId, actorId: actor!.personId, action: 'round.delegated', entity: 'Delegation', entityId: created.id, sourceActivityId, after: { toId: delegate.id, roundId: round.id }, at: now });
    const sent = await tx.sentCard.findMany({ where: { roundId: round.id, kind: 'round.update', personId: actor!.personId } });
    for (const card of sent) {
      const attachment = await editableCard(tx, card.id);
      await enqueue(tx, [{ partnershipId: actor!.partnershipId, dedupeKey: `delegation:${created.id}:${card.id}`, kind: 'round.card', personId: delegate.id, payload: { activity: { type: 'message', text: `${actor!.name} has delegated their updates to you for this round.`, attachments: [attachment] } } }], now);
    }
    return sent.length;
  });
  ctx.outbox.kick();
  return { delegateName: delegate.name, cards };
}
