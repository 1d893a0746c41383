import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { Answer, ReportedItem } from './answers.ts';
import { clip, compareRefs, periodKey, periodLabel } from './format.ts';
import type { OwnerRef, PeriodRef } from './intent.ts';
import { resolveOwner, type ResolvedOwner } from './owners.service.ts';

/** The most a card shows; the rest is counted. */
export const MAX_ITEMS = 6;
const MAX_TEXT = 700;

const KIND_ORDER = [
  'UPDATE',
  'NO_CHANGE',
  'NOT_PROVIDED',
  'NOT_REQUESTED',
  'NOT_APPLICABLE',
  'CASE_STUDY',
  'BACKGROUND',
];
const KIND_WORDS: Record<string, string> = {
  UPDATE: 'Update',
  NO_CHANGE: 'No change',
  NOT_PROVIDED: 'Not provided',
  NOT_REQUESTED: 'Not requested',
  NOT_APPLICABLE: 'Not applicable',
  CASE_STUDY: 'Case study',
  BACKGROUND: 'Background',
};

export interface ReportedQuery {
  reporter?: OwnerRef;
  ref?: string;
  priority?: number;
  period?: PeriodRef;
}

function commitmentWhere(q: ReportedQuery, partnershipId: string): Prisma.CommitmentWhereInput {
  return {
    partnershipId,
    ...(q.ref ? { OR: [{ ref: q.ref }, { ref: { startsWith: `${q.ref}.` } }] } : {}),
    ...(q.priority !== undefined ? { section: { priority: { number: q.priority } } } : {}),
  };
}

const NARRATIVE_SELECT = {
  kind: true,
  label: true,
  text: true,
  seq: true,
  period: { select: { fiscalYear: true, quarter: true } },
  service: { select: { name: true } },
  commitment: { select: { ref: true, text: true } },
} satisfies Prisma.NarrativeSelect;

type NarrativeRow = Prisma.NarrativeGetPayload<{ select: typeof NARRATIVE_SELECT }>;

function byOwner(owner: ResolvedOwner | undefined): Prisma.NarrativeWhereInput {
  if (!owner) return {};
  const author = owner.personId ? [{ authorId: owner.personId }] : [];
  return { OR: [{ serviceId: { in: owner.serviceIds } }, ...author] };
}

/** Period lines first (updates, "not provided"), then case studies and standing text; by reference. */
function byImportance(a: NarrativeRow, b: NarrativeRow): number {
  return (
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    compareRefs(a.commitment.ref, b.commitment.ref) ||
    a.seq - b.seq
  );
}

function toItem(n: NarrativeRow): ReportedItem {
  return {
    ref: n.commitment.ref,
    commitment: clip(n.commitment.text, 160),
    ...(n.service ? { service: n.service.name } : {}),
    ...(n.label ? { label: n.label } : {}),
    narrativeKind: KIND_WORDS[n.kind] ?? n.kind,
    text: clip(n.text, MAX_TEXT),
    period: periodLabel(n.period),
  };
}

/** What a service or partner reported (on a commitment, in a period: the latest when none is named). */
export async function answerReported(
  prisma: PrismaClient,
  partnershipId: string,
  q: ReportedQuery,
): Promise<Answer> {
  const owner = q.reporter ? await resolveOwner(prisma, partnershipId, q.reporter) : undefined;
  if (q.reporter && !owner) return { kind: 'notice', text: `I don't know ${q.reporter.name}.` };
  const inPeriod = q.period
    ? { period: { fiscalYear: q.period.fiscalYear, quarter: q.period.quarter } }
    : {};
  const narratives = await prisma.narrative.findMany({
    where: {
      supersededAt: null,
      purgedAt: null,
      commitment: commitmentWhere(q, partnershipId),
      ...inPeriod,
      ...byOwner(owner),
    },
    select: NARRATIVE_SELECT,
  });
  const latest = Math.max(...narratives.map((n) => periodKey(n.period)));
  const chosen = narratives
    .filter((n) => q.period || periodKey(n.period) === latest)
    .sort(byImportance);
  if (chosen.length === 0) {
    const on = q.ref ? ` on ${q.ref}` : '';
    const when = q.period ? ` for ${periodLabel(q.period)}` : '';
    return { kind: 'notice', text: `${owner?.name ?? 'No partner'} reported nothing${on}${when}.` };
  }
  const who =
    owner?.name ?? (q.ref ? `partners on ${q.ref}` : `partners on priority ${q.priority}`);
  const items = chosen.slice(0, MAX_ITEMS).map(toItem);
  const periods = [...new Set(chosen.map((n) => periodLabel(n.period)))];
  return {
    kind: 'reported',
    title: `What ${who} reported`,
    periods,
    items,
    omitted: chosen.length - items.length,
  };
}
