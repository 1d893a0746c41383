import { DomainError } from '../../domain-error.ts';
import type { HandoverClause } from './members.commands.ts';
import { holdingsOf, type Holding } from './member-holdings.ts';
import { matchName, normaliseName } from './member-lookup.ts';
import type { Actor } from '../identity/identity.service.ts';
import { authorise, findMember, type Ctx, type Tx } from './member-people.ts';
import { retireMember, type RetireOutcome, type RetireRequest } from './member-retire.service.ts';

const GROUPS: Record<string, Holding['kind']> = {
  services: 'service',
  commitments: 'service',
  actions: 'action',
  'open actions': 'action',
  delegations: 'delegation',
};

/**
 * Turns "hand over Public Health to Emily Duignan, actions to Rob Vale, the rest to X, leave
 * unowned" into who takes what. A clause naming something they do not own is refused, not ignored.
 */
export async function requestFromWords(
  tx: Tx,
  partnershipId: string,
  personId: string,
  clauses: HandoverClause[],
): Promise<RetireRequest> {
  const holdings = await holdingsOf(tx, personId);
  const request: RetireRequest = { personId, assign: new Map(), leaveUnowned: false };
  for (const clause of clauses) {
    if (clause.to === undefined) {
      if (clause.what)
        for (const h of holdingsNamed(holdings, clause.what)) request.assign.set(h.key, null);
      else request.leaveUnowned = true;
      continue;
    }
    if (!clause.to)
      throw new DomainError(
        'member.bad_handover',
        `I could not read "${(clause.what ?? '').slice(0, 80)}". Say, for example, "retire Stuart Baker, hand over to Andy Brittain" or "…, hand over SNT Police to Andy Brittain, leave unowned".`,
      );
    const successor = await findMember(tx, partnershipId, clause.to);
    if (!clause.what) request.everything = successor.id;
    else
      for (const h of holdingsNamed(holdings, clause.what)) request.assign.set(h.key, successor.id);
  }
  return request;
}

/** The holdings a phrase means: a group word ("actions"), a service by name or alias, "minute 26". */
function holdingsNamed(holdings: Holding[], what: string): Holding[] {
  const group = GROUPS[normaliseName(what).replace(/^(?:their|his|her|all) /, '')];
  if (group) return holdings.filter((h) => h.kind === group);
  const found = matchName(
    what,
    holdings.map((h) => ({ id: h.key, name: h.names[0]!, aliases: h.names.slice(1) })),
  );
  if (found.kind === 'one') return holdings.filter((h) => h.key === found.item.id);
  const owned = holdings.map((h) => h.names[0]).join(', ') || 'nothing';
  throw new DomainError(
    'member.bad_handover',
    `"${what.slice(0, 80)}" is not something they own. They own: ${owned}. Nothing was changed.`,
  );
}

/** "retire NAME, hand over …": the handover in words, then the retirement (which checks it all again). */
export async function retireInWords(
  ctx: Ctx,
  who: Actor | undefined,
  name: string,
  clauses: HandoverClause[],
  sourceActivityId?: string,
): Promise<RetireOutcome> {
  const actor = authorise(who, 'member.manage');
  const { prisma } = ctx.db;
  const person = await findMember(prisma, actor.partnershipId, name, ['MEMBER', 'ATTENDEE']);
  const request = await requestFromWords(prisma, actor.partnershipId, person.id, clauses);
  return retireMember(ctx, actor, request, sourceActivityId);
}
