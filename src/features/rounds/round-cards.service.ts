import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client.ts';
import { previousQuarter, quarterLabel, type Quarter } from '../../time/financial-year.ts';
import { enqueue } from '../delivery/outbox.service.ts';
import { planRound, type PlannedCommitment } from './round-plan.service.ts';
import { renderPartnerCard, type PartnerCardData } from './rounds.cards.ts';
import { previousReports, ragChoices, type PreviousReport } from './round-history.ts';

/** Commitments per card: beyond this a partner's round is split across cards. */
export const COMMITMENTS_PER_CARD = 8;

/** What the bot remembers about a round card it sent, to check what comes back. */
export interface RoundCardRecord {
  roundId: string;
  personId: string;
  periodLabel: string;
  page: number;
  pages: number;
  items: Array<{ commitmentId: string; ref: string; serviceId: string; isLead: boolean }>;
}

/**
 * Makes every partner's card(s) for a round and queues them on the outbox, inside the caller's
 * transaction. Each card is a SentCard row first, so a submission can be checked against it.
 */
export async function enqueuePartnerCards(tx: Prisma.TransactionClient, roundId: string, now: Date): Promise<{ partners: number; cards: number }> {
  const round = await tx.round.findUniqueOrThrow({ where: { id: roundId }, include: { period: true, assignments: true } });
  const quarter: Quarter = { fiscalYear: round.period.fiscalYear, quarter: round.period.quarter as Quarter['quarter'] };
  const plan = await planRound(tx, round.partnershipId, round.priorityNumbers);
  const asked = new Set(round.assignments.map((a) => a.personId));
  const partners = plan.partners.filter((p) => asked.has(p.personId));
  const allIds = [...new Set(partners.flatMap((p) => p.commitments.map((c) => c.id)))];
  const previous = await previousReports(tx, round.partnershipId, previousQuarter(quarter), allIds);
  const choices = await ragChoices(tx, round.partnershipId);
  let cards = 0;
  for (const partner of partners) {
    const pages = chunk(partner.commitments, COMMITMENTS_PER_CARD);
    for (const [index, items] of pages.entries()) {
      const sentCardId = randomUUID();
      const record: RoundCardRecord = {
        roundId,
        personId: partner.personId,
        periodLabel: quarterLabel(quarter),
        page: index + 1,
        pages: pages.length,
        items: items.map((c) => ({ commitmentId: c.id, ref: c.ref, serviceId: c.serviceId, isLead: c.isLead })),
      };
      await tx.sentCard.create({ data: { id: sentCardId, kind: 'round.update', personId: partner.personId, roundId, data: record as object, createdAt: now } });
      const card = renderPartnerCard(cardData(sentCardId, record, partner.name, round.dueOn, items, previous, choices));
      await enqueue(tx, [
        {
          partnershipId: round.partnershipId,
          dedupeKey: `round:${roundId}:${partner.personId}:${String(index + 1).padStart(3, '0')}`,
          kind: 'round.card',
          personId: partner.personId,
          payload: { sentCardId, activity: { type: 'message', summary: `Your ${record.periodLabel} update`, attachments: [card] } },
        },
      ], now);
      cards++;
    }
  }
  return { partners: partners.length, cards };
}

function cardData(
  sentCardId: string,
  record: RoundCardRecord,
  partnerName: string,
  dueOn: Date,
  items: PlannedCommitment[],
  previous: Map<string, PreviousReport>,
  choices: Array<{ title: string; value: string }>,
): PartnerCardData {
  return {
    sentCardId,
    partnerName,
    periodLabel: record.periodLabel,
    due: dueOn.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    page: record.page,
    pages: record.pages,
    ragChoices: choices,
    items: items.map((c) => ({ commitment: c, previous: previous.get(`${c.id}:${c.serviceId}`) ?? previous.get(c.id) })),
  };
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
