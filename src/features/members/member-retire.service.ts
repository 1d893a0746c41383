import { DomainError } from '../../domain-error.ts';
import type { Actor } from '../identity/identity.service.ts';
import { holdingsOf } from './member-holdings.ts';
import { applyStep, endTies, type Step } from './member-handover-steps.ts';
import { auditBy, authorise, type Ctx, type Tx } from './member-people.ts';

/** Who takes each holding: a person id, or null where the officer said to leave it unowned. */
export interface RetireRequest {
  personId: string;
  assign: Map<string, string | null>;
  /** Takes everything not named in `assign`. */
  everything?: string;
  /** The officer said "leave unowned": what nobody takes may be orphaned. */
  leaveUnowned: boolean;
}

export interface RetireOutcome {
  name: string;
  handedOver: Array<{ label: string; to: string }>;
  /** Left with nobody: the officer asked for it, and sees it listed. */
  orphaned: string[];
  /** Kept by others who already shared it; delegations from them ended; roles and deputies cleared. */
  notes: string[];
}

/**
 * Retires a member and hands over what they own in one transaction. Refuses (changing nothing)
 * when something would be left with no owner and the officer did not say to leave it unowned.
 */
export async function retireMember(
  ctx: Ctx,
  who: Actor | undefined,
  request: RetireRequest,
  sourceActivityId?: string,
): Promise<RetireOutcome> {
  const actor = authorise(who, 'member.manage');
  const now = ctx.clock.now();
  return ctx.db.prisma.$transaction(
    async (tx) => {
      const person = await tx.person.findFirst({
        where: {
          id: request.personId,
          partnershipId: actor.partnershipId,
          membership: { not: 'RETIRED' },
        },
      });
      if (!person)
        throw new DomainError(
          'member.not_found',
          'That person is not a current member (perhaps already retired); nothing was changed.',
        );
      await refuseLastOfficer(tx, actor, person);
      const steps = await plan(tx, actor, person.id, request);
      const unresolved = steps.filter(
        (s) =>
          !s.to &&
          s.holding.others.length === 0 &&
          request.assign.get(s.holding.key) !== null &&
          !request.leaveUnowned,
      );
      if (unresolved.length)
        throw new DomainError(
          'member.would_orphan',
          `Nothing was changed: ${unresolved.length === 1 ? 'this would' : 'these would'} be left without an owner: ${unresolved.map((s) => s.holding.label).join('; ')}. Say who takes ${unresolved.length === 1 ? 'it' : 'them'} over ("…, hand over to NAME"), or add ", leave unowned".`,
        );
      const outcome: RetireOutcome = { name: person.name, handedOver: [], orphaned: [], notes: [] };
      const ctxOf = {
        tx,
        actor,
        now,
        retiree: { id: person.id, name: person.name },
        sourceActivityId,
      };
      for (const step of steps) await applyStep(ctxOf, step, outcome);
      await endTies(ctxOf, outcome);
      await tx.person.update({
        where: { id: person.id },
        data: { membership: 'RETIRED', retiredAt: now, roles: [], deputyId: null },
      });
      await auditBy(tx, actor, now, {
        action: 'member.retired',
        entity: 'Person',
        entityId: person.id,
        entityRef: person.name,
        sourceActivityId,
        before: { membership: person.membership, roles: person.roles, deputyId: person.deputyId },
        after: { membership: 'RETIRED', roles: [], deputyId: null, orphaned: outcome.orphaned },
      });
      if (person.roles.length)
        outcome.notes.push(
          `${person.name} no longer holds the role${person.roles.length > 1 ? 's' : ''} ${person.roles.map((r) => r.toLowerCase().replace('_', '-')).join(', ')}.`,
        );
      return outcome;
    },
    { timeout: 30_000 },
  );
}

async function refuseLastOfficer(
  tx: Tx,
  actor: Actor,
  person: { id: string; name: string; roles: string[] },
) {
  if (!person.roles.some((r) => r === 'OFFICER' || r === 'CLERK')) return;
  // Filtered here, not in SQL: `hasSome` on an enum array reaches PGlite malformed.
  const members = await tx.person.findMany({
    where: { partnershipId: actor.partnershipId, membership: 'MEMBER', id: { not: person.id } },
    select: { roles: true },
  });
  const others = members.filter((m) => m.roles.some((r) => r === 'OFFICER' || r === 'CLERK')).length;
  if (others === 0)
    throw new DomainError(
      'member.last_officer',
      `${person.name} is the only officer; make someone else an officer first.`,
    );
}

/** Each holding with its successor, checked: successors are current members other than the retiree. */
async function plan(
  tx: Tx,
  actor: Actor,
  personId: string,
  request: RetireRequest,
): Promise<Step[]> {
  const holdings = await holdingsOf(tx, personId);
  const ids = new Set(
    [...request.assign.values(), request.everything].filter((v): v is string => !!v),
  );
  const successors = await tx.person.findMany({
    where: { id: { in: [...ids] }, partnershipId: actor.partnershipId, membership: 'MEMBER' },
    select: { id: true, name: true, membership: true, roles: true },
  });
  const byId = new Map(successors.map((s) => [s.id, s]));
  for (const id of ids) {
    if (id === personId)
      throw new DomainError(
        'member.bad_successor',
        'A member cannot hand over to themselves; nothing was changed.',
      );
    if (!byId.has(id))
      throw new DomainError(
        'member.bad_successor',
        'The person chosen to take over is not a current member; nothing was changed.',
      );
  }
  return holdings.map((holding) => {
    const chosen = request.assign.has(holding.key)
      ? request.assign.get(holding.key)
      : request.everything;
    return { holding, to: chosen ? byId.get(chosen) : undefined };
  });
}
