import { DateTime } from 'luxon';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import { LONDON } from '../../time/financial-year.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.service.ts';
import { latestStartedMeeting, meetingOnSpokenDate, type MeetingRow } from '../meetings/meeting-dates.ts';
import { decide } from '../policy/policy.ts';
import { publishDigest, repostDigest, type DigestOutcome, type DigestTrigger } from './digest.service.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'outbox'>;

async function meetingMeant(ctx: Ctx, actor: Actor, spoken?: string): Promise<MeetingRow> {
  const now = ctx.clock.now();
  const meeting = spoken ? await meetingOnSpokenDate(ctx.db.prisma, actor.partnershipId, spoken, now) : await latestStartedMeeting(ctx.db.prisma, actor.partnershipId, now);
  if (!meeting) throw new DomainError('meeting.none', 'Which meeting? Say for example "mark the 27 October meeting held".', 404);
  return meeting;
}

/** Marks a meeting held (and its minutes published, if asked) once, audited; then the digest. */
async function markHeld(ctx: Ctx, partnershipId: string, meeting: MeetingRow, trigger: DigestTrigger, actorId?: string): Promise<DigestOutcome> {
  const now = ctx.clock.now();
  await ctx.db.prisma.$transaction(async (tx) => {
    const data = { ...(meeting.status === 'SCHEDULED' ? { status: 'HELD' as const, heldAt: now } : {}), ...(trigger === 'minutes' ? { minutesPublishedAt: now } : {}) };
    if (Object.keys(data).length === 0) return;
    const changed = await tx.meeting.updateMany({ where: { id: meeting.id, ...(trigger === 'minutes' ? { minutesPublishedAt: null } : { status: 'SCHEDULED' }) }, data });
    if (changed.count) await audit(tx, { partnershipId, actorId: actorId ?? null, actorLabel: actorId ? undefined : trigger, action: trigger === 'minutes' ? 'meeting.minutesPublished' : 'meeting.held', entity: 'Meeting', entityId: meeting.id, after: data, at: now });
  });
  return publishDigest(ctx, partnershipId, meeting.id, trigger, actorId);
}

/** An officer: "mark the 27 October meeting held" or "publish the minutes". */
export async function officerMarksHeld(ctx: Ctx, who: Actor | undefined, spoken: string | undefined, minutes: boolean): Promise<DigestOutcome> {
  const verdict = decide(who, 'digest.post');
  if (!verdict.allowed) throw new DomainError('digest.forbidden', verdict.reason, 403);
  const meeting = await meetingMeant(ctx, who!, spoken);
  if (meeting.startsAt > ctx.clock.now()) throw new DomainError('meeting.future', 'That meeting has not started yet.', 409);
  return markHeld(ctx, who!.partnershipId, meeting, minutes ? 'minutes' : 'held', who!.personId);
}

/** An officer: "repost the digest" (for the latest meeting, or one named by date). */
export async function officerReposts(ctx: Ctx, who: Actor | undefined, spoken: string | undefined, sourceActivityId?: string) {
  const verdict = decide(who, 'digest.post');
  if (!verdict.allowed) throw new DomainError('digest.forbidden', verdict.reason, 403);
  const meeting = await meetingMeant(ctx, who!, spoken);
  return repostDigest(ctx, who, meeting.id, sourceActivityId);
}

/**
 * Teams says a meeting ended. The partnership is the one whose conversation (the meeting chat)
 * or member sent it; the board meeting is the one that started that London day, before the end.
 * Anything else (another team's call) is ignored.
 */
export async function meetingEnded(ctx: Ctx, from: { conversationId?: string; actor?: Actor }, endTime: Date): Promise<DigestOutcome | undefined> {
  const ref = from.conversationId ? await ctx.db.prisma.conversationRef.findUnique({ where: { conversationId: from.conversationId }, select: { partnershipId: true } }) : null;
  const partnershipId = ref?.partnershipId ?? from.actor?.partnershipId;
  if (!partnershipId) return undefined;
  const day = DateTime.fromJSDate(endTime, { zone: LONDON });
  const meeting = await ctx.db.prisma.meeting.findFirst({
    where: { partnershipId, status: { not: 'CANCELLED' }, startsAt: { gte: day.startOf('day').toJSDate(), lte: endTime } },
    orderBy: { startsAt: 'desc' },
    select: { id: true, startsAt: true, status: true, place: true, title: true },
  });
  if (!meeting) return undefined;
  return markHeld(ctx, partnershipId, meeting, 'meeting-end');
}
