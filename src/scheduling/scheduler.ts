import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logging/logger.ts';
import type { Clock } from '../time/clock.ts';
import { collapse, markDone, recordOccurrences, takeDue, type DueOccurrence, type Occurrence } from './schedule.service.ts';

/** A kind of scheduled work: what should exist by now, and what to queue when one falls due. */
export interface ScheduledJob {
  kind: string;
  /** Occurrences due up to a little after `now`, worked out from the data (idempotent). */
  plan(prisma: PrismaClient, now: Date): Promise<Occurrence[]>;
  /** Queues the occurrence's messages on the outbox, in the transaction; returns how many. */
  run(tx: Prisma.TransactionClient, occurrence: DueOccurrence, now: Date): Promise<number>;
}

export interface SchedulerDeps {
  prisma: PrismaClient;
  clock: Clock;
  log: Logger;
  /** Told when messages were queued, so they go now rather than at the outbox's next poll. */
  outbox: { kick(): void };
  jobs: ScheduledJob[];
}

export interface SchedulerRun {
  ran: number;
  missed: number;
  queued: number;
}

/**
 * A timer that asks for due work and enqueues it (Company Communicator's scheduler): no bot code
 * here. Schedules live in the database, so they survive restarts; several instances share them
 * through row locks; an occurrence missed while the bot was down runs once when it is back.
 */
export class Scheduler {
  private timer?: NodeJS.Timeout;
  /** The last pass asked for: passes queue up behind it, so the timer's never overlaps a caller's. */
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly deps: SchedulerDeps,
    private readonly options: { pollMs: number; batchSize: number } = { pollMs: 60_000, batchSize: 200 },
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.queue;
  }

  /**
   * Plans every job up to now, then runs what is due (the latest of each series). One pass at a
   * time: a pass running beside another could find the due work taken but not yet committed,
   * and return before the messages it was asked for exist.
   */
  runDue(): Promise<SchedulerRun> {
    const pass = this.queue.then(() => this.pass());
    this.queue = pass.catch(() => undefined);
    return pass;
  }

  private async pass(): Promise<SchedulerRun> {
    const { prisma, clock, jobs, log } = this.deps;
    const now = clock.now();
    for (const job of jobs) await recordOccurrences(prisma, await job.plan(prisma, now));
    const result = await prisma.$transaction(
      async (tx) => {
        const due = await takeDue(tx, now, this.options.batchSize);
        const run: SchedulerRun = { ran: 0, missed: 0, queued: 0 };
        for (const { run: occurrence, missed } of collapse(due)) {
          const job = jobs.find((j) => j.kind === occurrence.kind);
          if (!job) continue;
          run.queued += await job.run(tx, occurrence, now);
          run.ran++;
          run.missed += missed.length;
          for (const m of missed) log.info({ event: 'schedule.collapsed', scheduleId: m.id, ranInstead: occurrence.id }, 'missed occurrence folded into the latest');
        }
        await markDone(tx, due.filter((d) => jobs.some((j) => j.kind === d.kind)).map((d) => d.id), now);
        return run;
      },
      { timeout: 120_000 },
    );
    if (result.queued > 0) this.deps.outbox.kick();
    if (result.ran > 0) log.info({ event: 'schedule.ran', ...result }, 'scheduled work queued');
    return result;
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.runDue()
        .catch((err) => this.deps.log.error({ event: 'schedule.loop_failed', err }, 'scheduler pass failed'))
        .finally(() => {
          if (!this.stopped) this.schedule(this.options.pollMs);
        });
    }, delay);
    this.timer.unref();
  }
}
