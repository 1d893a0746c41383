import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Logger } from '../../logging/logger.ts';
import type { Clock } from '../../time/clock.ts';
import type { ConversationReferenceData } from '../conversations/conversation-refs.service.ts';
import type { SendOutcome, Transport } from './delivery.schemas.ts';
import { markFinal, markRetry, markSent, renewClaim, type ClaimedMessage } from './outbox.service.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { reach } from './reach.service.ts';
import { backoff, throttleDelay, throttleUntil } from './throttle.service.ts';

export interface DeliveryDeps {
  prisma: PrismaClient;
  clock: Clock;
  log: Logger;
  transport: Transport;
  worker: string;
  limiter: RateLimiter;
  options: { leaseMs: number; maxAttempts: number; sendTimeoutMs: number };
  /** This worker's copy of the shared pause, so a batch in flight stops at the first 429. */
  pausedUntil: Date | undefined;
}

/** What happened to a message, as far as the rest of its conversation is concerned. */
export type Delivered = { kind: 'done' } | { kind: 'wait'; until: Date };

/** One message: find where it goes, wait for a slot under the limits, send, record. */
export async function deliverOne(deps: DeliveryDeps, message: ClaimedMessage): Promise<Delivered> {
  const { prisma, clock, log, options } = deps;
  if (!(await renewClaim(prisma, message, clock.now(), options.leaseMs))) {
    log.warn({ event: 'outbox.claim_lost', messageId: message.id }, 'claim lost: another worker has it');
    return { kind: 'done' };
  }
  const target = await reach(prisma, deps.transport, message, clock.now(), deps.limiter);
  if (target.kind !== 'reference') return record(deps, message, target);
  const { reference } = target;
  await deps.limiter.acquire(reference.conversation.id, reference.conversation.tenantId);
  const outcome = await sendWithin(deps, reference, message);
  return record(deps, message, outcome, reference);
}

async function sendWithin(deps: DeliveryDeps, reference: ConversationReferenceData, message: ClaimedMessage): Promise<SendOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<SendOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'retry', error: `timeout: no answer from Teams within ${deps.options.sendTimeoutMs} ms` }), deps.options.sendTimeoutMs);
  });
  try {
    return await Promise.race([deps.transport.send(reference, message.payload.activity), timeout]);
  } catch (error) {
    return { kind: 'retry', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

async function record(deps: DeliveryDeps, message: ClaimedMessage, outcome: SendOutcome, reference?: ConversationReferenceData): Promise<Delivered> {
  const { prisma, clock, log, options } = deps;
  const now = clock.now();
  log.info({ event: `outbox.${outcome.kind}`, messageId: message.id, kind: message.kind, attempts: message.attempts }, 'delivery');
  switch (outcome.kind) {
    case 'sent':
      if ((await markSent(prisma, message, now, outcome.activityId)) && message.payload.sentCardId && outcome.activityId)
        await prisma.sentCard.updateMany({ where: { id: message.payload.sentCardId }, data: { activityId: outcome.activityId } });
      return { kind: 'done' };
    case 'needs-install':
      await markFinal(prisma, message, 'NEEDS_INSTALL', outcome.error);
      if (reference) await prisma.conversationRef.updateMany({ where: { conversationId: reference.conversation.id }, data: { needsInstall: true } });
      return { kind: 'done' };
    case 'failed':
      await markFinal(prisma, message, 'FAILED', outcome.error);
      return { kind: 'done' };
    case 'throttled': {
      // Teams' 429 is about the bot, not this message: everyone pauses, and the attempt is not counted.
      const until = new Date(now.getTime() + throttleDelay(outcome.retryAfterMs, message.attempts));
      await throttleUntil(prisma, until, now);
      if (!deps.pausedUntil || deps.pausedUntil < until) deps.pausedUntil = until;
      await markRetry(prisma, message, until, outcome.error, true);
      return { kind: 'wait', until };
    }
    case 'retry': {
      if (message.attempts >= options.maxAttempts) {
        await markFinal(prisma, message, 'DEAD', outcome.error);
        log.warn({ event: 'outbox.dead', messageId: message.id, attempts: message.attempts }, 'dead-lettered');
        return { kind: 'done' };
      }
      const until = new Date(now.getTime() + backoff(message.attempts));
      await markRetry(prisma, message, until, outcome.error);
      return { kind: 'wait', until };
    }
  }
}
