import type { ScheduledJob } from '../../scheduling/scheduler.ts';
import { localDate } from '../../time/financial-year.ts';
import { purgeExpiredNarratives } from './privacy-retention.service.ts';

export const RETENTION_KIND = 'privacy.retention';

/**
 * The retention purge as scheduled work: once a day for every partnership that sets
 * `narrativeRetentionMonths`. It queues no messages; a day missed while the bot was down runs once.
 */
export function retentionJob(): ScheduledJob {
  return {
    kind: RETENTION_KIND,
    async plan(prisma, now) {
      const partnerships = await prisma.partnership.findMany({ where: { narrativeRetentionMonths: { not: null } }, select: { id: true } });
      const day = localDate(now);
      return partnerships.map((p) => ({
        partnershipId: p.id,
        key: `${RETENTION_KIND}:${p.id}:${day}`,
        kind: RETENTION_KIND,
        dueAt: now,
        series: `${RETENTION_KIND}:${p.id}`,
        payload: {},
      }));
    },
    async run(tx, occurrence, now) {
      await purgeExpiredNarratives(tx, occurrence.partnershipId, now);
      return 0;
    },
  };
}
