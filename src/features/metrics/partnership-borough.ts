import type { PrismaClient } from '../../generated/prisma/client.ts';
import { DomainError } from '../../domain-error.ts';

/** For a partnership that names no police borough and has no figures yet. */
export const FALLBACK_BOROUGH = 'Bromley';

export interface PartnershipRef {
  id: string;
  slug: string;
  fyStartMonth: number;
}

/** The partnership named, or the only one in the database; a DomainError when that is ambiguous. */
export async function resolvePartnership(
  prisma: PrismaClient,
  partnershipId?: string,
): Promise<PartnershipRef> {
  const select = { id: true, slug: true, fyStartMonth: true } as const;
  if (partnershipId) {
    const found = await prisma.partnership.findFirst({
      where: { OR: [{ id: partnershipId }, { slug: partnershipId }] },
      select,
    });
    if (!found)
      throw new DomainError(
        'metrics.no-partnership',
        `There is no partnership "${partnershipId}".`,
      );
    return found;
  }
  const all = await prisma.partnership.findMany({ select, take: 11, orderBy: { slug: 'asc' } });
  if (all.length === 1) return all[0]!;
  if (all.length === 0)
    throw new DomainError(
      'metrics.no-partnership',
      'There is no partnership in the database yet: load one first (npm run import -- <file>).',
    );
  throw new DomainError(
    'metrics.which-partnership',
    `There are several partnerships (${all.map((p) => p.slug).join(', ')}): say which one.`,
  );
}

/**
 * The borough a partnership's figures are for, spelt as the database already has it: the one
 * asked for (spelt as the database or else the file has it); else the partnership's own; else the
 * area of most of its published figures; else the borough its police counts are for.
 */
export async function resolveBorough(
  prisma: PrismaClient,
  partnershipId: string,
  wanted?: string,
  fileSpellings: readonly string[] = [],
): Promise<string> {
  // The partnership's own borough settles it without counting any history (every answer asks).
  if (!wanted) {
    const own = await prisma.partnership.findUnique({ where: { id: partnershipId }, select: { borough: true } });
    if (own?.borough) return own.borough;
  }
  const [areas, boroughs] = await Promise.all([
    prisma.figure.groupBy({
      by: ['area'],
      where: { metric: { partnershipId }, supersededAt: null },
      _count: { _all: true },
    }),
    prisma.policeCount.groupBy({
      by: ['borough'],
      where: { partnershipId, supersededAt: null },
      _count: { _all: true },
    }),
  ]);
  if (wanted) {
    const same = (name: string) => name.toLowerCase() === wanted.trim().toLowerCase();
    return (
      [...boroughs.map((b) => b.borough), ...areas.map((a) => a.area), ...fileSpellings].find(
        same,
      ) ?? wanted.trim()
    );
  }
  const byFigures = areas
    .filter((a) => a.area.trim())
    .sort((a, b) => b._count._all - a._count._all)[0];
  if (byFigures) return byFigures.area;
  const byCounts = boroughs.sort((a, b) => b._count._all - a._count._all)[0];
  return byCounts?.borough ?? FALLBACK_BOROUGH;
}
