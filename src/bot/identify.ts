import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { AppContext } from '../app-context.ts';
import { findActorByAadObjectId, matchActorByEmail, type Actor } from '../features/identity/identity.service.ts';

const ACTOR_KEY = Symbol('actor');

/**
 * Who is acting in this turn: by aadObjectId, else by the email/UPN from the Teams roster (then
 * remembered). Cached on the turn so handlers can ask freely. Undefined for a stranger.
 */
export async function identifyActor(context: TurnContext, ctx: AppContext): Promise<Actor | undefined> {
  const cached = context.turnState.get(ACTOR_KEY) as { actor?: Actor } | undefined;
  if (cached) return cached.actor;
  const from = context.activity.from;
  let actor = from?.aadObjectId ? await findActorByAadObjectId(ctx.db.prisma, from.aadObjectId) : undefined;
  if (!actor && from?.id) {
    const email = await rosterEmail(context);
    actor = await matchActorByEmail(ctx.db.prisma, { aadObjectId: from.aadObjectId, teamsUserId: from.id, email });
  }
  context.turnState.set(ACTOR_KEY, { actor });
  return actor;
}

async function rosterEmail(context: TurnContext): Promise<string | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return member.email ?? member.userPrincipalName ?? undefined;
  } catch {
    return undefined;
  }
}
