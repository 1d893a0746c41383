import type { Prisma } from '../../generated/prisma/client.ts';
import { quarterBounds, type Quarter } from '../../time/financial-year.ts';

/** The reporting period row for a quarter, made on first use. */
export async function ensurePeriod(tx: Prisma.TransactionClient, partnershipId: string, q: Quarter, fyStartMonth: number) {
  const { startsOn, endsOn } = quarterBounds(q, fyStartMonth);
  return tx.reportingPeriod.upsert({
    where: { partnershipId_fiscalYear_quarter: { partnershipId, fiscalYear: q.fiscalYear, quarter: q.quarter } },
    create: { partnershipId, fiscalYear: q.fiscalYear, quarter: q.quarter, startsOn: new Date(startsOn), endsOn: new Date(endsOn) },
    update: {},
  });
}
