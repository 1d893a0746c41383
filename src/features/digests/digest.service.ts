import type { AppContext } from '../../app-context.ts';
import { isUniqueViolation } from '../../db/conflicts.ts';
import { DomainError } from '../../domain-error.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { audit } from '../audit/audit.service.ts';
import { enqueue } from '../delivery/outbox.service.ts';
import type { Actor } from '../identity/identity.service.ts';
import { formatDay } from '../meetings/meetings.cards.ts';
import { decide } from '../policy/policy.ts';
import { digestContent } from './digest-content.service.ts';
import { renderDigestCard } from './digests.cards.ts';
import { yourItemsMessages } from './your-items.service.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'outbox'>;
type Tx = Prisma.TransactionClient;

/** What became of a request to post a meeting's digest. */
export type DigestOutcome =
  | { kind: 'posted'; meetingDay: string; members: number }
  | { kind: 'already'; meetingDay: string }
  | { kind: 'no-channel'; meetingDay: string };

/** Who or what asked for the digest (kept on the Digest row and in the audit). */
export type DigestTrigger = 'held' | 'minutes' | 'meeting-end' | 'repost';

async function channelOf(tx: Tx, partnershipId: string) {
  return tx.conversationRef.findFirst({ where: { partnershipId, digestChannel: true, kind: 'CHANNEL' }, orderBy: { updatedAt: 'desc' }, select: { id: true } });
}

/**
 * Posts a meeting's digest to the partnership's channel, exactly once whatever triggers it and
 * however often: the Digest row (unique per meeting) and the outbox message are written in one
 * transaction, and the outbox dedupe key stops a second copy even if a row were lost. Members'
 * "your items" messages go with it. Without a registered channel nothing is recorded, so the
 * digest can still be posted once a channel is registered.
 */
export async function publishDigest(ctx: Ctx, partnershipId: string, meetingId: string, trigger: DigestTrigger, actorId?: string): Promise<DigestOutcome> {
  const now = ctx.clock.now();
  try {
    const outcome = await ctx.db.prisma.$transaction(async (tx) => {
      const meeting = await tx.meeting.findFirstOrThrow({ where: { id: meetingId, partnershipId }, select: { id: true, startsAt: true } });
      const meetingDay = formatDay(meeting.startsAt);
      if (await tx.digest.findUnique({ where: { meetingId } })) return { kind: 'already' as const, meetingDay };
      const channel = await channelOf(tx, partnershipId);
      if (!channel) return { kind: 'no-channel' as const, meetingDay };
      await tx.digest.create({ data: { meetingId, trigger, createdAt: now } });
      const card = renderDigestCard(await digestContent(tx, partnershipId, meeting, now));
      await enqueue(tx, [{ partnershipId, dedupeKey: `digest:${meetingId}:channel`, kind: 'digest.channel', conversationRefId: channel.id, payload: { activity: { type: 'message', summary: `Digest of the meeting of ${meetingDay}`, attachments: [card] } } }], now);
      const items = await yourItemsMessages(tx, partnershipId, meeting);
      await enqueue(tx, items, now);
      await audit(tx, { partnershipId, actorId: actorId ?? null, actorLabel: actorId ? undefined : trigger, action: 'digest.posted', entity: 'Meeting', entityId: meetingId, entityRef: meetingDay, after: { trigger, members: items.length }, at: now });
      return { kind: 'posted' as const, meetingDay, members: items.length };
    });
    ctx.outbox.kick();
    return outcome;
  } catch (error) {
    // Two triggers at once: the other one created the Digest row and posted it.
    if (!isUniqueViolation(error)) throw error;
    const meeting = await ctx.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { startsAt: true } });
    return { kind: 'already', meetingDay: formatDay(meeting.startsAt) };
  }
}

/** Posts the digest again, only on an officer's explicit word; each repost is counted and audited. */
export async function repostDigest(ctx: Ctx, who: Actor | undefined, meetingId: string, sourceActivityId?: string): Promise<{ meetingDay: string; count: number }> {
  const verdict = decide(who, 'digest.post');
  if (!verdict.allowed) throw new DomainError('digest.forbidden', verdict.reason, 403);
  const actor = who!;
  const now = ctx.clock.now();
  const result = await ctx.db.prisma.$transaction(async (tx) => {
    const meeting = await tx.meeting.findFirstOrThrow({ where: { id: meetingId, partnershipId: actor.partnershipId }, select: { id: true, startsAt: true } });
    const meetingDay = formatDay(meeting.startsAt);
    const digest = await tx.digest.findUnique({ where: { meetingId } });
    if (!digest) throw new DomainError('digest.none', `The digest of ${meetingDay} has not been posted yet: mark the meeting held first.`, 409);
    const channel = await channelOf(tx, actor.partnershipId);
    if (!channel) throw new DomainError('digest.no_channel', 'No channel is registered for digests: say "post digests here" in the channel, @mentioning me.', 409);
    const { repostCount } = await tx.digest.update({ where: { meetingId }, data: { repostCount: { increment: 1 } } });
    const card = renderDigestCard(await digestContent(tx, actor.partnershipId, meeting, now));
    await enqueue(tx, [{ partnershipId: actor.partnershipId, dedupeKey: `digest:${meetingId}:repost:${repostCount}`, kind: 'digest.channel', conversationRefId: channel.id, payload: { activity: { type: 'message', summary: `Digest of the meeting of ${meetingDay}`, attachments: [card] } } }], now);
    await audit(tx, { partnershipId: actor.partnershipId, actorId: actor.personId, action: 'digest.reposted', entity: 'Meeting', entityId: meetingId, entityRef: meetingDay, sourceActivityId, after: { repostCount }, at: now });
    return { meetingDay, count: repostCount };
  });
  ctx.outbox.kick();
  return result;
}
