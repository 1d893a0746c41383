import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import type { Actor } from '../identity/identity.service.ts';

/** The round a preview card was for, if this actor's partnership sent it. Card data is not trusted. */
export async function roundOfPreview(ctx: Pick<AppContext, 'db'>, actor: Actor | undefined, sentCardId: string): Promise<string> {
  const card = await ctx.db.prisma.sentCard.findUnique({ where: { id: sentCardId }, include: { round: true } });
  if (!card || card.kind !== 'round.preview' || !card.round || card.round.partnershipId !== actor?.partnershipId)
    throw new DomainError('round.bad_card', 'That card is not one I sent, so nothing was done.', 403);
  return card.round.id;
}
