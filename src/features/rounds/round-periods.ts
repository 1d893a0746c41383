import type { Prisma } from '../../generated/prisma/client.ts';
import { quarterBounds, type Quarter } from '../../time/financial-year.ts';

/**
 * The reporting period row for a quarter, made on first use. Read first: an upsert of a row that
 * exists costs Prisma three statements, and the period almost always exists.
 */
export async function ensurePeriod(tx: Prisma.TransactionClient, partnershipId: string, q: Quarter, fyStartMonth: number) {
  const where = { partnershipId_fiscalYear_quarter: { partnershipId, fiscalYear: q.fiscalYear, quarter: q.quarter } };
  const found = await tx.reportingPeriod.findUnique({ where });
  if (found) return found;
  const { startsOn, endsOn } = quarterBounds(q, fyStartMonth);
  return tx.reportingPeriod.upsert({
    where,
    create: { partnershipId, fiscalYear: q.fiscalYear, quarter: q.quarter, startsOn: new Date(startsOn), endsOn: new Date(endsOn) },
    update: {},
  });
}
