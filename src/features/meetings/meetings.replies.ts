import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import { localDate } from '../../time/financial-year.ts';
import type { Actor } from '../identity/identity.service.ts';
import { decide } from '../policy/policy.ts';
import { changeAction, type ActionChange } from './action-changes.service.ts';
import { meetingOnSpokenDate, spokenToIso } from './meeting-dates.ts';
import { recordAction, recordMeeting, recordMinute } from './meeting-record.service.ts';
import { mattersArisingFor, minuteHistory } from './meetings-reading.service.ts';
import { formatDay, renderMattersArisingCard, renderMeetingNotice, renderMinuteCard, renderRecordCard } from './meetings.cards.ts';
import type { MeetingCommand } from './meetings.commands.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'outbox'>;

/** What the bot says back: plain data, sent by the route. */
export interface Reply {
  text?: string;
  textFormat?: 'markdown' | 'plain';
  attachments?: Array<{ contentType: string; content: unknown }>;
}

const say = (text: string): Reply => ({ text });
const notice = (title: string, text: string): Reply => ({ attachments: [renderMeetingNotice(title, text)] });

async function isoMeetingDate(ctx: Ctx, actor: Actor, spoken: string | undefined): Promise<string | undefined> {
  if (!spoken) return undefined;
  const meeting = await meetingOnSpokenDate(ctx.db.prisma, actor.partnershipId, spoken, ctx.clock.now());
  return localDate(meeting.startsAt);
}

function isoDue(spoken: string, now: Date): string {
  const iso = spokenToIso(spoken, now);
  if (!iso) throw new DomainError('action.due', `I could not read "${spoken}" as a date. Try "12 January" or "2023-01-12".`);
  return iso;
}

/** Runs one meetings command for a member and says what happened. */
export async function runMeetingCommand(ctx: Ctx, actor: Actor, command: MeetingCommand, activityId?: string): Promise<Reply> {
  const now = ctx.clock.now();
  switch (command.kind) {
    case 'recordMeeting': {
      const date = isoDue(command.date, now);
      const done = await recordMeeting(ctx, actor, { date, ...(command.time ? { time: command.time } : {}), ...(command.place ? { place: command.place } : {}) }, activityId);
      return say(done.kind === 'recorded' ? `Recorded the meeting of ${formatDay(done.meeting.startsAt)}.` : `The meeting of ${formatDay(done.meeting.startsAt)} is already recorded.`);
    }
    case 'recordCard':
      return recordCard(ctx, actor, command.date);
    case 'minute': {
      const { meeting } = await recordMinute(ctx, actor, { number: command.number, title: command.title, ...(command.text ? { text: command.text } : {}), ...opt('meetingDate', await isoMeetingDate(ctx, actor, command.meetingDate)) }, activityId);
      return say(`Minute ${command.number} ("${command.title}") is recorded for the meeting of ${formatDay(meeting.startsAt)}.`);
    }
    case 'action': {
      const done = await recordAction(ctx, actor, { minute: command.minute, owners: command.owners, text: command.text, ...opt('meetingDate', await isoMeetingDate(ctx, actor, command.meetingDate)), ...opt('dueOn', command.due ? isoDue(command.due, now) : undefined) }, activityId);
      return notice(`Action recorded on minute ${done.minute}`, done.kind === 'already' ? 'This action was already recorded.' : `Action #${done.seq} with ${done.owners} owner${done.owners === 1 ? '' : 's'}; ${done.notices} ${done.notices === 1 ? 'person has' : 'people have'} been told.`);
    }
    case 'history':
      return { attachments: [renderMinuteCard(await minuteHistory(ctx, actor, command.minute))] };
    case 'mattersArising': {
      const report = await mattersArisingFor(ctx, actor, command.date);
      return { text: report.markdown, textFormat: 'markdown', attachments: [renderMattersArisingCard(report.title, report.rows)] };
    }
    default:
      return change(ctx, actor, command, activityId);
  }
}

async function change(ctx: Ctx, actor: Actor, command: Extract<MeetingCommand, { ref: unknown }>, activityId?: string): Promise<Reply> {
  if (command.kind === 'drop' && !command.reason) return say(`Why is it dropped? Say "drop minute ${command.ref.minute} action: <reason>".`);
  const c: ActionChange =
    command.kind === 'update' ? { kind: 'update', text: command.text }
    : command.kind === 'proposeClose' ? { kind: 'proposeClose', ...opt('text', command.text) }
    : command.kind === 'close' ? { kind: 'close', ...opt('text', command.text), ...opt('meetingDate', await isoMeetingDate(ctx, actor, command.meetingDate)) }
    : command.kind === 'drop' ? { kind: 'drop', reason: command.reason! }
    : command.kind === 'reassign' ? { kind: 'reassign', owners: command.owners }
    : { kind: 'setDue', dueOn: isoDue(command.due, ctx.clock.now()) };
  const outcome = await changeAction(ctx, actor, command.ref, c, activityId);
  return notice(`Minute ${command.ref.minute} action: ${outcome.status}`, outcome.message);
}

async function recordCard(ctx: Ctx, actor: Actor, spoken?: string): Promise<Reply> {
  const verdict = decide(actor, 'minutes.record');
  if (!verdict.allowed) throw new DomainError('minutes.forbidden', verdict.reason, 403);
  const now = ctx.clock.now();
  const meeting = spoken ? await meetingOnSpokenDate(ctx.db.prisma, actor.partnershipId, spoken, now) : undefined;
  const sentCardId = randomUUID();
  await ctx.db.prisma.sentCard.create({ data: { id: sentCardId, kind: 'minutes.form', personId: actor.personId, data: { partnershipId: actor.partnershipId }, createdAt: now } });
  const at = meeting?.startsAt ?? now;
  return {
    attachments: [renderRecordCard({ sentCardId, meetingDate: localDate(at), meetingTime: meeting ? at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }) : '10:00', subtitle: 'A new date records a new meeting. Owners of an action are told at once.' })],
  };
}

function opt<K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> {
  return v ? ({ [key]: v } as Record<K, string>) : {};
}
