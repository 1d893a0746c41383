import type { PrismaClient } from '../../generated/prisma/client.ts';

/** Dates as ISO text; everything else as stored. */
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Every record that is about, by or for one person, as plain JSON-ready data. */
export async function personRecords(prisma: PrismaClient, personId: string) {
  const p = await prisma.person.findUniqueOrThrow({ where: { id: personId }, include: { organisation: true, deputy: { select: { name: true } } } });
  const [answersFor, leave, attendance, actionsOwned, actionUpdates, narratives, ragRatings, assignments, delegations, conversations, sentCards, outbox, auditBy, auditAbout, mentions] = await Promise.all([
    prisma.serviceAnswerer.findMany({ where: { personId }, include: { service: { select: { name: true } } } }),
    prisma.leave.findMany({ where: { personId } }),
    prisma.attendance.findMany({ where: { personId }, include: { meeting: { select: { startsAt: true } } } }),
    prisma.actionOwner.findMany({ where: { personId }, include: { action: { select: { text: true, status: true, minute: { select: { number: true, meeting: { select: { startsAt: true } } } } } } } }),
    prisma.actionUpdate.findMany({ where: { authorId: personId } }),
    prisma.narrative.findMany({ where: { authorId: personId }, include: { commitment: { select: { ref: true } }, period: { select: { fiscalYear: true, quarter: true } } } }),
    prisma.ragRating.findMany({ where: { setById: personId }, include: { commitment: { select: { ref: true } }, period: { select: { fiscalYear: true, quarter: true } } } }),
    prisma.roundAssignment.findMany({ where: { personId } }),
    prisma.delegation.findMany({ where: { OR: [{ fromId: personId }, { toId: personId }] } }),
    prisma.conversationRef.findMany({ where: { personId }, select: { conversationId: true, kind: true, createdAt: true } }),
    prisma.sentCard.findMany({ where: { personId }, select: { id: true, kind: true, createdAt: true, closedAt: true } }),
    prisma.outboxMessage.findMany({ where: { personId }, select: { kind: true, status: true, createdAt: true, sentAt: true } }),
    prisma.auditEntry.findMany({ where: { actorId: personId }, orderBy: { id: 'asc' } }),
    prisma.auditEntry.findMany({ where: { entity: 'Person', entityId: personId }, orderBy: { id: 'asc' } }),
    prisma.narrative.findMany({ where: { commitment: { partnershipId: p.partnershipId }, text: { contains: p.name, mode: 'insensitive' }, NOT: { authorId: personId } }, include: { commitment: { select: { ref: true } }, period: { select: { fiscalYear: true, quarter: true } } } }),
  ]);
  const period = (q: { fiscalYear: number; quarter: number }) => `Q${q.quarter} ${q.fiscalYear}/${String((q.fiscalYear + 1) % 100).padStart(2, '0')}`;
  const auditRow = (a: (typeof auditBy)[number]) => ({ at: iso(a.at), action: a.action, entity: a.entity, entityId: a.entityId, entityRef: a.entityRef, sourceActivityId: a.sourceActivityId, before: a.before, after: a.after });
  const narrativeRow = (n: (typeof narratives)[number]) => ({ ref: n.commitment.ref, period: period(n.period), kind: n.kind, text: n.text, version: n.version, recordedAt: iso(n.recordedAt), purgedAt: iso(n.purgedAt) });
  return {
    person: {
      id: p.id, name: p.name, honorific: p.honorific, title: p.title, titleNote: p.titleNote, email: p.email, organisation: p.organisation?.name ?? null,
      membership: p.membership, roles: p.roles, deputy: p.deputy?.name ?? null, aadObjectId: p.aadObjectId, teamsUserId: p.teamsUserId,
      retiredAt: iso(p.retiredAt), createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt),
    },
    servicesAnsweredFor: answersFor.map((a) => ({ service: a.service.name, since: iso(a.since) })),
    leave: leave.map((l) => ({ startsOn: iso(l.startsOn), endsOn: iso(l.endsOn) })),
    attendance: attendance.map((a) => ({ meeting: iso(a.meeting.startsAt), kind: a.kind, titleAsWritten: a.titleAsWritten })),
    actionsOwned: actionsOwned.map((o) => ({ minute: o.action.minute.number, meeting: iso(o.action.minute.meeting.startsAt), text: o.action.text, status: o.action.status, asWritten: o.asWritten })),
    actionUpdatesWritten: actionUpdates.map((u) => ({ kind: u.kind, text: u.text, createdAt: iso(u.createdAt) })),
    narrativesWritten: narratives.map(narrativeRow),
    ragRatingsSet: ragRatings.map((r) => ({ ref: r.commitment.ref, period: period(r.period), words: r.words, status: r.status, recordedAt: iso(r.recordedAt) })),
    roundAssignments: assignments.map((a) => ({ roundId: a.roundId, status: a.status, returnedAt: iso(a.returnedAt) })),
    delegations: delegations.map((d) => ({ direction: d.fromId === personId ? 'given' : 'received', roundId: d.roundId, createdAt: iso(d.createdAt), revokedAt: iso(d.revokedAt) })),
    conversations: conversations.map((c) => ({ ...c, createdAt: iso(c.createdAt) })),
    cardsSent: sentCards.map((c) => ({ ...c, createdAt: iso(c.createdAt), closedAt: iso(c.closedAt) })),
    messagesSent: outbox.map((m) => ({ ...m, createdAt: iso(m.createdAt), sentAt: iso(m.sentAt) })),
    auditEntriesByThem: auditBy.map(auditRow),
    auditEntriesAboutThem: auditAbout.map(auditRow),
    narrativesMentioningThem: mentions.map(narrativeRow),
  };
}
