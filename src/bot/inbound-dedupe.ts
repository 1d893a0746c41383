import { setTimeout as sleep } from 'node:timers/promises';
import type { Middleware, TurnContext } from 'botbuilder';
import type { AppContext } from '../app-context.ts';
import { DomainError } from '../domain-error.ts';
import { afterReply } from './after-reply.ts';
import { forgetEarlyReads } from './early-reads.ts';
import { claimActivity, completeClaim, purgeOldClaims, releaseClaim, renewClaim, type ClaimResult, type ClaimTiming } from './activity-claims.ts';

/** Activities whose second delivery must have no effect; invokes are idempotent by content instead. */
const DEDUPED = new Set(['message', 'conversationUpdate', 'installationUpdate']);

export interface DedupeTiming extends ClaimTiming {
  /** How often a running turn renews its claim (real time; well under `freshMs`). */
  renewMs: number;
  /** How long a duplicate waits for a quiet holder's claim before it is dropped (real time). */
  waitMs: number;
  pollMs: number;
}

/**
 * A live turn renews every 5 s; a claim quiet for 10 s is probably a dead process's, and after
 * 20 s it is taken over. Teams resends ~15 s after the first delivery, so the resend of a turn
 * whose process died waits at most a few seconds for the takeover.
 */
export const DEDUPE_TIMING: DedupeTiming = { leaseMs: 20_000, freshMs: 10_000, renewMs: 5_000, waitMs: 25_000, pollMs: 250 };

/** Keys are kept a week (a resend comes within minutes); old ones are purged at most hourly. */
export const KEY_RETENTION_MS = 7 * 24 * 3_600_000;
const PURGE_EVERY_MS = 3_600_000;

type Ctx = Pick<AppContext, 'db' | 'clock' | 'log'>;

/**
 * Teams resends a message it thinks went unanswered (after ~15 s), and two bot instances may both
 * receive one. A delivery claims the activity's key with a renewed lease before the turn and marks
 * it done after; a duplicate that finds it done, or held by a live turn, is dropped. One that finds
 * a claim gone quiet waits: it becomes done (dropped), is released because the turn failed, or
 * runs out because the process died (either way this delivery handles it). Invokes are not
 * deduped: Teams waits for their answer, and their handlers record nothing twice.
 */
export function inboundDedupe(ctx: Ctx, options: { timing?: DedupeTiming; alongsideClaim?: (context: TurnContext) => void } = {}): Middleware {
  const { timing = DEDUPE_TIMING, alongsideClaim } = options;
  const purge = oldKeyPurge(ctx);
  return {
    onTurn: async (context, next) => {
      const a = context.activity;
      if (!DEDUPED.has(a.type) || !a.id) return next();
      purge();
      const key = `${a.conversation?.id ?? '-'}|${a.id}`;
      // The turn's first reads (see early-reads.ts) go out with the claim, not after it.
      alongsideClaim?.(context);
      const claim = await awaitClaim(ctx, key, timing);
      // A turn taken over waited seconds for a quiet holder: what was read alongside is stale.
      if (claim === 'taken-over') forgetEarlyReads(context);
      if (claim !== 'claimed' && claim !== 'taken-over') {
        ctx.log.info({ event: 'inbound.duplicate', activityId: a.id, claim }, 'duplicate delivery dropped');
        return;
      }
      if (claim === 'taken-over') ctx.log.warn({ event: 'inbound.claim_taken_over', activityId: a.id }, 'an earlier delivery stopped mid-turn: handling it now');
      await runClaimed(ctx, context, key, timing, next);
    },
  };
}

/** At most hourly, in the background: forgets keys older than KEY_RETENTION_MS. */
function oldKeyPurge(ctx: Ctx): () => void {
  let nextAt = 0;
  return () => {
    const now = ctx.clock.now().getTime();
    if (now < nextAt) return;
    nextAt = now + PURGE_EVERY_MS;
    purgeOldClaims(ctx.db.prisma, new Date(now - KEY_RETENTION_MS))
      .then((purged) => purged > 0 && ctx.log.info({ event: 'inbound.keys_purged', purged }, 'old activity keys purged'))
      .catch((err) => ctx.log.warn({ event: 'inbound.keys_purge_failed', err }, 'could not purge old activity keys'));
  };
}

/** Claims the key, or waits while the claim's holder is quiet for it to be done, released or run out. */
async function awaitClaim(ctx: Ctx, key: string, timing: DedupeTiming): Promise<ClaimResult> {
  const prisma = ctx.db.prisma;
  let claim = await claimActivity(prisma, key, ctx.clock.now(), timing);
  for (let waited = 0; claim === 'stale' && waited < timing.waitMs; waited += timing.pollMs) {
    await sleep(timing.pollMs);
    claim = await claimActivity(prisma, key, ctx.clock.now(), timing);
  }
  return claim;
}

/**
 * Runs the turn under the claim, renewing it meanwhile. A turn that ends, or ends in a refusal
 * (the user had their answer), is done; one that throws anything else releases the claim.
 * Marking it done happens while the response goes back (after-reply): Teams resends only a
 * message it had no response to, and until then the claim's fresh lease drops any duplicate.
 */
async function runClaimed(ctx: Ctx, context: TurnContext, key: string, timing: DedupeTiming, next: () => Promise<void>): Promise<void> {
  const prisma = ctx.db.prisma;
  const renewal = setInterval(() => void renewClaim(prisma, key, ctx.clock.now(), timing.leaseMs).catch(() => {}), timing.renewMs);
  renewal.unref();
  try {
    await next();
  } catch (error) {
    clearInterval(renewal);
    if (error instanceof DomainError) afterReply(context, settle(ctx, 'complete', () => completeClaim(prisma, key, ctx.clock.now())));
    else await settle(ctx, 'release', () => releaseClaim(prisma, key));
    throw error;
  }
  clearInterval(renewal);
  afterReply(context, settle(ctx, 'complete', () => completeClaim(prisma, key, ctx.clock.now())));
}

/**
 * Settling a claim must not turn a finished turn into an error. If it fails (the database went
 * away), the claim stays until its lease runs out, and then a resend is handled.
 */
async function settle(ctx: Ctx, what: 'complete' | 'release', work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    ctx.log.warn({ event: 'inbound.claim_unsettled', what, err: error }, 'could not settle the claim: it will run out');
  }
}
