import { setTimeout as sleep } from 'node:timers/promises';
import type { TestBot } from '../../helpers/bot-harness.ts';

/** A retry further off than this is not a transient one: leave it pending. */
const RETRY_HORIZON_MS = 10 * 60_000;

/**
 * Sends everything the outbox holds, as time would: drains until nothing due is left or
 * mid-send (twice in a row: `drain()` can return while the dispatcher's own timer pass is still
 * sending), and when a send failed transiently (a reset connection) and waits for its retry,
 * moves the test clock on to that retry.
 */
export async function settle(t: TestBot): Promise<void> {
  const prisma = t.bot.ctx.db.prisma;
  let quiet = 0;
  for (let i = 0; i < 200 && quiet < 2; i++) {
    await t.bot.ctx.outbox.drain();
    const now = t.bot.ctx.clock.now();
    const busy = await prisma.outboxMessage.count({ where: { OR: [{ status: 'SENDING' }, { status: 'PENDING', nextAttemptAt: { lte: now } }] } });
    const retry = await prisma.outboxMessage.findFirst({
      where: { status: 'PENDING', nextAttemptAt: { gt: now, lte: new Date(now.getTime() + RETRY_HORIZON_MS) } },
      orderBy: { nextAttemptAt: 'asc' },
      select: { nextAttemptAt: true },
    });
    if (busy === 0 && retry) t.clock.set(retry.nextAttemptAt);
    quiet = busy === 0 && !retry ? quiet + 1 : 0;
    await sleep(50);
  }
  if (quiet < 2) throw new Error('the outbox did not settle');
}
