import type { Middleware } from 'botbuilder';
import type { AppContext } from '../app-context.ts';
import { isUniqueViolation } from '../db/conflicts.ts';

/** Activities whose second delivery must have no effect; invokes are idempotent by content instead. */
const DEDUPED = new Set(['message', 'conversationUpdate', 'installationUpdate']);

/**
 * Teams resends a message it thinks went unanswered (after ~15 s), and two bot instances may both
 * receive one. The first to insert the activity's key handles it; a unique violation means another
 * delivery already did, so this one is dropped. Invokes are not dropped: Teams waits for their
 * answer, and their handlers record nothing twice.
 */
export function inboundDedupe(ctx: Pick<AppContext, 'db' | 'clock' | 'log'>): Middleware {
  return {
    onTurn: async (context, next) => {
      const a = context.activity;
      if (!DEDUPED.has(a.type) || !a.id) return next();
      const key = `${a.conversation?.id ?? '-'}|${a.id}`;
      try {
        await ctx.db.prisma.processedActivity.create({ data: { key, processedAt: ctx.clock.now() } });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        ctx.log.info({ event: 'inbound.duplicate', activityId: a.id }, 'duplicate delivery dropped');
        return;
      }
      await next();
    },
  };
}
