import { DomainError } from '../../domain-error.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { localDate } from '../../time/financial-year.ts';
import type { Actor } from '../identity/identity.service.ts';
import { OWNER_SELECT, ownerPeople } from './action-owners.ts';

type Db = Prisma.TransactionClient | PrismaClient;

/** How people name an action: "minute 26", "minute 26 #2", optionally the meeting's date. */
export interface ActionRef {
  minute: number;
  seq?: number;
  meetingDate?: string;
}

export const ACTION_SELECT = {
  id: true,
  partnershipId: true,
  seq: true,
  text: true,
  status: true,
  dueOn: true,
  minute: { select: { number: true, meeting: { select: { id: true, startsAt: true } } } },
  owners: { select: OWNER_SELECT },
} satisfies Prisma.ActionSelect;

export type FoundAction = Prisma.ActionGetPayload<{ select: typeof ACTION_SELECT }>;

export const refText = (a: { seq: number; minute: { number: number } }, many = false) =>
  `minute ${a.minute.number}${many || a.seq > 1 ? ` #${a.seq}` : ''}`;

/**
 * The action a person means. Minute numbers run on across meetings, but a number can repeat:
 * the latest meeting with that minute wins unless a date is given. On a minute with several
 * actions, the one still open is meant; with several open, the person must say which (#2).
 */
export async function findAction(db: Db, partnershipId: string, ref: ActionRef): Promise<FoundAction> {
  const minutes = await db.minute.findMany({
    where: { number: ref.minute, meeting: { partnershipId } },
    orderBy: { meeting: { startsAt: 'desc' } },
    select: { id: true, meeting: { select: { startsAt: true } } },
  });
  const minute = ref.meetingDate ? minutes.find((m) => localDate(m.meeting.startsAt) === ref.meetingDate) : minutes[0];
  if (!minute) throw new DomainError('action.minute_unknown', `I can't find minute ${ref.minute}${ref.meetingDate ? ` of ${ref.meetingDate}` : ''}.`, 404);
  const actions = await db.action.findMany({ where: { minuteId: minute.id }, orderBy: { seq: 'asc' }, select: ACTION_SELECT });
  if (actions.length === 0) throw new DomainError('action.none', `Minute ${ref.minute} has no actions.`, 404);
  if (ref.seq !== undefined) {
    const exact = actions.find((a) => a.seq === ref.seq);
    if (!exact) throw new DomainError('action.unknown', `Minute ${ref.minute} has no action #${ref.seq}; it has ${actions.length}.`, 404);
    return exact;
  }
  if (actions.length === 1) return actions[0]!;
  const open = actions.filter((a) => a.status === 'OPEN' || a.status === 'PROPOSED_CLOSED');
  if (open.length === 1) return open[0]!;
  throw new DomainError('action.which', `Minute ${ref.minute} has ${actions.length} actions: say which, e.g. "minute ${ref.minute} #${actions[actions.length - 1]!.seq}".`);
}

/** Whether the actor is one of the people who answer for the action (its owners). */
export async function ownsAction(db: Db, actor: Actor, action: FoundAction): Promise<boolean> {
  const people = await ownerPeople(db, action.partnershipId, action.owners);
  return people.includes(actor.personId);
}

export function isOutstanding(status: string): boolean {
  return status === 'OPEN' || status === 'PROPOSED_CLOSED';
}
