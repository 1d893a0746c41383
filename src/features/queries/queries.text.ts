import type {
  ActionsAnswer,
  Answer,
  MetricAnswer,
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
  if (!a.disagrees || !a.previous || !a.change) return '';
  return `Check: the papers print ${a.latest.publishedChange}, but ${formatNumber(a.previous.value)} → ${formatNumber(a.latest.value)} is ${formatPercent(a.change.percent)}.`;
}

function metricText(a: MetricAnswer): string {
  const lines = [
    `${a.name}: ${formatNumber(a.latest.value)} ${a.unit} (${a.latest.label}, ${a.latest.area}; ${a.latest.source === 'PUBLISHED' ? 'published' : 'computed from police data'}).`,
  ];
  if (a.previous) lines.push(`Previous: ${formatNumber(a.previous.value)} (${a.previous.label}).`);
  if (a.change)
    lines.push(`Change: ${signed(a.change.absolute)} (${formatPercent(a.change.percent)}).`);
  if (a.latest.publishedChange)
    lines.push(`Published change: ${a.latest.publishedChange} (as printed).`);
  const flag = metricFlag(a);
  if (flag) lines.push(flag);
  if (a.latest.document) lines.push(`Source: ${a.latest.document}.`);
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
