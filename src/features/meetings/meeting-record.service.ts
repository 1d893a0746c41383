import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { localDate, londonWallTime } from '../../time/financial-year.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.service.ts';
import { decide } from '../policy/policy.ts';
import { enqueueActionNotices } from './action-notices.ts';
import { resolveOwners, splitOwnerList } from './action-owners.ts';
import { findMeetingOn, latestStartedMeeting, type MeetingRow } from './meeting-dates.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'outbox'>;
type Tx = Prisma.TransactionClient;

export interface MinuteInput {
  meetingDate?: string;
  number: number;
  title: string;
  text?: string;
  resolution?: string;
}

export interface ActionInput {
  meetingDate?: string;
  minute: number;
  owners: string[];
  text: string;
  dueOn?: string;
}

export interface RecordedAction {
  kind: 'recorded' | 'already';
  minute: number;
  seq: number;
  owners: number;
  notices: number;
}

function officer(actor: Actor | undefined): Actor {
  const verdict = decide(actor, 'minutes.record');
  if (!verdict.allowed) throw new DomainError('minutes.forbidden', verdict.reason, 403);
  return actor!;
}

/** Records a meeting (or finds it: one meeting per start time). */
export async function recordMeeting(ctx: Ctx, who: Actor | undefined, input: { date: string; time?: string; place?: string; title?: string }, sourceActivityId?: string): Promise<{ kind: 'recorded' | 'already'; meeting: MeetingRow }> {
  const actor = officer(who);
  const now = ctx.clock.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const existing = await findMeetingOn(tx, actor.partnershipId, input.date);
    if (existing) return { kind: 'already' as const, meeting: existing };
    const startsAt = londonWallTime(`${input.date}T${input.time ?? '10:00'}`);
    const meeting = await tx.meeting.create({
      data: { partnershipId: actor.partnershipId, startsAt, place: input.place ?? null, title: input.title ?? null, status: startsAt <= now ? 'HELD' : 'SCHEDULED', ...(startsAt <= now ? { heldAt: startsAt } : {}) },
      select: { id: true, startsAt: true, status: true, place: true, title: true },
    });
    await audit(tx, { partnershipId: actor.partnershipId, actorId: actor.personId, action: 'meeting.recorded', entity: 'Meeting', entityId: meeting.id, entityRef: input.date, sourceActivityId, after: input, at: now });
    return { kind: 'recorded' as const, meeting };
  });
}

async function meetingFor(tx: Tx, partnershipId: string, date: string | undefined, now: Date): Promise<MeetingRow> {
  const meeting = date ? await findMeetingOn(tx, partnershipId, date) : await latestStartedMeeting(tx, partnershipId, now);
  if (!meeting) throw new DomainError('meeting.unknown', date ? `There is no meeting on ${date}: record it first ("record the meeting on ${date}").` : 'There is no meeting yet to record minutes for.', 404);
  return meeting;
}

/** Records (or corrects) a minute of a meeting; the resolution is kept apart for the digest. */
export async function recordMinute(ctx: Ctx, who: Actor | undefined, input: MinuteInput, sourceActivityId?: string): Promise<{ meeting: MeetingRow; minuteId: string }> {
  const actor = officer(who);
  const now = ctx.clock.now();
  return ctx.db.prisma.$transaction((tx) => writeMinute(tx, actor, input, now, sourceActivityId));
}

async function writeMinute(tx: Tx, actor: Actor, input: MinuteInput, now: Date, sourceActivityId?: string) {
  const meeting = await meetingFor(tx, actor.partnershipId, input.meetingDate, now);
  const text = input.text ?? '';
  const resolution = input.resolution ?? /RESOLVED[^\n]*/.exec(text)?.[0] ?? null;
  const data = { title: input.title, text, resolution };
  const before = await tx.minute.findUnique({ where: { meetingId_number: { meetingId: meeting.id, number: input.number } } });
  const minute = await tx.minute.upsert({ where: { meetingId_number: { meetingId: meeting.id, number: input.number } }, create: { meetingId: meeting.id, number: input.number, ...data }, update: data });
  await audit(tx, { partnershipId: actor.partnershipId, actorId: actor.personId, action: before ? 'minute.corrected' : 'minute.recorded', entity: 'Minute', entityId: minute.id, entityRef: `minute ${input.number}`, sourceActivityId, before: before ? { title: before.title, resolution: before.resolution } : undefined, after: { title: data.title, resolution }, at: now });
  return { meeting, minuteId: minute.id };
}

