import type { Prisma } from '../../generated/prisma/client.ts';
import { compareRefs } from '../rounds/round-plan.service.ts';
import type { RoundCardRecord } from '../rounds/round-cards.service.ts';

/** Who gets a reminder for whom: the partner, or their deputy while they are on leave. */
export interface ReminderTarget {
  owerId: string;
  owerName: string;
  recipientId: string;
  /** Set when the deputy is chased instead of the partner. */
  onLeaveUntil?: string;
  refs: string[];
}

/**
 * What each partner of the round still owes, by the rule "what do I still owe?" uses (stillOwed):
 * the commitments on the cards they were sent that have no current answer in this round.
 */
export async function owedByPerson(tx: Prisma.TransactionClient, round: { id: string; periodId: string }): Promise<Map<string, string[]>> {
  const cards = await tx.sentCard.findMany({ where: { roundId: round.id, kind: 'round.update' }, select: { personId: true, data: true } });
  const answered = await tx.narrative.findMany({ where: { periodId: round.periodId, supersededAt: null, roundId: round.id }, select: { commitmentId: true, serviceId: true } });
  const done = new Set(answered.map((a) => `${a.commitmentId}|${a.serviceId}`));
  const owed = new Map<string, Set<string>>();
  for (const card of cards) {
    if (!card.personId) continue;
    const refs = owed.get(card.personId) ?? new Set<string>();
    for (const item of (card.data as unknown as RoundCardRecord).items) if (!done.has(`${item.commitmentId}|${item.serviceId}`)) refs.add(item.ref);
    owed.set(card.personId, refs);
  }
  return new Map([...owed].filter(([, refs]) => refs.size > 0).map(([id, refs]) => [id, [...refs].sort(compareRefs)]));
}

/**
 * The reminders to send on a London date: only partners who still owe something and have not
 * snoozed past `now`; a partner on recorded leave has their deputy chased instead (or nobody,
 * when there is no deputy or the deputy is away too).
 */
export async function reminderTargets(tx: Prisma.TransactionClient, round: { id: string; periodId: string }, on: string, now: Date): Promise<ReminderTarget[]> {
  const owed = await owedByPerson(tx, round);
  const assignments = await tx.roundAssignment.findMany({
    where: { roundId: round.id, personId: { in: [...owed.keys()] } },
    include: { person: { select: { id: true, name: true, deputyId: true } } },
  });
  const day = new Date(`${on}T00:00:00Z`);
  const people = [...new Set(assignments.flatMap((a) => [a.personId, ...(a.person.deputyId ? [a.person.deputyId] : [])]))];
  const leave = await tx.leave.findMany({ where: { personId: { in: people }, startsOn: { lte: day }, endsOn: { gte: day } } });
  const away = new Map(leave.map((l) => [l.personId, l.endsOn.toISOString().slice(0, 10)]));
  const members = new Set((await tx.person.findMany({ where: { id: { in: people }, membership: 'MEMBER' }, select: { id: true } })).map((p) => p.id));
  const targets: ReminderTarget[] = [];
  for (const a of assignments) {
    if (a.snoozedUntil && a.snoozedUntil > now) continue;
    const refs = owed.get(a.personId)!;
    const base = { owerId: a.personId, owerName: a.person.name, refs };
    if (!away.has(a.personId)) {
      targets.push({ ...base, recipientId: a.personId });
      continue;
    }
    const deputy = a.person.deputyId;
    if (deputy && members.has(deputy) && !away.has(deputy)) targets.push({ ...base, recipientId: deputy, onLeaveUntil: away.get(a.personId)! });
  }
  return targets;
}
