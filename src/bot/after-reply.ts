import type { TurnContext } from 'botbuilder';

const AFTER_REPLY = Symbol('afterReply');

/**
 * Bookkeeping a turn does once its answer is out: started by a middleware as the turn ends, it
 * runs while the HTTP response goes back to Teams, so the user does not wait for it. The HTTP
 * edge waits for it before counting the request done (and so before a shutdown closes the
 * database). The work must handle its own errors.
 */
export function afterReply(context: TurnContext, work: Promise<void>): void {
  const pending = context.turnState.get(AFTER_REPLY) as Promise<void>[] | undefined;
  pending?.push(work);
}

/**
 * Called by the HTTP edge as the turn starts: the list that the turn's after-reply work is
 * gathered in, to be awaited once the response is sent (the context itself is revoked by then).
 */
export function gatherAfterReply(context: TurnContext): Promise<void>[] {
  const pending: Promise<void>[] = [];
  context.turnState.set(AFTER_REPLY, pending);
  return pending;
}
