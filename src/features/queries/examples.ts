import { quarterLabel } from '../../time/financial-year.ts';
import type { Vocabulary } from './intent.ts';

/** Questions worth trying, in this partnership's own words (help and the "I don't know" reply). */
export function exampleQuestions(v: Vocabulary): string[] {
  const priority = v.priorities[1] ?? v.priorities[0];
  const metric = v.metrics.find((m) => /hate/i.test(m.name)) ?? v.metrics[0];
  const service = v.services.find((s) => s.kind === 'SERVICE');
  const latest = [...v.periods].sort(
    (a, b) => b.fiscalYear - a.fiscalYear || b.quarter - a.quarter,
  )[0];
  return [
    'What is the current RAG?',
    ...(priority ? [`RAG for priority ${priority.number}`] : []),
    ...(metric
      ? [`Latest ${metric.name.toLowerCase()} figure`, `${metric.name} trend`, 'Crime table']
      : []),
    'Outstanding actions',
    ...(service
      ? [`What did ${service.name} say${latest ? ` in ${quarterLabel(latest)}` : ''}?`]
      : []),
    ...(service ? [`Who answers for ${service.name}?`] : []),
    'Who is the chair?',
    'When is the next meeting?',
  ];
}
