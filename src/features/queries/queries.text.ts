import type {
  ActionsAnswer,
  Answer,
  CrimeTableAnswer,
  FigureComparison,
  MetricAnswer,
  TrendAnswer,
  PeopleAnswer,
  RagAnswer,
  ReportedAnswer,
} from './answers.ts';
import {
  countsText,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  listText,
  plural,
  provenanceText,
  signed,
} from './format.ts';

/**
 * The plain-text version of every answer: what clients without cards, notifications and screen
 * readers get. Says the same things as the card, RAG words and provenance included.
 */
export function answerText(answer: Answer): string {
  switch (answer.kind) {
    case 'rag':
      return ragText(answer);
    case 'metric':
      return metricText(answer);
    case 'metric-trend':
      return trendText(answer);
    case 'crime-table':
      return crimeTableText(answer);
    case 'actions':
      return actionsText(answer);
    case 'reported':
      return reportedText(answer);
    case 'people':
      return peopleText(answer);
    case 'meeting':
      return answer.meeting
        ? `Next meeting: ${formatDateTime(answer.meeting.startsAt, answer.zone)}${answer.meeting.place ? `, ${answer.meeting.place}` : ''}.`
        : 'No meeting is scheduled yet.';
    case 'notice':
      return answer.text;
    case 'choices':
      return `${answer.prompt}\n\n${answer.choices.map((c) => `- ${c.question}`).join('\n')}`;
    case 'help':
      return `I can answer questions about the partnership from what it has recorded. Try:\n\n${answer.examples.map((q) => `- ${q}`).join('\n')}`;
  }
}

export function ragPeriodText(a: RagAnswer): string {
  return a.periods.length ? `as at ${listText(a.periods)}` : 'nothing rated yet';
}

function ragText(a: RagAnswer): string {
  const lines = [
    `${a.title} (${ragPeriodText(a)}): ${countsText(a.counts)} of ${plural(a.total, 'commitment')}.`,
  ];
  for (const g of a.groups) lines.push(`- ${g.label}: ${countsText(g.counts)}`);
  if (a.rows.length) lines.push(a.listed === 'attention' ? '\nNeeding attention:' : '');
  for (const r of a.rows) lines.push(`- ${r.ref}: ${provenanceText(r)}`);
  lines.push(`\n${a.source}`);
  return lines.filter((l) => l !== '').join('\n');
}

export function metricFlag(a: MetricAnswer): string {
  if (!a.disagreement || !a.previous) return '';
  return `Check: the papers print ${a.disagreement.printed}, but ${formatNumber(a.previous.value)} → ${formatNumber(a.latest.value)} is ${formatPercent(a.disagreement.computedPct)}.`;
}

/** "Up: the way the partnership wants this measure to go"; never colour or an arrow alone. */
export function directionText(a: MetricAnswer): string {
  if (!a.direction) return '';
  const { movement, judgement } = a.direction;
  if (movement === 'flat') return 'No change';
  const word = movement === 'up' ? 'Up' : 'Down';
  if (judgement === 'good') return `${word}: the way the partnership wants this measure to go`;
  if (judgement === 'bad') return `${word}: the wrong way for this measure`;
  return word;
}

export function ragFigureText(a: MetricAnswer): string {
  if (!a.rag) return '';
  return `${a.rag.word} (${a.rag.from === 'printed' ? 'as printed' : "from the partnership's thresholds"})`;
}

/** Where the figure comes from and when it came in. */
export function figureSourceText(a: MetricAnswer): string {
  const from = a.latest.document
    ? `Source: ${a.latest.document}`
    : a.latest.source === 'COMPUTED'
      ? 'Source: computed from the police data imported'
      : "Source: the partnership's records";
  return a.importedAt ? `${from}. Imported ${formatDate(a.importedAt)}.` : `${from}.`;
}

