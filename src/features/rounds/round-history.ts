import type { Prisma } from '../../generated/prisma/client.ts';
import { quarterLabel, type Quarter } from '../../time/financial-year.ts';

/** What was reported for a commitment last period: shown on the card beside the new answer. */
export interface PreviousReport {
  periodLabel: string;
  ragWords: string[];
  ragStatus?: string;
  narrative?: string;
}

/**
 * Last period's current RAG and narratives for many commitments, in one statement (the period
 * with its ratings and narratives joined). Keyed by commitment id (the RAG and the first
 * narrative) and by `commitmentId:serviceId` (that service's own narrative, preferred on its card).
 */
export async function previousReports(
  tx: Prisma.TransactionClient,
  partnershipId: string,
  quarter: Quarter,
  commitmentIds: string[],
): Promise<Map<string, PreviousReport>> {
  const out = new Map<string, PreviousReport>();
  if (commitmentIds.length === 0) return out;
  const ofThese = { commitmentId: { in: commitmentIds }, supersededAt: null };
  const period = await tx.reportingPeriod.findUnique({
    where: { partnershipId_fiscalYear_quarter: { partnershipId, fiscalYear: quarter.fiscalYear, quarter: quarter.quarter } },
    select: {
      ragRatings: { where: ofThese, select: { commitmentId: true, words: true, status: true } },
      narratives: {
        where: { ...ofThese, boardOnly: false, purgedAt: null },
        orderBy: [{ seq: 'asc' }, { recordedAt: 'asc' }],
        select: { commitmentId: true, serviceId: true, label: true, text: true },
      },
    },
  });
  if (!period) return out;
  const label = quarterLabel(quarter);
  for (const r of period.ragRatings) out.set(r.commitmentId, { periodLabel: label, ragWords: r.words, ragStatus: r.status });
  for (const n of period.narratives) {
    const text = n.label ? `${n.label} ${n.text}` : n.text;
    const byService = `${n.commitmentId}:${n.serviceId ?? '-'}`;
    const base = out.get(n.commitmentId) ?? { periodLabel: label, ragWords: [] };
    if (!out.has(byService)) out.set(byService, { ...base, narrative: text });
    if (!base.narrative) out.set(n.commitmentId, { ...base, narrative: text });
  }
  return out;
}

/** The partnership's RAG words offered in the card, in order. */
export async function ragChoices(tx: Prisma.TransactionClient, partnershipId: string): Promise<Array<{ title: string; value: string }>> {
  const terms = await tx.ragTerm.findMany({ where: { partnershipId, selectable: true }, orderBy: [{ sortOrder: 'asc' }, { word: 'asc' }] });
  return terms.map((t) => ({ title: t.word, value: t.word }));
}
