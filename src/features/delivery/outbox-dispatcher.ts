import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Logger } from '../../logging/logger.ts';
import type { Clock } from '../../time/clock.ts';
import type { ConversationReferenceData } from '../conversations/conversation-refs.service.ts';
import type { SendOutcome, Transport } from './delivery.schemas.ts';
import { claimBatch, markFinal, markRetry, markSent, outstandingCount, type ClaimedMessage } from './outbox.service.ts';

export interface DispatcherOptions {
  batchSize: number;
  leaseMs: number;
  pollMs: number;
  maxAttempts: number;
}

const DEFAULTS: DispatcherOptions = { batchSize: 25, leaseMs: 60_000, pollMs: 1_000, maxAttempts: 8 };

/**
 * Drains the outbox: claims a batch, sends each message, records the outcome. A timer asks for due
 * work (like Company Communicator's scheduler); `kick()` asks at once after something is queued.
 */
export class OutboxDispatcher {
  private readonly options: DispatcherOptions;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(
    private readonly deps: { prisma: PrismaClient; clock: Clock; log: Logger; transport: Transport; worker: string },
    options: Partial<DispatcherOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Something was queued: look now rather than at the next poll. */
  kick(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  /**
   * Sends until nothing due is left, after any pass the timer already started; returns how many
   * messages this call handled.
   */
  async drain(): Promise<number> {
    await this.running;
    return this.sendAllDue();
  }

  private async sendAllDue(): Promise<number> {
    let handled = 0;
    for (;;) {
      const n = await this.runOnce();
      handled += n;
      if (n === 0) return handled;
    }
  }

  async pending(): Promise<number> {
    return outstandingCount(this.deps.prisma);
  }

  /** One batch: claim, send, record. */
  async runOnce(): Promise<number> {
    const { prisma, clock, worker } = this.deps;
    const batch = await claimBatch(prisma, worker, this.options.batchSize, clock.now(), this.options.leaseMs);
    for (const message of batch) await this.deliver(message);
    return batch.length;
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.sendAllDue()
        .then(() => undefined)
        .catch((err) => this.deps.log.error({ event: 'outbox.loop_failed', err }, 'outbox loop failed'))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.schedule(this.options.pollMs);
        });
    }, delay);
    this.timer.unref();
  }

  private async deliver(message: ClaimedMessage): Promise<void> {
    const { prisma, transport, log } = this.deps;
    const reference = await this.referenceFor(message);
    if (!reference) {
      await markFinal(prisma, message.id, 'NEEDS_INSTALL', 'no conversation with this person yet');
      log.warn({ event: 'outbox.needs_install', messageId: message.id, personId: message.personId }, 'needs install');
      return;
    }
    let outcome: SendOutcome;
    try {
      outcome = await transport.send(reference, message.payload.activity);
    } catch (error) {
      outcome = { kind: 'retry', error: error instanceof Error ? error.message : String(error) };
    }
    await this.record(message, outcome);
  }

  private async record(message: ClaimedMessage, outcome: SendOutcome): Promise<void> {
    const { prisma, clock, log } = this.deps;
    const now = clock.now();
    log.info({ event: `outbox.${outcome.kind}`, messageId: message.id, kind: message.kind, attempts: message.attempts }, 'delivery');
    if (outcome.kind === 'sent') {
      await markSent(prisma, message.id, now, outcome.activityId);
      if (message.payload.sentCardId && outcome.activityId)
        await prisma.sentCard.update({ where: { id: message.payload.sentCardId }, data: { activityId: outcome.activityId } });
      return;
    }
    if (outcome.kind === 'needs-install') {
      await markFinal(prisma, message.id, 'NEEDS_INSTALL', outcome.error);
      if (message.conversationRefId)
        await prisma.conversationRef.update({ where: { id: message.conversationRefId }, data: { needsInstall: true } });
      return;
    }
    if (outcome.kind === 'failed' || message.attempts >= this.options.maxAttempts) {
      await markFinal(prisma, message.id, outcome.kind === 'failed' ? 'FAILED' : 'DEAD', outcome.error);
      return;
    }
    const wait = outcome.kind === 'throttled' && outcome.retryAfterMs ? outcome.retryAfterMs : backoff(message.attempts);
    await markRetry(prisma, message.id, new Date(now.getTime() + wait), outcome.error);
  }

  private async referenceFor(message: ClaimedMessage): Promise<ConversationReferenceData | undefined> {
    const { prisma } = this.deps;
    const ref = message.conversationRefId
      ? await prisma.conversationRef.findUnique({ where: { id: message.conversationRefId } })
      : message.personId
        ? await prisma.conversationRef.findFirst({
            where: { personId: message.personId, kind: 'PERSONAL', needsInstall: false },
            orderBy: { updatedAt: 'desc' },
          })
        : null;
    return ref ? (ref.reference as unknown as ConversationReferenceData) : undefined;
  }
}

/** Exponential backoff with full jitter: 1 s, 2 s, 4 s … capped at five minutes. */
export function backoff(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(300_000, 1_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
