import { parseQuarterLabel } from '../../time/financial-year.ts';
import { ragWordKey } from './rag-words.ts';
import {
  requireKnown,
  requireUnique,
  type FileIndex,
  type RefProblem,
} from './reference-checks.ts';

const SERVICE = 'a name listed under services';

/** Numbers and references unique, each reference under its own priority and section. */
export function checkStrategy(index: FileIndex, out: RefProblem[]): void {
  const strategy = index.file.strategy;
  if (!strategy) return;
  const base = ['strategy', 'priorities'];
  requireUnique(out, strategy.priorities, base, 'number', (p) => [p.number], 'priority number');
  const refs: Array<{ ref: string }> = [];
  const refPaths: Array<Array<string | number>> = [];
  strategy.priorities.forEach((priority, i) => {
    requireUnique(
      out,
      priority.sections,
      [...base, i, 'sections'],
      'number',
      (s) => [s.number],
      'section number',
    );
    priority.sections.forEach((section, j) => {
      section.commitments.forEach((commitment, k) => {
        const path = [...base, i, 'sections', j, 'commitments', k];
        refs.push(commitment);
        refPaths.push(path);
        const prefix = `${priority.number}.${section.number}.`;
        if (!commitment.ref.startsWith(prefix))
          out.push({
            path: [...path, 'ref'],
            message: `"${commitment.ref}" sits under priority ${priority.number}, section ${section.number}: expected a reference starting ${prefix}`,
          });
        checkCommitmentLinks(index, commitment, path, out);
      });
    });
  });
  const seen = new Map<string, number>();
  refs.forEach((c, n) => {
    if (seen.has(c.ref))
      out.push({
        path: [...refPaths[n]!, 'ref'],
        message: `commitment reference "${c.ref}" is used twice: expected each reference once`,
      });
    else seen.set(c.ref, n);
  });
}

function checkCommitmentLinks(
  index: FileIndex,
  commitment: {
    ref: string;
    owners: string[];
    lead?: string | undefined;
    parent?: string | undefined;
  },
  path: Array<string | number>,
  out: RefProblem[],
): void {
  commitment.owners.forEach((owner, n) =>
    requireKnown(out, [...path, 'owners', n], owner, index.services, 'service', SERVICE),
  );
  if (commitment.lead)
    requireKnown(out, [...path, 'lead'], commitment.lead, index.services, 'service', SERVICE);
  if (commitment.parent === commitment.ref)
    out.push({
      path: [...path, 'parent'],
      message: 'a commitment cannot be its own parent: expected another reference',
    });
  else if (commitment.parent)
    requireKnown(
      out,
      [...path, 'parent'],
      commitment.parent,
      index.commitments,
      'commitment',
      'the reference of a commitment in strategy',
    );
}

export function checkPeriods(index: FileIndex, out: RefProblem[]): void {
  const periods = index.file.periods;
  requireUnique(out, periods, ['periods'], 'period', (p) => [p.period], 'period');
  periods.forEach((p, i) => {
    if (!parseQuarterLabel(p.period))
      out.push({
        path: ['periods', i, 'period'],
        message: `"${p.period}": expected the second year to follow the first, like "Q2 2022/23"`,
      });
  });
}

/** Each update names a commitment and a listed period, once; RAG words come from the vocabulary. */
export function checkUpdates(index: FileIndex, out: RefProblem[]): void {
  const vocabulary = index.file.partnership.ragVocabulary.map((t) => `"${t.word}"`).join(', ');
  const updates = index.file.updates;
  requireUnique(
    out,
    updates,
    ['updates'],
    'period',
    (u) => [`${u.ref} ${u.period}`],
    'commitment and period',
  );
  updates.forEach((update, i) => {
    requireKnown(
      out,
      ['updates', i, 'ref'],
      update.ref,
      index.commitments,
      'commitment',
      'the reference of a commitment in strategy',
    );
    requireKnown(
      out,
      ['updates', i, 'period'],
      update.period,
      index.periods,
      'period',
      'a period listed under periods',
    );
    (update.rag ?? []).forEach((word, j) => {
      if (!index.ragWords.has(ragWordKey(word)))
        out.push({
          path: ['updates', i, 'rag', j],
          message: `"${word}" is not in the partnership's RAG vocabulary: expected one of ${vocabulary}`,
        });
    });
    update.narratives.forEach((narrative, j) => {
      if (narrative.service)
        requireKnown(
          out,
          ['updates', i, 'narratives', j, 'service'],
          narrative.service,
          index.services,
          'service',
          SERVICE,
        );
    });
  });
}
