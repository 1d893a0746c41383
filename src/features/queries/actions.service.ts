import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { BoardRole } from '../../generated/prisma/enums.ts';
import { LONDON } from '../../time/financial-year.ts';
import { calendarDaysBetween } from '../../time/zoned-format.ts';
import type { Answer, ActionItem } from './answers.ts';
import type { ActionOwnerRef } from './intent.ts';
import { ROLE_LABELS } from './vocabulary.ts';

/** Who is asking, for "my actions". */
export interface Asker {
  personId: string;
  roles: BoardRole[];
}

type OwnerFilter = { where: Prisma.ActionOwnerWhereInput; title: string } | { notFound: string };

/** A person's actions are theirs and their board roles' ("Chair"). */
const personWhere = (id: string, roles: BoardRole[]): Prisma.ActionOwnerWhereInput => ({
  OR: [{ personId: id }, ...(roles.length ? [{ kind: 'ROLE' as const, role: { in: roles } }] : [])],
});

/** The owner's id (and a person's roles) by name: one query; null when there is no such owner. */
async function idOf(
  prisma: PrismaClient,
  partnershipId: string,
  owner: ActionOwnerRef & { name: string },
): Promise<{ id: string; roles: BoardRole[] } | null> {
  const where = { partnershipId, name: owner.name };
  if (owner.kind === 'person')
    return prisma.person.findFirst({ where, select: { id: true, roles: true } });
  const found =
    owner.kind === 'organisation'
      ? await prisma.organisation.findFirst({ where, select: { id: true } })
      : await prisma.service.findFirst({ where, select: { id: true } });
  return found ? { id: found.id, roles: [] } : null;
}

async function ownerFilter(
  prisma: PrismaClient,
  partnershipId: string,
  owner: ActionOwnerRef,
  asker: Asker,
): Promise<OwnerFilter> {
  if (owner.kind === 'me')
    return { where: personWhere(asker.personId, asker.roles), title: 'Your outstanding actions' };
  if (owner.kind === 'role')
    return {
      where: { kind: 'ROLE', role: owner.role },
      title: `Outstanding actions for the ${ROLE_LABELS[owner.role]}`,
    };
  const found = await idOf(prisma, partnershipId, owner);
  if (!found) return { notFound: owner.name };
  const title = `Outstanding actions for ${owner.name}`;
  if (owner.kind === 'person') return { where: personWhere(found.id, found.roles), title };
  if (owner.kind === 'organisation')
    return {
      where: { OR: [{ organisationId: found.id }, { person: { organisationId: found.id } }] },
      title,
    };
  return { where: { serviceId: found.id }, title };
}

const ACTION_SELECT = {
  seq: true,
  text: true,
  status: true,
  dueOn: true,
  dueMeeting: { select: { startsAt: true } },
  minute: { select: { number: true, meeting: { select: { startsAt: true } } } },
  owners: {
    select: {
      kind: true,
      role: true,
      asWritten: true,
      person: { select: { name: true } },
      organisation: { select: { name: true } },
      service: { select: { name: true } },
    },
  },
  updates: { orderBy: { createdAt: 'desc' }, take: 1, select: { text: true } },
} satisfies Prisma.ActionSelect;

type ActionRow = Prisma.ActionGetPayload<{ select: typeof ACTION_SELECT }>;

const STATUS_TEXT: Record<string, string> = {
  OPEN: 'Open',
  PROPOSED_CLOSED: 'Proposed for closing',
};

/** Outstanding (open or proposed-closed) actions, with minute number, text, owners and age in days. */
export async function answerActions(
  prisma: PrismaClient,
  partnershipId: string,
  query: { owner?: ActionOwnerRef; overdue: boolean },
  asker: Asker,
  now: Date,
): Promise<Answer> {
  const filter = query.owner
    ? await ownerFilter(prisma, partnershipId, query.owner, asker)
    : { where: undefined, title: 'Outstanding actions' };
  if ('notFound' in filter) return { kind: 'notice', text: `I don't know ${filter.notFound}.` };
  const [actions, roleHolders] = await Promise.all([
    prisma.action.findMany({
      where: {
        partnershipId,
        status: { in: ['OPEN', 'PROPOSED_CLOSED'] },
        ...(filter.where ? { owners: { some: filter.where } } : {}),
      },
      select: ACTION_SELECT,
    }),
    prisma.person.findMany({
      where: { partnershipId, membership: 'MEMBER', NOT: { roles: { isEmpty: true } } },
      select: { name: true, roles: true },
    }),
  ]);
  const items = actions
    .map((a) => toItem(a, roleHolders, now))
    .filter((i) => !query.overdue || i.overdue);
  items.sort((a, b) => a.meetingDate.getTime() - b.meetingDate.getTime() || a.minute - b.minute);
  const title = query.overdue
    ? filter.title.replace('Outstanding', 'Overdue').replace('outstanding', 'overdue')
    : filter.title;
  return { kind: 'actions', title, items };
}

function ownerName(
  o: ActionRow['owners'][number],
  holders: Array<{ name: string; roles: BoardRole[] }>,
): string {
  if (o.person) return o.person.name;
  if (o.organisation) return o.organisation.name;
  if (o.service) return o.service.name;
  if (o.role) {
    const who = holders.filter((h) => h.roles.includes(o.role!)).map((h) => h.name);
    return who.length ? `${ROLE_LABELS[o.role]} (${who.join(', ')})` : ROLE_LABELS[o.role];
  }
  return o.asWritten ?? 'unassigned';
}

function daysBetween(from: Date, to: Date): number {
  return Math.max(0, calendarDaysBetween(from, to, LONDON));
}

function toItem(
  row: ActionRow,
  holders: Array<{ name: string; roles: BoardRole[] }>,
  now: Date,
): ActionItem {
  const due = row.dueOn ?? row.dueMeeting?.startsAt ?? undefined;
  const overdue = due !== undefined && daysBetween(due, now) > 0 && due < now;
  return {
    minute: row.minute.number,
    meetingDate: row.minute.meeting.startsAt,
    text: row.text,
    owners: row.owners.map((o) => ownerName(o, holders)),
    status: STATUS_TEXT[row.status] ?? row.status,
    ageDays: daysBetween(row.minute.meeting.startsAt, now),
    ...(due ? { due } : {}),
    overdue,
    ...(row.updates[0] ? { lastUpdate: row.updates[0].text } : {}),
  };
}
