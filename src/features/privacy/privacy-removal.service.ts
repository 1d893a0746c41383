import { DomainError } from '../../domain-error.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.service.ts';
import { requestFromWords } from '../members/member-handover-words.ts';
import { findMember } from '../members/member-people.ts';
import { retireMember, type RetireOutcome } from '../members/member-retire.service.ts';
import type { HandoverClause } from '../members/members.commands.ts';
import { authorise, type PrivacyCtx } from './privacy-access.ts';

export interface RemovalOutcome {
  name: string;
  /** The members feature's handover, when the person was still a member or attendee. */
  retired?: RetireOutcome;
  /** What was erased, by kind of record. */
  erased: Record<string, number>;
}

/** The fields of Person that identify someone; their row stays (the records point at it), emptied. */
const ERASED_FIELDS = ['name', 'honorific', 'title', 'titleNote', 'email', 'aadObjectId', 'teamsUserId', 'organisationId', 'deputyId'];

/**
 * Removes a person (UK GDPR Art. 17, as far as a public body's records allow): first the members
 * feature's retire-with-handover, so nothing they own is left without an owner, then their
 * personal fields are erased, their leave and conversations deleted and messages to them dropped.
 * What the partnership decided and recorded (narratives, minutes, the audit trail) is kept as the
 * body's record; it now points at "Removed person". A retired person is erased without a handover.
 */
export async function removePerson(ctx: PrivacyCtx, who: Actor | undefined, said: string, clauses: HandoverClause[], sourceActivityId?: string): Promise<RemovalOutcome> {
  const actor = authorise(who, 'privacy.remove');
  const { prisma } = ctx.db;
  const person = await findMember(prisma, actor.partnershipId, said, ['MEMBER', 'ATTENDEE', 'RETIRED']);
  if (person.id === actor.personId) throw new DomainError('privacy.self', 'You cannot remove yourself; ask another officer. Nothing was changed.');
  let retired: RetireOutcome | undefined;
  if (person.membership !== 'RETIRED') {
    const request = await requestFromWords(prisma, actor.partnershipId, person.id, clauses);
    retired = await retireMember(ctx, actor, request, sourceActivityId);
  }
  const now = ctx.clock.now();
  const erased = await prisma.$transaction((tx) => erase(tx, person.id, now), { timeout: 60_000 });
  await audit(prisma, { partnershipId: actor.partnershipId, actorId: actor.personId, action: 'privacy.removed', entity: 'Person', entityId: person.id, sourceActivityId, after: { erasedFields: ERASED_FIELDS, ...erased }, at: now });
  return { name: person.name, retired, erased };
}

async function erase(tx: Prisma.TransactionClient, personId: string, now: Date): Promise<Record<string, number>> {
  const short = personId.slice(0, 8);
  await tx.person.update({
    where: { id: personId },
    data: { name: `Removed person ${short}`, honorific: null, title: null, titleNote: null, email: `removed-${personId}@invalid`, aadObjectId: null, teamsUserId: null, organisationId: null, deputyId: null, membership: 'RETIRED', roles: [], retiredAt: now },
  });
  const leave = await tx.leave.deleteMany({ where: { personId } });
  const attendance = await tx.attendance.updateMany({ where: { personId, titleAsWritten: { not: null } }, data: { titleAsWritten: null } });
  const refs = await tx.conversationRef.findMany({ where: { personId }, select: { id: true, kind: true } });
  const personal = refs.filter((r) => r.kind === 'PERSONAL').map((r) => r.id);
  const unsent = await tx.outboxMessage.deleteMany({ where: { OR: [{ personId }, { conversationRefId: { in: personal } }], status: { not: 'SENT' } } });
  const sent = await tx.outboxMessage.updateMany({ where: { OR: [{ personId }, { conversationRefId: { in: personal } }] }, data: { personId: null, conversationRefId: null, payload: { erased: true } } });
  await tx.conversationRef.updateMany({ where: { personId, kind: { not: 'PERSONAL' } }, data: { personId: null } });
  const conversations = await tx.conversationRef.deleteMany({ where: { id: { in: personal } } });
  return { leave: leave.count, attendanceTitles: attendance.count, messagesDropped: unsent.count, messagesBlanked: sent.count, conversations: conversations.count };
}
