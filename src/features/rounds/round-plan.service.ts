import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { compareRefs } from '../queries/format.ts';

/** References sort naturally (1.2.9 before 1.2.10) wherever rounds list them. */
export { compareRefs };

export interface PlannedCommitment {
  id: string;
  ref: string;
  text: string;
  /** The service this partner answers through (their narrative's author). */
  serviceId: string;
  serviceName: string;
  /** The partner's service leads the commitment: they set its RAG. */
  isLead: boolean;
  /** Other services that write their own narrative on it. */
  sharedWith: string[];
}

export interface PlannedPartner {
  personId: string;
  name: string;
  commitments: PlannedCommitment[];
}

export interface RoundPlan {
  partners: PlannedPartner[];
  /** Commitments nobody answers for: shown to the officer before anything is sent. */
  unowned: Array<{ ref: string; text: string }>;
}

/**
 * Who is asked about what: every member who answers for a service that owns a commitment in the
 * chosen priorities (all priorities when none are named). One query.
 */
export async function planRound(prisma: Prisma.TransactionClient | PrismaClient, partnershipId: string, priorityNumbers: number[]): Promise<RoundPlan> {
  const commitments = await prisma.commitment.findMany({
    where: {
      partnershipId,
      retiredAt: null,
      ...(priorityNumbers.length ? { section: { priority: { number: { in: priorityNumbers } } } } : {}),
    },
    select: {
      id: true,
      ref: true,
      text: true,
      owners: {
        select: {
          isLead: true,
          service: {
            select: {
              id: true,
              name: true,
              answerers: { where: { person: { membership: 'MEMBER' } }, select: { person: { select: { id: true, name: true } } } },
            },
          },
        },
      },
    },
  });
  const partners = new Map<string, PlannedPartner>();
  const unowned: RoundPlan['unowned'] = [];
  for (const c of commitments.sort((a, b) => compareRefs(a.ref, b.ref))) {
    const answered = c.owners.filter((o) => o.service.answerers.length > 0);
    if (answered.length === 0) unowned.push({ ref: c.ref, text: c.text });
    for (const owner of answered) {
      for (const { person } of owner.service.answerers) {
        const partner = partners.get(person.id) ?? { personId: person.id, name: person.name, commitments: [] };
        partners.set(person.id, partner);
        if (partner.commitments.some((x) => x.id === c.id)) continue;
        partner.commitments.push({
          id: c.id,
          ref: c.ref,
          text: c.text,
          serviceId: owner.service.id,
          serviceName: owner.service.name,
          isLead: owner.isLead || c.owners.length === 1,
          sharedWith: c.owners.filter((o) => o.service.id !== owner.service.id).map((o) => o.service.name),
        });
      }
    }
  }
  return { partners: [...partners.values()].sort((a, b) => a.name.localeCompare(b.name)), unowned };
}
