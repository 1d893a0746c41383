import type { AttendanceKind } from '../../generated/prisma/enums.ts';
import { localDate } from '../../time/financial-year.ts';
import type { Actor } from '../identity/identity.service.ts';
import { formatDate } from '../queries/format.ts';
import { requireOne } from './member-lookup.ts';
import { findMeeting } from './member-meetings.ts';
import { andList, auditBy, authorise, peopleOf, type Ctx, type Tx } from './member-people.ts';

export interface AttendanceView {
  meeting: string;
  present: string[];
  alsoPresent: string[];
  apologies: string[];
  /** Only where the partnership sets a quorum. */
  quorum?: { needed: number; members: number; quorate: boolean };
}

/** Records apologies (by an officer, or a member for themselves); audited with the previous entry. */
export async function recordApologies(
  ctx: Ctx,
  who: Actor | undefined,
  personName: string | 'me',
  meetingSaid: string,
  sourceActivityId?: string,
): Promise<AttendanceView> {
  const self = personName === 'me';
  const actor = self
    ? authorise(who, 'member.self', { owns: true })
    : authorise(who, 'minutes.record');
  return record(
    ctx,
    actor,
    meetingSaid,
    { apologies: [self ? actor.name : personName] },
    sourceActivityId,
  );
}

/** "record attendance for 27 October: A, B; apologies: C" (officers). */
export async function recordAttendance(
  ctx: Ctx,
  who: Actor | undefined,
  meetingSaid: string,
  names: { present?: string[]; apologies?: string[] },
  sourceActivityId?: string,
): Promise<AttendanceView> {
  return record(ctx, authorise(who, 'minutes.record'), meetingSaid, names, sourceActivityId);
}

async function record(
  ctx: Ctx,
  actor: Actor,
  meetingSaid: string,
  names: { present?: string[]; apologies?: string[] },
  sourceActivityId?: string,
) {
  const now = ctx.clock.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const meeting = await findMeeting(tx, actor.partnershipId, meetingSaid, now);
    const people = await peopleOf(tx, actor.partnershipId, ['MEMBER', 'ATTENDEE']);
    const wanted = [
      ...(names.present ?? []).map((n) => ['present', n] as const),
      ...(names.apologies ?? []).map((n) => ['apologies', n] as const),
    ];
    for (const [what, name] of wanted) {
      const person = requireOne(name, people, 'member or attendee');
      const kind: AttendanceKind =
        what === 'apologies'
          ? 'APOLOGIES'
          : person.membership === 'MEMBER'
            ? 'PRESENT'
            : 'ALSO_PRESENT';
      const before = await tx.attendance.findUnique({
        where: { meetingId_personId: { meetingId: meeting.id, personId: person.id } },
      });
      if (before?.kind === kind) continue;
      await tx.attendance.upsert({
        where: { meetingId_personId: { meetingId: meeting.id, personId: person.id } },
        create: { meetingId: meeting.id, personId: person.id, kind },
        update: { kind },
      });
      await auditBy(tx, actor, now, {
        action: 'attendance.recorded',
        entity: 'Attendance',
        entityId: `${meeting.id}:${person.id}`,
        entityRef: localDate(meeting.startsAt),
        sourceActivityId,
        before: before ? { kind: before.kind } : undefined,
        after: { kind },
      });
    }
    return attendanceOf(tx, meeting.id);
  });
}

/** Attendance of a meeting, for any member to read. */
export async function showAttendance(
  ctx: Ctx,
  who: Actor | undefined,
  meetingSaid: string,
): Promise<AttendanceView> {
  const actor = authorise(who, 'data.read');
  const meeting = await findMeeting(
    ctx.db.prisma,
    actor.partnershipId,
    meetingSaid,
    ctx.clock.now(),
  );
  return attendanceOf(ctx.db.prisma, meeting.id);
}

/** Who was there, who sent apologies, and whether the members present make a quorum. */
export async function attendanceOf(tx: Tx, meetingId: string): Promise<AttendanceView> {
  const meeting = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: {
      partnership: { select: { quorum: true } },
      attendance: { include: { person: { select: { name: true, membership: true } } } },
    },
  });
  const of = (kind: AttendanceKind) =>
    meeting.attendance
      .filter((a) => a.kind === kind)
      .map((a) => a.person.name)
      .sort();
  const members = meeting.attendance.filter(
    (a) => a.kind === 'PRESENT' && a.person.membership === 'MEMBER',
  ).length;
  const needed = meeting.partnership.quorum;
  return {
    meeting: formatDate(meeting.startsAt),
    present: of('PRESENT'),
    alsoPresent: of('ALSO_PRESENT'),
    apologies: of('APOLOGIES'),
    quorum: needed ? { needed, members, quorate: members >= needed } : undefined,
  };
}

/** The answer as a short paragraph. */
export function attendanceMessage(view: AttendanceView): string {
  const lines = [
    `Meeting of ${view.meeting}: ${view.present.length} present${view.alsoPresent.length ? `, ${view.alsoPresent.length} also present` : ''}, ${view.apologies.length} apologies.`,
  ];
  if (view.present.length) lines.push(`Present: ${andList(view.present)}.`);
  if (view.alsoPresent.length) lines.push(`Also present: ${andList(view.alsoPresent)}.`);
  if (view.apologies.length) lines.push(`Apologies: ${andList(view.apologies)}.`);
  if (view.quorum)
    lines.push(
      view.quorum.quorate
        ? `Quorate: ${view.quorum.members} members present; the quorum is ${view.quorum.needed}.`
        : `Not quorate: ${view.quorum.members} members present; the quorum is ${view.quorum.needed}.`,
    );
  return lines.join('\n\n');
}
