import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import { audit } from '../audit/audit.service.ts';
import type { ConversationReferenceData } from '../conversations/conversation-refs.service.ts';
import type { Actor } from '../identity/identity.service.ts';
import { decide } from '../policy/policy.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

/** Where a channel message came from, as the route reads it off the activity. */
export interface ChannelPlace {
  /** The channel's own id (channelData.channel.id), not a reply thread's. */
  channelId: string;
  teamId?: string;
  reference: ConversationReferenceData;
}

/**
 * Marks the channel as the partnership's digest channel (one per partnership: the last one
 * registered wins). The reference is stored for the channel itself, so digests start new posts
 * rather than replying in whichever thread the command came from.
 */
async function register(ctx: Ctx, partnershipId: string, place: ChannelPlace, actorId: string, how: string): Promise<void> {
  const now = ctx.clock.now();
  const reference = { ...place.reference, conversation: { ...place.reference.conversation, id: place.channelId, conversationType: 'channel', isGroup: true } };
  await ctx.db.prisma.$transaction(async (tx) => {
    await tx.conversationRef.updateMany({ where: { partnershipId, digestChannel: true, conversationId: { not: place.channelId } }, data: { digestChannel: false } });
    const data = { kind: 'CHANNEL' as const, partnershipId, teamId: place.teamId ?? null, tenantId: reference.conversation.tenantId ?? null, serviceUrl: reference.serviceUrl, reference: reference as object, digestChannel: true, needsInstall: false };
    const row = await tx.conversationRef.upsert({ where: { conversationId: place.channelId }, create: { conversationId: place.channelId, ...data }, update: data });
    await audit(tx, { partnershipId, actorId, action: 'digest.channelRegistered', entity: 'ConversationRef', entityId: row.id, after: { how, teamId: place.teamId ?? null }, at: now });
  });
}

/** An officer in a channel: "post digests here". */
export async function registerByOfficer(ctx: Ctx, who: Actor | undefined, place: ChannelPlace): Promise<void> {
  const verdict = decide(who, 'digest.register');
  if (!verdict.allowed) throw new DomainError('digest.forbidden', verdict.reason, 403);
  await register(ctx, who!.partnershipId, place, who!.personId, 'command');
}

/**
 * The bot was added to a team by a member: the team becomes the partnership's digest channel
 * unless one is already registered (an officer can move it with "post digests here").
 */
export async function registerOnInstall(ctx: Ctx, installer: Actor | undefined, place: ChannelPlace): Promise<boolean> {
  if (!installer || installer.membership !== 'MEMBER') return false;
  const existing = await ctx.db.prisma.conversationRef.count({ where: { partnershipId: installer.partnershipId, digestChannel: true } });
  if (existing > 0) return false;
  await register(ctx, installer.partnershipId, place, installer.personId, 'install');
  return true;
}
