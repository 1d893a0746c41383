import type { AppContext } from '../../app-context.ts';
import { isUniqueViolation } from '../../db/conflicts.ts';
import type { Actor } from '../identity/identity.service.ts';
import { answerActions } from '../queries/actions.service.ts';
import { compareRefs, formatDate } from '../queries/format.ts';
import { stillOwed } from '../rounds/round-status.service.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

/** What a member sees on first contact: the work that is theirs. */
export interface PersonalWelcome {
  firstName: string;
  services: Array<{ name: string; refs: string[] }>;
  actions: Array<{ minute: string; text: string; due?: string; overdue: boolean }>;
  owed?: { periodLabel: string; due: string; refs: string[] };
}

/**
 * First contact happens once per occasion: Teams (and the Playground, on every page load) sends
 * both installationUpdate and conversationUpdate for one install. The first delivery to insert
 * the key greets; later ones see the key and stay quiet. Keys are conversation or team ids only.
 */
export async function claimFirstContact(ctx: Ctx, key: string): Promise<boolean> {
  try {
    await ctx.db.prisma.processedActivity.create({ data: { key: `welcome|${key}`, processedAt: ctx.clock.now() } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** After an uninstall, the next install is a new first contact. */
export async function forgetFirstContact(ctx: Ctx, key: string): Promise<void> {
  await ctx.db.prisma.processedActivity.deleteMany({ where: { key: `welcome|${key}` } });
}

/** The commitments the member answers for (by service), their open actions, and what a round still needs. */
export async function personalWelcome(ctx: Ctx, actor: Actor): Promise<PersonalWelcome> {
  const { prisma } = ctx.db;
  const now = ctx.clock.now();
  const [services, actions, owed] = await Promise.all([
    prisma.service.findMany({
      where: { partnershipId: actor.partnershipId, answerers: { some: { personId: actor.personId } } },
      select: { name: true, commitments: { where: { commitment: { retiredAt: null } }, select: { commitment: { select: { ref: true } } } } },
      orderBy: { name: 'asc' },
    }),
    answerActions(prisma, actor.partnershipId, { owner: { kind: 'me' }, overdue: false }, actor, now),
    stillOwed(ctx, actor),
  ]);
  return {
    firstName: actor.name.split(/\s+/)[0] ?? actor.name,
    services: services
      .map((s) => ({ name: s.name, refs: s.commitments.map((c) => c.commitment.ref).sort(compareRefs) }))
      .filter((s) => s.refs.length > 0),
    actions:
      actions.kind === 'actions'
        ? actions.items.map((a) => ({
            minute: `Minute ${a.minute} (${formatDate(a.meetingDate)})`,
            text: a.text,
            ...(a.due ? { due: formatDate(a.due) } : {}),
            overdue: a.overdue,
          }))
        : [],
    ...(owed && owed.refs.length ? { owed } : {}),
  };
}
