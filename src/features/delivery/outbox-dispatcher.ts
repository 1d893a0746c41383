import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Logger } from '../../logging/logger.ts';
import type { Clock } from '../../time/clock.ts';
import { DEFAULT_RATE_LIMITS, type RateLimits, type Transport } from './delivery.schemas.ts';
import { deliverOne, type DeliveryDeps, type Delivered } from './deliver-one.ts';
import { reportUndelivered } from './delivery-report.service.ts';
import { claimBatch, markRetry, nextDueAt, outstandingCount, type ClaimedMessage } from './outbox.service.ts';
import { RateLimiter, realPace, type Pace } from './rate-limiter.ts';
import { throttledUntil } from './throttle.service.ts';

export interface DispatcherOptions {
  /** Messages claimed per round trip: batch claims, not one queue job per message. */
  batchSize: number;
  /** How long a claim lasts without renewal; longer than `sendTimeoutMs`. */
  leaseMs: number;
  /**
   * The longest the dispatcher sleeps with nothing due: what this process queues it is told about
   * at once (`kick`), and what is due later (a retry, a pause for Teams' 429) it wakes for.
   */
  idlePollMs: number;
  /** How soon it looks again when something is due but was not claimable (another worker holds it). */
  busyPollMs: number;
  /** Attempts (not counting 429 waits) before a message is dead-lettered and reported. */
  maxAttempts: number;
  /** A send the connector has not answered by then counts as failed, to be retried. */
  sendTimeoutMs: number;
  /** Conversations sent to at once (each conversation's messages stay in order). */
  concurrency: number;
}

const DEFAULTS: DispatcherOptions = { batchSize: 50, leaseMs: 60_000, idlePollMs: 15_000, busyPollMs: 1_000, maxAttempts: 8, sendTimeoutMs: 20_000, concurrency: 8 };

export interface DispatcherDeps {
  prisma: PrismaClient;
  clock: Clock;
  log: Logger;
  transport: Transport;
  worker: string;
  limits?: RateLimits;
  pace?: Pace;
}

/**
 * Drains the outbox: claims a batch, sends each message under Teams' limits, records the outcome,
 * and reports what could not be delivered. A timer asks for due work (like Company
 * Communicator's scheduler), set for when the next message falls due; `kick()` asks at once after
 * something is queued.
 */
export class OutboxDispatcher {
  private readonly options: DispatcherOptions;
  private readonly deps: DeliveryDeps;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  /** Something was queued while a pass ran, possibly after it claimed: look again straight after. */
  private kicked = false;
  private stopped = true;

  constructor(deps: DispatcherDeps, options: Partial<DispatcherOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
    const limiter = new RateLimiter(deps.limits ?? DEFAULT_RATE_LIMITS, deps.pace ?? realPace);
    this.deps = { ...deps, limiter, options: this.options, pausedUntil: undefined };
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
    if (this.stopped) return;
    if (this.running) this.kicked = true;
    else this.pass();
  }

  /**
   * Sends until nothing due is left, after any pass the timer already started, then reports what
   * could not be delivered; returns how many messages this call handled.
   */
  async drain(): Promise<number> {
    let handled = 0;
    // A pass of the timer may hold claims this call cannot see: wait for it, then look again.
    do {
      while (this.running) await this.running;
      handled += await this.sendAllDue();
    } while (this.running);
    if ((await reportUndelivered(this.deps.prisma, this.deps.clock.now())) > 0) handled += await this.sendAllDue();
    return handled;
  }

  async pending(): Promise<number> {
    return outstandingCount(this.deps.prisma);
  }

  /** One batch: unless Teams asked everyone to wait, claim, send by conversation, record. */
  async runOnce(): Promise<number> {
    const { prisma, clock, worker } = this.deps;
    const now = clock.now();
    const paused = await throttledUntil(prisma, now);
    if (paused) {
      this.deps.pausedUntil = paused;
      return 0;
    }
    const claim = `${worker}#${randomUUID().slice(0, 8)}`;
    const batch = await claimBatch(prisma, claim, this.options.batchSize, now, this.options.leaseMs);
    await pool(groupByConversation(batch), this.options.concurrency, (group) => this.deliverInOrder(group));
    return batch.length;
  }

  /**
   * One conversation's messages, in order. When one must wait (a retry, or a 429 anywhere), the
   * rest go back with it, uncounted, so card 2 never overtakes card 1.
   */
  private async deliverInOrder(group: ClaimedMessage[]): Promise<void> {
    for (const [index, message] of group.entries()) {
      const paused = this.deps.pausedUntil && this.deps.pausedUntil > this.deps.clock.now() ? this.deps.pausedUntil : undefined;
      const result: Delivered = paused ? { kind: 'wait', until: paused } : await deliverOne(this.deps, message);
      if (paused) await markRetry(this.deps.prisma, message, paused, undefined, true);
      if (result.kind === 'wait') {
        for (const later of group.slice(index + 1)) await markRetry(this.deps.prisma, later, result.until, undefined, true);
        return;
      }
    }
  }

  private async sendAllDue(): Promise<number> {
    let handled = 0;
    for (;;) {
      const n = await this.runOnce();
      handled += n;
      if (n === 0) return handled;
    }
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.running ? this.schedule(this.options.busyPollMs) : this.pass()), delay);
    this.timer.unref();
  }

  /** One background pass: everything due, then the undelivered report; then sleep until more is due. */
  private pass(): void {
    clearTimeout(this.timer);
    this.kicked = false;
    this.running = this.sendAllDue()
      .then(() => reportUndelivered(this.deps.prisma, this.deps.clock.now()))
      .then((reports) => (reports > 0 ? this.sendAllDue() : 0))
      .then(() => this.untilNextDue())
      .catch((err) => {
        this.deps.log.error({ event: 'outbox.loop_failed', err }, 'outbox loop failed');
        return this.options.busyPollMs;
      })
      .then((delay) => {
        this.running = undefined;
        if (!this.stopped) this.schedule(this.kicked ? 0 : delay);
      });
  }

  /** Milliseconds until the next message falls due (or Teams' pause ends), within the idle poll. */
  private async untilNextDue(): Promise<number> {
    const now = this.deps.clock.now().getTime();
    const paused = this.deps.pausedUntil?.getTime();
    const due = paused && paused > now ? paused : (await nextDueAt(this.deps.prisma))?.getTime();
    if (due === undefined) return this.options.idlePollMs;
    return due <= now ? this.options.busyPollMs : Math.min(due - now, this.options.idlePollMs);
  }
}

function groupByConversation(batch: ClaimedMessage[]): ClaimedMessage[][] {
  const groups = new Map<string, ClaimedMessage[]>();
  for (const m of batch) {
    const key = m.conversationRefId ?? m.personId ?? m.id;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()];
}

/** Runs `work` over the items with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

export { backoff } from './throttle.service.ts';
