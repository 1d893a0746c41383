import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import type { ActionStatus, ActionUpdateKind, Prisma } from '../../generated/prisma/client.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.service.ts';
import { decide, type PolicyVerb } from '../policy/policy.ts';
import { ACTION_SELECT, findAction, isOutstanding, ownsAction, refText, type ActionRef, type FoundAction } from './action-lookup.ts';
import { enqueueActionNotices, statusWord } from './action-notices.ts';
import { OWNER_SELECT, ownerLabel, ownerPeople, resolveOwners } from './action-owners.ts';
import { findMeetingOn } from './meeting-dates.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'outbox'>;

/** One change to an action, as a person asked for it in words or from a card. */
export type ActionChange =
  | { kind: 'update'; text: string }
  | { kind: 'proposeClose'; text?: string }
  | { kind: 'close'; text?: string; meetingDate?: string }
  | { kind: 'drop'; reason: string }
  | { kind: 'reassign'; owners: string[] }
  | { kind: 'setDue'; dueOn: string };

export interface ChangeOutcome {
  kind: 'changed' | 'already';
  ref: string;
  status: string;
  message: string;
}

const VERB_OF: Record<ActionChange['kind'], PolicyVerb> = {
  update: 'action.update',
  proposeClose: 'action.proposeClose',
  close: 'action.close',
  drop: 'action.drop',
  reassign: 'action.reassign',
  setDue: 'action.reassign',
};

/**
 * Applies one change: the owners and officers may update or propose closing; only officers close,
 * drop, reassign or set a due date. Every change is an ActionUpdate (the action's history) and an
 * audit entry, in one transaction. The same Teams activity twice changes once.
 */
export async function changeAction(ctx: Ctx, actor: Actor | undefined, target: ActionRef | { actionId: string }, change: ActionChange, sourceActivityId?: string): Promise<ChangeOutcome> {
  if (!actor) throw new DomainError('action.forbidden', 'Only members of the partnership can do that.', 403);
  const now = ctx.clock.now();
  const outcome = await ctx.db.prisma.$transaction(async (tx) => {
    const action = 'actionId' in target ? await byId(tx, target.actionId) : await findAction(tx, actor.partnershipId, target);
    if (action.partnershipId !== actor.partnershipId) throw new DomainError('action.unknown', 'I cannot find that action.', 404);
    const owns = await ownsAction(tx, actor, action);
    const verdict = decide(actor, VERB_OF[change.kind], { owns });
    if (!verdict.allowed) throw new DomainError('action.forbidden', verdict.reason, 403);
    if (sourceActivityId && (await tx.actionUpdate.findUnique({ where: { sourceActivityId } })))
      return { kind: 'already' as const, ref: refText(action), status: statusWord(action.status), message: 'Already recorded.' };
    return apply(tx, actor, action, change, now, sourceActivityId);
  });
  ctx.outbox.kick();
  return outcome;
}

async function byId(tx: Prisma.TransactionClient, id: string): Promise<FoundAction> {
  const found = await tx.action.findUnique({ where: { id }, select: ACTION_SELECT });
  if (!found) throw new DomainError('action.unknown', 'I cannot find that action.', 404);
  return found;
}

async function apply(tx: Prisma.TransactionClient, actor: Actor, action: FoundAction, change: ActionChange, now: Date, sourceActivityId?: string): Promise<ChangeOutcome> {
  const ref = refText(action);
  const open = isOutstanding(action.status);
  if (!open && change.kind !== 'update' && change.kind !== 'close')
    throw new DomainError('action.finished', `The ${ref} action is already ${statusWord(action.status).toLowerCase()}.`, 409);
  const plan = await planChange(tx, actor, action, change, now);
  if (!plan) return { kind: 'already', ref, status: statusWord(action.status), message: `The ${ref} action is already closed.` };
  if (plan.data) await tx.action.update({ where: { id: action.id }, data: plan.data });
  await tx.actionUpdate.create({
    data: { actionId: action.id, kind: plan.updateKind, text: plan.text, authorId: actor.personId, meetingId: plan.meetingId ?? null, sourceActivityId: sourceActivityId ?? null, createdAt: now },
  });
  const status = plan.data?.status ?? action.status;
  await audit(tx, {
    partnershipId: actor.partnershipId, actorId: actor.personId, action: `action.${change.kind}`, entity: 'Action', entityId: action.id,
    entityRef: `minute ${action.minute.number}`, sourceActivityId, before: { status: action.status }, after: { status, ...plan.auditAfter }, at: now,
  });
  if (plan.notify) await enqueueActionNotices(tx, action.id, now, plan.notify);
  return { kind: 'changed', ref, status: statusWord(status), message: plan.message };
}

