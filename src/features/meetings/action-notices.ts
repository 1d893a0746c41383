import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client.ts';
import { enqueue } from '../delivery/outbox.service.ts';
import { ownerLabel, ownerPeople } from './action-owners.ts';
import { ACTION_SELECT, isOutstanding, refText } from './action-lookup.ts';
import { renderActionCard, formatDay } from './meetings.cards.ts';
import type { ActionCardRecord } from './meetings.schemas.ts';

const STATUS_WORDS: Record<string, string> = { OPEN: 'Open', PROPOSED_CLOSED: 'Proposed for closing', CLOSED: 'Closed', DROPPED: 'Dropped' };
export const statusWord = (s: string) => STATUS_WORDS[s] ?? s;

/**
 * Tells each person who answers for an action about it, in their personal chat: one card each
 * (a group's members each get their own), remembered as a SentCard so what comes back can be
 * checked. The dedupe key makes telling someone twice about the same action a no-op.
 */
export async function enqueueActionNotices(tx: Prisma.TransactionClient, actionId: string, now: Date, only?: string[]): Promise<number> {
  const action = await tx.action.findUniqueOrThrow({
    where: { id: actionId },
    select: { ...ACTION_SELECT, dueMeeting: { select: { startsAt: true } }, updates: { orderBy: { createdAt: 'desc' }, take: 1, select: { text: true } } },
  });
  const people = (await ownerPeople(tx, action.partnershipId, action.owners)).filter((p) => !only || only.includes(p));
  const owners = action.owners.map(ownerLabel).join(', ');
  const due = action.dueOn ? formatDay(action.dueOn) : action.dueMeeting ? `the meeting of ${formatDay(action.dueMeeting.startsAt)}` : 'no date set';
  let queued = 0;
  for (const personId of people) {
    const sentCardId = randomUUID();
    const record: ActionCardRecord = { actionId, personId };
    const card = renderActionCard({
      sentCardId,
      title: `New action for you: ${refText(action)}`,
      minute: `Minute ${action.minute.number} of ${formatDay(action.minute.meeting.startsAt)}`,
      text: action.text,
      owners,
      due,
      status: statusWord(action.status),
      lastUpdate: action.updates[0]?.text ?? '',
      canAct: isOutstanding(action.status),
    });
    const n = await enqueue(tx, [{
      partnershipId: action.partnershipId,
      dedupeKey: `action:${actionId}:notice:${personId}`,
      kind: 'action.notice',
      personId,
      payload: { sentCardId, activity: { type: 'message', summary: `New action: ${refText(action)}`, attachments: [card] } },
    }], now);
    if (n > 0) {
      await tx.sentCard.create({ data: { id: sentCardId, kind: 'action.notice', personId, data: record as object, createdAt: now } });
      queued += n;
    }
  }
  return queued;
}
