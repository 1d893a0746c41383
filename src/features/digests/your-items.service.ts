import type { Prisma } from '../../generated/prisma/client.ts';
import { quarterLabel, type Quarter } from '../../time/financial-year.ts';
import type { OutboxInput } from '../delivery/outbox.service.ts';
import { refText } from '../meetings/action-lookup.ts';
import { OWNER_SELECT, ownerPeople } from '../meetings/action-owners.ts';
import { formatDay } from '../meetings/meetings.cards.ts';
import { renderYourItemsCard } from './digests.cards.ts';

/**
 * Each member who owns an open action or owes round updates gets one short 1:1 with the digest:
 * what is theirs to do. Keyed per meeting and person, so however often the digest is triggered
 * (or reposted) they hear it once.
 */
export async function yourItemsMessages(tx: Prisma.TransactionClient, partnershipId: string, meeting: { id: string; startsAt: Date }): Promise<OutboxInput[]> {
  const actions = await tx.action.findMany({
    where: { partnershipId, status: { in: ['OPEN', 'PROPOSED_CLOSED'] } },
    orderBy: [{ minute: { number: 'asc' } }, { seq: 'asc' }],
    select: { seq: true, text: true, dueOn: true, minute: { select: { number: true } }, owners: { select: OWNER_SELECT } },
  });
  const perPerson = new Map<string, string[]>();
  for (const a of actions) {
    const due = a.dueOn ? `, due ${formatDay(a.dueOn)}` : '';
    const line = `${refText(a)}: ${clip(a.text)}${due}`;
    for (const personId of await ownerPeople(tx, partnershipId, a.owners)) perPerson.set(personId, [...(perPerson.get(personId) ?? []), line]);
  }
  const owed = await owedUpdates(tx, partnershipId);
  const day = formatDay(meeting.startsAt);
  const people = [...new Set([...perPerson.keys(), ...owed.keys()])].sort();
  return people.map((personId) => {
    const card = renderYourItemsCard({ meetingDay: day, actions: perPerson.get(personId) ?? [], ...(owed.has(personId) ? { owed: owed.get(personId)! } : {}) });
    return {
      partnershipId,
      dedupeKey: `digest:${meeting.id}:items:${personId}`,
      kind: 'digest.items',
      personId,
      payload: { activity: { type: 'message' as const, summary: `Your items after the meeting of ${day}`, attachments: [card] } },
    };
  });
}

/** Who still owes answers in an open round, and for what. */
async function owedUpdates(tx: Prisma.TransactionClient, partnershipId: string): Promise<Map<string, string>> {
  const pending = await tx.roundAssignment.findMany({
    where: { status: 'PENDING', round: { partnershipId, status: 'OPEN' } },
    select: { personId: true, commitmentIds: true, round: { select: { dueOn: true, period: { select: { fiscalYear: true, quarter: true } } } } },
  });
  const owed = new Map<string, string>();
  for (const p of pending) {
    const label = quarterLabel({ fiscalYear: p.round.period.fiscalYear, quarter: p.round.period.quarter as Quarter['quarter'] });
    owed.set(p.personId, `${label} round: ${p.commitmentIds.length} update${p.commitmentIds.length === 1 ? '' : 's'} owed, due ${formatDay(p.round.dueOn)}`);
  }
  return owed;
}

function clip(text: string, max = 140): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
