import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { OwnerRef } from './intent.ts';

/** The services a named owner stands for, and the person when it is one (for what they wrote). */
export interface ResolvedOwner {
  name: string;
  serviceIds: string[];
  personId?: string;
}

/**
 * A service is itself; a person stands for the services they answer for; an organisation for the
 * services its people answer for. One query.
 */
export async function resolveOwner(
  prisma: PrismaClient,
  partnershipId: string,
  owner: OwnerRef,
): Promise<ResolvedOwner | undefined> {
  if (owner.kind === 'service') {
    const s = await prisma.service.findFirst({
      where: { partnershipId, name: owner.name },
      select: { id: true },
    });
    return s ? { name: owner.name, serviceIds: [s.id] } : undefined;
  }
  if (owner.kind === 'person') {
    const p = await prisma.person.findFirst({
      where: { partnershipId, name: owner.name },
      select: { id: true, answersFor: { select: { serviceId: true } } },
    });
    return p
      ? { name: owner.name, serviceIds: p.answersFor.map((a) => a.serviceId), personId: p.id }
      : undefined;
  }
  const o = await prisma.organisation.findFirst({
    where: { partnershipId, name: owner.name },
    select: { people: { select: { answersFor: { select: { serviceId: true } } } } },
  });
  return o
    ? {
        name: owner.name,
        serviceIds: [...new Set(o.people.flatMap((p) => p.answersFor.map((a) => a.serviceId)))],
      }
    : undefined;
}