/**
 * Records an action on a minute with its owners, and tells them (a group's members each get a
 * card) through the outbox in the same transaction. The same Teams message twice records once.
 */
export async function recordAction(ctx: Ctx, who: Actor | undefined, input: ActionInput, sourceActivityId?: string): Promise<RecordedAction> {
  const actor = officer(who);
  const now = ctx.clock.now();
  const result = await ctx.db.prisma.$transaction((tx) => writeAction(tx, actor, input, now, sourceActivityId));
  ctx.outbox.kick();
  return result;
}

async function writeAction(tx: Tx, actor: Actor, input: ActionInput, now: Date, sourceActivityId?: string): Promise<RecordedAction> {
  if (sourceActivityId) {
    const done = await tx.auditEntry.findFirst({ where: { sourceActivityId, action: 'action.created' }, select: { after: true } });
    if (done) return { kind: 'already', minute: input.minute, ...(done.after as { seq: number; owners: number }), notices: 0 };
  }
  const minutes = await tx.minute.findMany({ where: { number: input.minute, meeting: { partnershipId: actor.partnershipId } }, orderBy: { meeting: { startsAt: 'desc' } }, select: { id: true, meeting: { select: { startsAt: true } } } });
  const minute = input.meetingDate ? minutes.find((m) => localDate(m.meeting.startsAt) === input.meetingDate) : minutes[0];
  if (!minute) throw new DomainError('action.minute_unknown', `There is no minute ${input.minute} yet: record it first ("minute ${input.minute}: TITLE").`, 404);
  const owners = await resolveOwners(tx, actor.partnershipId, input.owners);
  if (owners.length === 0) throw new DomainError('action.no_owner', 'Who owns it? For example: "action for Ken Loyal on minute 26: …".');
  const last = await tx.action.findFirst({ where: { minuteId: minute.id }, orderBy: { seq: 'desc' }, select: { seq: true } });
  const seq = (last?.seq ?? 0) + 1;
  const action = await tx.action.create({
    data: { partnershipId: actor.partnershipId, minuteId: minute.id, seq, text: input.text, dueOn: input.dueOn ? new Date(`${input.dueOn}T00:00:00Z`) : null, createdAt: now },
  });
  await tx.actionOwner.createMany({ data: owners.map((o) => ({ actionId: action.id, ...o })) });
  await audit(tx, { partnershipId: actor.partnershipId, actorId: actor.personId, action: 'action.created', entity: 'Action', entityId: action.id, entityRef: `minute ${input.minute}`, sourceActivityId, after: { seq, owners: owners.length, text: input.text, dueOn: input.dueOn ?? null }, at: now });
  const notices = await enqueueActionNotices(tx, action.id, now);
  return { kind: 'recorded', minute: input.minute, seq, owners: owners.length, notices };
}

/** The officer's card: the meeting (recorded if new), the minute, and its action if one is given. */
export async function recordFromCard(ctx: Ctx, who: Actor | undefined, input: { meetingDate: string; meetingTime?: string; place?: string; minuteNumber: number; minuteTitle: string; minuteText?: string; resolution?: string; actionText?: string; owners?: string; dueOn?: string }, sourceActivityId?: string): Promise<{ action?: RecordedAction }> {
  await recordMeeting(ctx, who, { date: input.meetingDate, ...(input.meetingTime ? { time: input.meetingTime } : {}), ...(input.place ? { place: input.place } : {}) }, sourceActivityId);
  await recordMinute(ctx, who, { meetingDate: input.meetingDate, number: input.minuteNumber, title: input.minuteTitle, ...(input.minuteText ? { text: input.minuteText } : {}), ...(input.resolution ? { resolution: input.resolution } : {}) }, sourceActivityId);
  if (!input.actionText) return {};
  const action = await recordAction(ctx, who, { meetingDate: input.meetingDate, minute: input.minuteNumber, owners: splitOwnerList(input.owners ?? ''), text: input.actionText, ...(input.dueOn ? { dueOn: input.dueOn } : {}) }, sourceActivityId);
  return { action };
}
