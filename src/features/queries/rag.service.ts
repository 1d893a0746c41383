import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { Answer, RagAnswer, RagRow, RagStatusName } from './answers.ts';
import {
  compareRefs,
  countStatuses,
  formatDate,
  listText,
  periodKey,
  periodLabel,
} from './format.ts';
import type { PeriodRef } from './intent.ts';

/** Which commitments a RAG question is about. */
export type RagScope =
  | { kind: 'overall' }
  | { kind: 'priority'; number: number }
  | { kind: 'ref'; ref: string }
  | { kind: 'services'; serviceIds: string[]; title: string };

type Loaded = Awaited<ReturnType<typeof loadCommitments>>[number];

function scopeWhere(scope: RagScope): Prisma.CommitmentWhereInput {
  if (scope.kind === 'priority') return { section: { priority: { number: scope.number } } };
  if (scope.kind === 'ref')
    return { OR: [{ ref: scope.ref }, { ref: { startsWith: `${scope.ref}.` } }] };
  if (scope.kind === 'services')
    return { owners: { some: { serviceId: { in: scope.serviceIds } } } };
  return {};
}

/** One query (Prisma batches each relation): commitments with their current ratings and reporters. */
function loadCommitments(
  prisma: PrismaClient,
  partnershipId: string,
  scope: RagScope,
  period?: PeriodRef,
) {
  const inPeriod = period
    ? { period: { fiscalYear: period.fiscalYear, quarter: period.quarter } }
    : {};
  const periodFields = { select: { fiscalYear: true, quarter: true } } as const;
  return prisma.commitment.findMany({
    where: { partnershipId, retiredAt: null, ...scopeWhere(scope) },
    select: {
      ref: true,
      text: true,
      parentId: true,
      section: { select: { priority: { select: { number: true, title: true } } } },
      owners: { select: { isLead: true, service: { select: { name: true } } } },
      ragRatings: {
        where: { supersededAt: null, ...inPeriod },
        select: {
          words: true,
          status: true,
          recordedAt: true,
          source: true,
          period: periodFields,
          setBy: { select: { name: true } },
        },
      },
      narratives: {
        where: { supersededAt: null, purgedAt: null, serviceId: { not: null }, ...inPeriod },
        select: { period: periodFields, service: { select: { name: true } } },
      },
    },
  });
}

function toRow(c: Loaded): RagRow {
  const rating = [...c.ragRatings].sort((a, b) => periodKey(b.period) - periodKey(a.period))[0];
  if (!rating)
    return {
      ref: c.ref,
      text: c.text,
      status: 'NOT_REPORTED',
      written: [],
      period: '',
      reporters: [],
    };
  const key = periodKey(rating.period);
  const narrators = [
    ...new Set(c.narratives.filter((n) => periodKey(n.period) === key).map((n) => n.service!.name)),
  ];
  const leads = c.owners.filter((o) => o.isLead).map((o) => o.service.name);
  const owners = c.owners.map((o) => o.service.name);
  const reporters = narrators.length
    ? narrators
    : leads.length
      ? leads
      : owners.length
        ? owners
        : rating.setBy
          ? [rating.setBy.name]
          : [];
  return {
    ref: c.ref,
    text: c.text,
    status: rating.status as RagStatusName,
    written: rating.words,
    period: periodLabel(rating.period),
    reporters,
  };
}

const SOURCE_WORDS: Record<string, string> = {
  IMPORT: 'the partnership file',
  CARD: 'updates in Teams',
  CHAT: 'updates in Teams',
  ROUND_CLOSE: 'a closed round',
  SYSTEM: 'the bot',
};

function sourceText(loaded: Loaded[]): string {
  const ratings = loaded.flatMap((c) => c.ragRatings);
  if (ratings.length === 0) return 'No RAG has been recorded for these commitments.';
  const latest = new Date(Math.max(...ratings.map((r) => r.recordedAt.getTime())));
  const sources = [...new Set(ratings.map((r) => SOURCE_WORDS[r.source] ?? r.source))];
  return `From the partnership's records (${listText(sources)}), last recorded ${formatDate(latest)}.`;
}

/** The current RAG of the commitments in scope: counts by normalised status, rows with provenance. */
export async function answerRag(
  prisma: PrismaClient,
  partnershipId: string,
  scope: RagScope,
  period?: PeriodRef,
): Promise<Answer> {
  const loaded = (await loadCommitments(prisma, partnershipId, scope, period)).sort((a, b) =>
    compareRefs(a.ref, b.ref),
  );
  if (loaded.length === 0) return { kind: 'notice', text: nothingText(scope) };
  if (period && loaded.every((c) => c.ragRatings.length === 0)) {
    const what =
      scope.kind === 'overall' ? '' : ` (${titleOf(scope, loaded).replace(/^RAG for /, '')})`;
    return { kind: 'notice', text: `No RAG was recorded for ${periodLabel(period)}${what}.` };
  }
  // Sub-items without a RAG of their own are parts of their parent, not unreported commitments.
  const shown = loaded.filter(
    (c) => c.ragRatings.length > 0 || !c.parentId || scope.kind === 'ref',
  );
  const rows = shown.map(toRow);
  const periods = [
    ...new Set(
      shown
        .flatMap((c) => c.ragRatings)
        .sort((a, b) => periodKey(a.period) - periodKey(b.period))
        .map((r) => periodLabel(r.period)),
    ),
  ];
  const answer: RagAnswer = {
    kind: 'rag',
    title: titleOf(scope, loaded),
    periods,
    counts: countStatuses(rows),
    total: rows.length,
    groups: scope.kind === 'overall' ? groupsOf(shown, rows) : [],
    rows:
      scope.kind === 'overall'
        ? rows.filter((r) => r.status === 'RED' || r.status === 'AMBER' || r.written.length > 1)
        : rows,
    listed: scope.kind === 'overall' ? 'attention' : 'all',
    source: sourceText(shown),
  };
  return answer;
}

function groupsOf(loaded: Loaded[], rows: RagRow[]): RagAnswer['groups'] {
  const numbers = [...new Set(loaded.map((c) => c.section.priority.number))].sort((a, b) => a - b);
  return numbers.map((n) => {
    const title = loaded.find((c) => c.section.priority.number === n)!.section.priority.title;
    return {
      label: `Priority ${n}: ${title}`,
      counts: countStatuses(rows.filter((_, i) => loaded[i]!.section.priority.number === n)),
    };
  });
}

function titleOf(scope: RagScope, loaded: Loaded[]): string {
  if (scope.kind === 'overall') return 'Current RAG: all priorities';
  if (scope.kind === 'priority')
    return `RAG for Priority ${scope.number}: ${loaded[0]!.section.priority.title}`;
  if (scope.kind === 'services') return `RAG for ${scope.title}`;
  const exact = loaded.find((c) => c.ref === scope.ref);
  return exact ? `RAG for ${scope.ref}` : `RAG for section ${scope.ref}`;
}

function nothingText(scope: RagScope): string {
  if (scope.kind === 'priority') return `I have no commitments under priority ${scope.number}.`;
  if (scope.kind === 'ref')
    return `I have no commitment ${scope.ref}. References look like 2.3.1 (priority.section.item).`;
  if (scope.kind === 'services') return `${scope.title} owns no commitments in the strategy.`;
  return 'No commitments have been recorded yet.';
}
