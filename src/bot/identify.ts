import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { AppContext } from '../app-context.ts';
import { findActorByAadObjectId, matchActorByEmail, type Actor } from '../features/identity/identity.service.ts';
import { startEarlyRead, takeEarlyRead } from './early-reads.ts';

const ACTOR_KEY = Symbol('actor');
const BY_AAD_OBJECT_ID = Symbol('actorByAadObjectId');

/** Starts looking up who is acting by their Entra object id, for `identifyActor` to find under way. */
export function startIdentifying(context: TurnContext, ctx: Pick<AppContext, 'db'>): void {
  const aadObjectId = context.activity.from?.aadObjectId;
  if (aadObjectId) startEarlyRead(context, BY_AAD_OBJECT_ID, () => findActorByAadObjectId(ctx.db.prisma, aadObjectId));
}

/**
 * Who is acting in this turn: by aadObjectId, else by the email/UPN from the Teams roster (then
 * remembered). Cached on the turn so handlers can ask freely. Undefined for a stranger.
 */
export async function identifyActor(context: TurnContext, ctx: AppContext): Promise<Actor | undefined> {
  const cached = context.turnState.get(ACTOR_KEY) as { actor?: Actor } | undefined;
  if (cached) return cached.actor;
  const from = context.activity.from;
  const aadObjectId = from?.aadObjectId;
  let actor = aadObjectId ? await takeEarlyRead(context, BY_AAD_OBJECT_ID, () => findActorByAadObjectId(ctx.db.prisma, aadObjectId)) : undefined;
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
