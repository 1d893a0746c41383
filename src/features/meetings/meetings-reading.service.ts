import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import type { Actor } from '../identity/identity.service.ts';
import { decide, type PolicyVerb } from '../policy/policy.ts';
import { statusWord } from './action-notices.ts';
import { OWNER_SELECT, ownerLabel } from './action-owners.ts';
import { mattersArising, type MattersArisingReport } from './matters-arising.service.ts';
import { formatDay, type MinuteCardData } from './meetings.cards.ts';
import { meetingOnSpokenDate, nextMeeting } from './meeting-dates.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

const UPDATE_WORDS: Record<string, string> = {
  UPDATE: 'Update', PROPOSE_CLOSE: 'Proposed closing', CLOSE: 'Closed', REOPEN: 'Reopened', REASSIGN: 'Reassigned', DROP: 'Dropped', SET_DUE: 'Due date set',
};

function allowed(actor: Actor | undefined, verb: PolicyVerb): Actor {
  const verdict = decide(actor, verb);
  if (!verdict.allowed) throw new DomainError('meetings.forbidden', verdict.reason, 403);
  return actor!;
}

/**
 * "What happened to minute 30?": the minute (latest meeting with that number), its resolution,
 * and each action with owners, status and its whole history, oldest first.
 */
export async function minuteHistory(ctx: Ctx, who: Actor | undefined, number: number): Promise<MinuteCardData> {
  const actor = allowed(who, 'data.read');
  const minute = await ctx.db.prisma.minute.findFirst({
    where: { number, meeting: { partnershipId: actor.partnershipId } },
    orderBy: { meeting: { startsAt: 'desc' } },
    select: {
      title: true, resolution: true, meeting: { select: { startsAt: true } },
      actions: {
        orderBy: { seq: 'asc' },
        select: {
          seq: true, text: true, status: true, dueOn: true, createdAt: true, closedAt: true, closedReason: true, note: true,
          dueMeeting: { select: { startsAt: true } }, closedAtMeeting: { select: { startsAt: true } }, owners: { select: OWNER_SELECT },
          updates: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { kind: true, text: true, createdAt: true, author: { select: { name: true } } } },
        },
      },
    },
  });
  if (!minute) throw new DomainError('minute.unknown', `I can't find minute ${number}.`, 404);
  const meetingDay = formatDay(minute.meeting.startsAt);
  return {
    title: `Minute ${number}: ${minute.title}`,
    subtitle: `Meeting of ${meetingDay}`,
    resolution: minute.resolution ?? '',
    actions: minute.actions.map((a) => ({
      heading: `Action ${a.seq} of ${minute.actions.length}`,
      text: a.text,
      owners: a.owners.map(ownerLabel).join(', ') || 'unassigned',
      status: statusWord(a.status) + (a.closedAt ? ` on ${formatDay(a.closedAt)}` : '') + (a.closedAtMeeting ? ` (meeting of ${formatDay(a.closedAtMeeting.startsAt)})` : ''),
      due: a.dueOn ? formatDay(a.dueOn) : a.dueMeeting ? `meeting of ${formatDay(a.dueMeeting.startsAt)}` : 'not set',
      history: [
        `${meetingDay}: recorded at the meeting.`,
        ...a.updates.map((u) => `${formatDay(u.createdAt)}: ${UPDATE_WORDS[u.kind] ?? u.kind}${u.author ? ` by ${u.author.name}` : ''}: ${u.text}`),
        ...(a.closedAt && !a.updates.some((u) => u.kind === 'CLOSE' || u.kind === 'DROP') ? [`${formatDay(a.closedAt)}: ${statusWord(a.status)}${a.closedReason ? `: ${a.closedReason}` : ''}.`] : []),
      ],
    })),
  };
}

/**
 * The Matters Arising report for a meeting named by date, or for the next meeting. Officers and
 * the chair prepare the agenda pack, so they (boardPack.get) may ask for it.
 */
export async function mattersArisingFor(ctx: Ctx, who: Actor | undefined, spokenDate?: string): Promise<MattersArisingReport> {
  const actor = allowed(who, 'boardPack.get');
  const now = ctx.clock.now();
  const meeting = spokenDate ? await meetingOnSpokenDate(ctx.db.prisma, actor.partnershipId, spokenDate, now) : await nextMeeting(ctx.db.prisma, actor.partnershipId, now);
  if (!meeting) throw new DomainError('meeting.none', 'There is no meeting scheduled. Record one first.', 404);
  return mattersArising(ctx.db.prisma, actor.partnershipId, meeting);
}

/** The report as a Word document for the agenda pack, with a file name that says which meeting. */
export async function mattersArisingDocument(ctx: Ctx, who: Actor | undefined, spokenDate?: string): Promise<{ fileName: string; docx: Buffer; report: MattersArisingReport }> {
  const report = await mattersArisingFor(ctx, who, spokenDate);
  // docx is loaded when a document is first asked for, not by every process at start.
  const { mattersArisingDocx } = await import('./matters-arising.docx.ts');
  const docx = await mattersArisingDocx(report);
  return { fileName: `matters-arising-${report.meetingDate.replace(/\s+/g, '-').toLowerCase()}.docx`, docx, report };
}