interface Plan {
  updateKind: ActionUpdateKind;
  text: string;
  message: string;
  data?: Prisma.ActionUpdateInput & { status?: ActionStatus };
  meetingId?: string;
  notify?: string[];
  auditAfter?: object;
}

async function planChange(tx: Prisma.TransactionClient, actor: Actor, action: FoundAction, change: ActionChange, now: Date): Promise<Plan | undefined> {
  const ref = refText(action);
  switch (change.kind) {
    case 'update':
      return { updateKind: 'UPDATE', text: change.text, message: `Update recorded on the ${ref} action.` };
    case 'proposeClose':
      if (action.status === 'PROPOSED_CLOSED') return { updateKind: 'PROPOSE_CLOSE', text: change.text ?? 'Proposed for closing.', message: `The ${ref} action was already proposed for closing; your note is recorded.` };
      return { updateKind: 'PROPOSE_CLOSE', text: change.text ?? 'Proposed for closing.', data: { status: 'PROPOSED_CLOSED' }, message: `The ${ref} action is proposed for closing; an officer will confirm.` };
    case 'close': {
      if (!isOutstanding(action.status)) return undefined;
      const meeting = change.meetingDate ? await findMeetingOn(tx, actor.partnershipId, change.meetingDate) : undefined;
      const at = meeting ? ` at the meeting of ${change.meetingDate}` : '';
      return {
        updateKind: 'CLOSE', text: change.text ?? `Closed${at}.`, meetingId: meeting?.id,
        data: { status: 'CLOSED', closedAt: now, closedReason: change.text ?? null, ...(meeting ? { closedAtMeeting: { connect: { id: meeting.id } } } : {}) },
        message: `The ${ref} action is closed${at}.`,
      };
    }
    case 'drop':
      return { updateKind: 'DROP', text: change.reason, data: { status: 'DROPPED', closedAt: now, closedReason: change.reason }, message: `The ${ref} action is dropped: ${change.reason}` };
    case 'reassign':
      return reassign(tx, actor, action, change.owners);
    case 'setDue':
      return { updateKind: 'SET_DUE', text: `Due ${change.dueOn}.`, data: { dueOn: new Date(`${change.dueOn}T00:00:00Z`) }, message: `The ${ref} action is now due ${change.dueOn}.`, auditAfter: { dueOn: change.dueOn } };
  }
}

async function reassign(tx: Prisma.TransactionClient, actor: Actor, action: FoundAction, names: string[]): Promise<Plan> {
  const rows = await resolveOwners(tx, actor.partnershipId, names);
  const before = new Set((await tx.actionOwner.findMany({ where: { actionId: action.id }, select: { ownerKey: true } })).map((o) => o.ownerKey));
  await tx.actionOwner.deleteMany({ where: { actionId: action.id } });
  await tx.actionOwner.createMany({ data: rows.map((r) => ({ actionId: action.id, ...r })) });
  const added = rows.filter((r) => !before.has(r.ownerKey));
  const addedOwners = await tx.actionOwner.findMany({ where: { actionId: action.id, ownerKey: { in: added.map((r) => r.ownerKey) } }, select: OWNER_SELECT });
  const labels = (await tx.actionOwner.findMany({ where: { actionId: action.id }, select: OWNER_SELECT })).map(ownerLabel).join(', ');
  return {
    updateKind: 'REASSIGN', text: `Reassigned to ${labels}.`, message: `The ${refText(action)} action now belongs to ${labels}.`,
    notify: await ownerPeople(tx, actor.partnershipId, addedOwners), auditAfter: { owners: labels },
  };
}
