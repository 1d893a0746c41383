import type { Actor } from '../identity/identity.service.ts';
import type { Holding } from './member-holdings.ts';
import type { RetireOutcome } from './member-retire.service.ts';
import { andList, auditBy, type PersonRow, type Tx } from './member-people.ts';

type HandoverLog = Pick<RetireOutcome, 'handedOver' | 'orphaned' | 'notes'>;

/** What each handover step is given: the transaction, who is acting, and who is leaving. */
/** A holding and who takes it (nobody: it stays with those who share it, or is orphaned). */
export type Step = { holding: Holding; to?: PersonRow };

export type StepCtx = {
  tx: Tx;
  actor: Actor;
  now: Date;
  retiree: { id: string; name: string };
  sourceActivityId?: string;
};

export async function applyStep(
  c: StepCtx,
  { holding, to }: Step,
  outcome: HandoverLog,
): Promise<void> {
  if (holding.kind === 'service') await handOverService(c, holding, to);
  else if (holding.kind === 'action') await handOverAction(c, holding, to);
  else await handOverDelegation(c, holding, to);
  if (to) outcome.handedOver.push({ label: holding.label, to: to.name });
  else if (holding.others.length === 0) outcome.orphaned.push(holding.label);
  else outcome.notes.push(`${holding.label}: kept by ${andList(holding.others)}.`);
}

async function handOverService(c: StepCtx, holding: Holding, to?: PersonRow) {
  await c.tx.serviceAnswerer.delete({
    where: { serviceId_personId: { serviceId: holding.id, personId: c.retiree.id } },
  });
  if (to)
    await c.tx.serviceAnswerer.upsert({
      where: { serviceId_personId: { serviceId: holding.id, personId: to.id } },
      create: { serviceId: holding.id, personId: to.id, since: c.now },
      update: {},
    });
  await auditBy(c.tx, c.actor, c.now, {
    action: 'service.answerer.handover',
    entity: 'Service',
    entityId: holding.id,
    entityRef: holding.names[0],
    sourceActivityId: c.sourceActivityId,
    before: { answerers: [c.retiree.name, ...holding.others] },
    after: {
      answerers: [...holding.others, ...(to && !holding.others.includes(to.name) ? [to.name] : [])],
    },
  });
}

async function handOverAction(c: StepCtx, holding: Holding, to?: PersonRow) {
  const row = await c.tx.actionOwner.findUniqueOrThrow({ where: { id: holding.id } });
  const taken = to
    ? await c.tx.actionOwner.findFirst({
        where: { actionId: row.actionId, kind: 'PERSON', ownerKey: to.id },
      })
    : null;
  if (to && !taken)
    await c.tx.actionOwner.update({
      where: { id: row.id },
      data: { personId: to.id, ownerKey: to.id, asWritten: null },
    });
  else await c.tx.actionOwner.delete({ where: { id: row.id } });
  const text = to
    ? `Handed over from ${c.retiree.name} to ${to.name} when ${c.retiree.name} retired.`
    : `${c.retiree.name} retired; left without this owner.`;
  await c.tx.actionUpdate.create({
    data: {
      actionId: row.actionId,
      kind: 'REASSIGN',
      text,
      authorId: c.actor.personId,
      createdAt: c.now,
    },
  });
  await auditBy(c.tx, c.actor, c.now, {
    action: 'action.owner.handover',
    entity: 'Action',
    entityId: row.actionId,
    entityRef: holding.names[0],
    sourceActivityId: c.sourceActivityId,
    before: { owner: c.retiree.name },
    after: { owner: to?.name ?? null },
  });
}

async function handOverDelegation(c: StepCtx, holding: Holding, to?: PersonRow) {
  const row = await c.tx.delegation.findUniqueOrThrow({ where: { id: holding.id } });
  const moved = to && to.id !== row.fromId;
  await c.tx.delegation.update({
    where: { id: row.id },
    data: moved ? { toId: to.id } : { revokedAt: c.now },
  });
  await auditBy(c.tx, c.actor, c.now, {
    action: 'delegation.handover',
    entity: 'Delegation',
    entityId: row.id,
    sourceActivityId: c.sourceActivityId,
    before: { toId: row.toId },
    after: moved ? { toId: to.id } : { revokedAt: c.now.toISOString() },
  });
}

/** Delegations they gave end, and those who named them as deputy are told apart (no deputy now). */
export async function endTies(c: StepCtx, outcome: HandoverLog) {
  const given = await c.tx.delegation.updateMany({
    where: { fromId: c.retiree.id, revokedAt: null },
    data: { revokedAt: c.now },
  });
  if (given.count)
    outcome.notes.push(
      `${given.count} delegation${given.count > 1 ? 's' : ''} ${c.retiree.name} gave ended.`,
    );
  const deputising = await c.tx.person.findMany({
    where: { deputyId: c.retiree.id },
    select: { id: true, name: true },
  });
  for (const p of deputising) {
    await c.tx.person.update({ where: { id: p.id }, data: { deputyId: null } });
    await auditBy(c.tx, c.actor, c.now, {
      action: 'member.deputy',
      entity: 'Person',
      entityId: p.id,
      entityRef: p.name,
      sourceActivityId: c.sourceActivityId,
      before: { deputyId: c.retiree.id },
      after: { deputyId: null },
    });
  }
  if (deputising.length)
    outcome.notes.push(
      `${andList(deputising.map((p) => p.name))} had ${c.retiree.name} as deputy and now ${deputising.length > 1 ? 'have' : 'has'} none.`,
    );
}
