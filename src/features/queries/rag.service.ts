import type { PrismaClient } from '../../generated/prisma/client.ts';
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
import { loadLatestRag, type LatestRag, type RagScope } from './rag-latest.ts';

export type { RagScope } from './rag-latest.ts';

type Loaded = LatestRag;

function toRow(c: Loaded): RagRow {
  const rating = c.rating;
  if (!rating)
    return {
      ref: c.ref,
      text: c.text,
      status: 'NOT_REPORTED',
      written: [],
      period: '',
      reporters: [],
    };
  const reporters = c.narrators.length
    ? c.narrators
    : c.leads.length
      ? c.leads
      : c.owners.length
        ? c.owners
        : rating.setBy
          ? [rating.setBy]
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
  const ratings = loaded.flatMap((c) => (c.rating ? [c.rating] : []));
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
  const loaded = (await loadLatestRag(prisma, partnershipId, scope, period)).sort((a, b) =>
    compareRefs(a.ref, b.ref),
  );
  if (loaded.length === 0) return { kind: 'notice', text: nothingText(scope) };
  if (period && loaded.every((c) => !c.rating)) {
    const what =
      scope.kind === 'overall' ? '' : ` (${titleOf(scope, loaded).replace(/^RAG for /, '')})`;
    return { kind: 'notice', text: `No RAG was recorded for ${periodLabel(period)}${what}.` };
  }
  // Sub-items without a RAG of their own are parts of their parent, not unreported commitments.
  const shown = loaded.filter(
    (c) => c.rating || !c.parentId || scope.kind === 'ref',
  );
  const rows = shown.map(toRow);
  const periods = [
    ...new Set(
      shown
        .flatMap((c) => (c.rating ? [c.rating] : []))
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
  const numbers = [...new Set(loaded.map((c) => c.priorityNumber))].sort((a, b) => a - b);
  return numbers.map((n) => {
    const title = loaded.find((c) => c.priorityNumber === n)!.priorityTitle;
    return {
      label: `Priority ${n}: ${title}`,
      counts: countStatuses(rows.filter((_, i) => loaded[i]!.priorityNumber === n)),
    };
  });
}

function titleOf(scope: RagScope, loaded: Loaded[]): string {
  if (scope.kind === 'overall') return 'Current RAG: all priorities';
  if (scope.kind === 'priority')
    return `RAG for Priority ${scope.number}: ${loaded[0]!.priorityTitle}`;
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
