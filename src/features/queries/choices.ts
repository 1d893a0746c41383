import { quarterLabel } from '../../time/financial-year.ts';
import type { Choice, Intent, PeriodRef } from './intent.ts';
import type { Candidate, Mention } from './mentions.ts';

const inPeriod = (period: PeriodRef | undefined) => (period ? ` in ${quarterLabel(period)}` : '');

/** The plain question that asks each reading, so a choice can be sent back and understood. */
export const QUESTION = {
  ragOwner: (name: string, period?: PeriodRef) => `RAG for ${name}${inPeriod(period)}`,
  ragPriority: (n: number, period?: PeriodRef) => `RAG for priority ${n}${inPeriod(period)}`,
  reported: (name: string, period?: PeriodRef) => `What did ${name} report${inPeriod(period)}?`,
  whoService: (name: string) => `Who answers for ${name}?`,
  whoPerson: (name: string) => `Who is ${name}?`,
  actionsFor: (name: string) => `Outstanding actions for ${name}`,
  metric: (name: string) => `Latest ${name} figure`,
};

/** Several entities of one kind fit ("police", "Baker"): the same question with each name. */
export function sameKindChoices(text: string, m: Mention, candidates: Candidate[]): Intent {
  const choices: Choice[] = candidates.map((c) => ({
    label: c.label,
    question:
      `${text.slice(0, m.from)}${c.kind === 'priority' ? `priority ${c.id}` : c.label}${text.slice(m.to)}`.trim(),
  }));
  const said = text.slice(m.from, m.to);
  return {
    kind: 'ambiguous',
    prompt: `"${said}" could mean more than one thing. Which did you mean?`,
    choices,
  };
}

/** One name, several questions ("Trading Standards" alone): offer the likely ones. */
export function readingChoices(text: string, m: Mention, choices: Choice[]): Intent {
  const said = text.slice(m.from, m.to);
  return { kind: 'ambiguous', prompt: `What would you like to know about "${said}"?`, choices };
}

/** A service or partner named with no question around it. */
export function ownerReadings(name: string, kind: Candidate['kind'], period?: PeriodRef): Choice[] {
  const out: Choice[] = [
    { label: `RAG for ${name}`, question: QUESTION.ragOwner(name, period) },
    { label: `What ${name} reported`, question: QUESTION.reported(name, period) },
  ];
  if (kind === 'service' || kind === 'group')
    out.push({ label: `Who answers for ${name}`, question: QUESTION.whoService(name) });
  if (kind === 'person' || kind === 'organisation')
    out.push({ label: `Actions for ${name}`, question: QUESTION.actionsFor(name) });
  return out;
}

/** A name that is both a metric and a priority ("hate crime"). */
export function metricOrPriority(
  text: string,
  m: Mention,
  metric: Candidate,
  priority: Candidate,
  period?: PeriodRef,
): Intent {
  return readingChoices(text, m, [
    { label: `Latest ${metric.label} figure`, question: QUESTION.metric(metric.label) },
    {
      label: `RAG for ${priority.label}`,
      question: QUESTION.ragPriority(Number(priority.id), period),
    },
  ]);
}

/** "crime figures" with no metric named: every metric the partnership records. */
export function metricChoices(metrics: Array<{ name: string }>): Intent {
  return {
    kind: 'ambiguous',
    prompt: 'Which figure would you like?',
    choices: metrics.map((m) => ({ label: m.name, question: QUESTION.metric(m.name) })),
  };
}