export function comparisonText(c: FigureComparison): string {
  const against = c.previous
    ? ` against ${formatNumber(c.previous.value)} (${c.previous.label})`
    : ' (no figure a year before)';
  return `${c.label}: ${formatNumber(c.value)}${against}${c.changeText ? `, ${c.changeText}` : ''}`;
}

function metricText(a: MetricAnswer): string {
  const lines = [
    `${a.name}: ${formatNumber(a.latest.value)} ${a.unit} (${a.latest.label}, ${a.latest.area}; ${a.latest.source === 'PUBLISHED' ? 'published' : 'computed from police data'}).`,
  ];
  if (a.previous)
    lines.push(`${a.asked === 'compare' ? 'Last year' : 'Previous'}: ${formatNumber(a.previous.value)} (${a.previous.label}).`);
  else if (a.asked === 'compare') lines.push('Last year: no figure for the same period a year before.');
  if (a.change)
    lines.push(`Change: ${signed(a.change.absolute)} (${formatPercent(a.change.percent)}).`);
  const direction = directionText(a);
  if (direction) lines.push(`Direction: ${direction}.`);
  if (a.latest.publishedChange)
    lines.push(`Published change: ${a.latest.publishedChange} (as printed).`);
  const rag = ragFigureText(a);
  if (rag) lines.push(`RAG: ${rag}.`);
  const flag = metricFlag(a);
  if (flag) lines.push(flag);
  for (const c of a.comparisons) lines.push(`${comparisonText(c)}.`);
  lines.push(figureSourceText(a));
  return lines.join('\n');
}

function trendText(a: TrendAnswer): string {
  const lines = [`${a.name} trend (${a.series.toLowerCase()}, ${a.area}):`];
  for (const p of a.points)
    lines.push(`- ${p.label}: ${p.value === null ? 'no figure' : formatNumber(p.value)}`);
  lines.push(a.source);
  return lines.join('\n');
}

function crimeTableText(a: CrimeTableAnswer): string {
  const lines = [
    `Crime performance, ${a.area}: ${a.previousLabel} against ${a.currentLabel} (% difference, RAG).`,
  ];
  const n = (v: number | null) => (v === null ? '–' : formatNumber(v));
  for (const r of a.rows)
    lines.push(
      `- ${r.name}: ${n(r.previous)} → ${n(r.current)}, ${r.change ?? '–'}${r.rag ? `, ${r.rag}` : ''}${r.flag ? ` (check: ${r.flag})` : ''}`,
    );
  lines.push(a.source);
  return lines.join('\n');
}

function actionsText(a: ActionsAnswer): string {
  if (a.items.length === 0) return `${a.title}: none.`;
  const lines = [`${a.title} (${a.items.length}):`];
  for (const i of a.items)
    lines.push(
      `- Minute ${i.minute} (${formatDate(i.meetingDate)}): ${i.text} Owners: ${listText(i.owners)}. ${i.status}, ${i.ageDays} days${i.due ? `; due ${formatDate(i.due)}` : ''}${i.overdue ? ' (overdue)' : ''}.`,
    );
  return lines.join('\n');
}

function reportedText(a: ReportedAnswer): string {
  const lines = [`${a.title} (${listText(a.periods)}):`];
  for (const i of a.items)
    lines.push(
      `- ${i.ref} ${i.service ?? ''} ${i.label ?? `(${i.narrativeKind})`} ${i.text}`.replace(
        /\s+/g,
        ' ',
      ),
    );
  if (a.omitted) lines.push(`…and ${a.omitted} more.`);
  return lines.join('\n');
}

function peopleText(a: PeopleAnswer): string {
  const lines = [`${a.title}: ${a.subtitle}.`];
  for (const p of a.people)
    lines.push(
      `- ${p.name}${p.roles.length ? ` (${p.roles.join(', ')})` : ''}${p.title ? `, ${p.title}` : ''}${p.answersFor.length ? `; answers for ${listText(p.answersFor)}` : ''}`,
    );
  if (a.note) lines.push(a.note);
  return lines.join('\n');
}
