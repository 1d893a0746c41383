import type { CardJson } from '../../cards/card-templates.ts';
import {
  STATUS_WORDS,
  type Answer,
  type ActionsAnswer,
  type CrimeTableAnswer,
  type MetricAnswer,
  type TrendAnswer,
  type PeopleAnswer,
  type RagAnswer,
  type ReportedAnswer,
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
  ragWordText,
  signed,
} from './format.ts';
import {
  renderActionsCard,
  renderChoicesCard,
  renderCrimeTableCard,
  renderTrendCard,
  type CrimeTableCardData,
  type TrendCardData,
  renderHelpCard,
  renderMeetingCard,
  renderMetricCard,
  renderPeopleCard,
  renderRagCard,
  renderReportedCard,
  type ActionsCardData,
  type MetricCardData,
  type PeopleCardData,
  type RagCardData,
  type ReportedCardData,
} from './queries.cards.ts';
import {
  comparisonText,
  directionText,
  figureSourceText,
  metricFlag,
  ragFigureText,
  ragPeriodText,
} from './queries.text.ts';

const SOURCE = "From the partnership's records.";

/**
 * How a RAG word is shown: in its colour and bold, or subtle when nothing was reported. Worked
 * out here rather than by `$when` branches in the template, which cost an expression each per row.
 */
function ragWordStyle(status: string): Pick<RagCardData['rows'][number], 'color' | 'weight' | 'subtle'> {
  const color = status === 'RED' ? 'Attention' : status === 'AMBER' ? 'Warning' : status === 'GREEN' || status === 'ACHIEVED' ? 'Good' : 'Default';
  return status === 'NOT_REPORTED' ? { color, weight: 'Default', subtle: true } : { color, weight: 'Bolder', subtle: false };
}

function ragData(a: RagAnswer): RagCardData {
  const splits = a.rows.filter((r) => r.written.length > 1);
  return {
    title: a.title,
    subtitle: `${ragPeriodText(a)} · ${plural(a.total, 'commitment')}`,
    counts: a.counts.map((c) => ({ word: STATUS_WORDS[c.status], count: String(c.count) })),
    groups: a.groups.map((g) => ({ label: g.label, summary: countsText(g.counts) })),
    rowsTitle: a.listed === 'attention' ? 'Needing attention' : 'Commitments',
    rows: a.rows.map((r) => ({
      ref: r.ref,
      text: r.text,
      ...ragWordStyle(r.status),
      ragWord: ragWordText(r),
      provenance: provenanceText(r),
    })),
    notes: splits.map((r) => ({
      text: `${r.ref} is a split cell (${r.written.map((w) => `"${w}"`).join(' and ')}): counted as ${STATUS_WORDS[r.status]}, the worse word.`,
    })),
    source: a.source,
  };
}

function metricData(a: MetricAnswer): MetricCardData {
  const direction = directionText(a);
  const rag = ragFigureText(a);
  const facts = [
    ...(a.previous
      ? [
          {
            title: a.asked === 'compare' ? 'Last year' : 'Previous',
            value: `${formatNumber(a.previous.value)} (${a.previous.label})`,
          },
        ]
      : a.asked === 'compare'
        ? [{ title: 'Last year', value: 'No figure for the same period a year before' }]
        : []),
    ...(a.change
      ? [
          {
            title: 'Change',
            value: `${signed(a.change.absolute)} (${formatPercent(a.change.percent)})`,
          },
        ]
      : []),
    ...(direction ? [{ title: 'Direction', value: direction }] : []),
    ...(a.latest.publishedChange
      ? [{ title: 'Published change', value: `${a.latest.publishedChange} (as printed)` }]
      : []),
    ...(rag ? [{ title: 'RAG', value: rag }] : []),
    {
      title: 'Figure',
      value:
        a.latest.source === 'PUBLISHED'
          ? 'Published in the board papers'
          : 'Computed from police data',
    },
    ...a.comparisons.map((c) => ({ title: c.label, value: comparisonText(c).slice(c.label.length + 2) })),
  ];
  return {
    name: a.asked === 'compare' ? `${a.name} compared with last year` : a.name,
    headline: `${formatNumber(a.latest.value)} ${a.unit}`,
    periodLabel: `${a.latest.label} · ${a.latest.area}`,
    facts,
    flag: metricFlag(a),
    source: figureSourceText(a),
  };
}

function trendData(a: TrendAnswer): TrendCardData {
  return {
    title: `${a.name} trend`,
    subtitle: `${a.series} · ${a.area}`,
    legend: `${a.name} (${a.unit})`,
    points: a.points
      .filter((p) => p.value !== null)
      .map((p) => ({ x: p.label, y: p.value!, text: formatNumber(p.value!) })),
    rows: a.points.map((p) => ({
      label: p.label,
      value: p.value === null ? 'No figure' : formatNumber(p.value),
    })),
    source: a.source,
  };
}

function crimeTableData(a: CrimeTableAnswer): CrimeTableCardData {
  const n = (v: number | null) => (v === null ? '–' : formatNumber(v));
  return {
    title: `Crime performance · ${a.area}`,
    previousLabel: a.previousLabel,
    currentLabel: a.currentLabel,
    rows: a.rows.map((r) => ({
      name: r.name,
      previous: n(r.previous),
      current: n(r.current),
      change: r.change ?? '–',
      rag: r.rag ?? '–',
    })),
    notes: a.rows
      .filter((r) => r.flag)
      .map((r) => ({ text: `${r.name}: ${r.flag}.` })),
    source: a.source,
  };
}

function actionsData(a: ActionsAnswer): ActionsCardData {
  return {
    title: a.title,
    subtitle: `${a.items.length} outstanding`,
    actions: a.items.map((i) => ({
      minute: `Minute ${i.minute}`,
      meeting: formatDate(i.meetingDate),
      text: i.text,
      owners: listText(i.owners),
      status: i.overdue ? `${i.status} (overdue)` : i.status,
      age: `${i.ageDays} days`,
      due: i.due ? formatDate(i.due) : 'No date set',
    })),
    empty: a.items.length ? '' : 'Nothing outstanding.',
    source: 'From the minutes and the actions log.',
  };
}

function reportedData(a: ReportedAnswer): ReportedCardData {
  return {
    title: a.title,
    subtitle: listText(a.periods),
    items: a.items.map((i) => ({
      ref: i.ref,
      commitment: i.commitment,
      heading: [i.service, i.label ?? i.narrativeKind].filter(Boolean).join(' · '),
      text: i.text,
      provenance: `${i.period}${i.service ? `, reported by ${i.service}` : ''}`,
    })),
    empty: a.omitted
      ? `…and ${a.omitted} more. Ask about one commitment (e.g. ${a.items[0]?.ref ?? '1.1.1'}) to see the rest.`
      : '',
    source: SOURCE,
  };
}

function peopleData(a: PeopleAnswer): PeopleCardData {
  return {
    title: a.title,
    subtitle: a.subtitle,
    people: a.people.map((p) => ({
      name: p.honorific ? `${p.honorific} ${p.name}` : p.name,
      roles: p.roles.length ? ` (${p.roles.join(', ')})` : '',
      details: [
        p.title,
        p.organisation,
        p.answersFor.length ? `answers for ${listText(p.answersFor)}` : '',
        p.email,
      ]
        .filter(Boolean)
        .join(' · '),
    })),
    note: a.note ?? '',
    source: 'From the membership list.',
  };
}

/** The card for an answer; a notice has none (its text is the whole answer). */
export function renderAnswerCard(a: Answer): CardJson | undefined {
  switch (a.kind) {
    case 'rag':
      return renderRagCard(ragData(a));
    case 'metric':
      return renderMetricCard(metricData(a));
    case 'metric-trend':
      return renderTrendCard(trendData(a));
    case 'crime-table':
      return renderCrimeTableCard(crimeTableData(a));
    case 'actions':
      return renderActionsCard(actionsData(a));
    case 'reported':
      return renderReportedCard(reportedData(a));
    case 'people':
      return renderPeopleCard(peopleData(a));
    case 'meeting':
      return a.meeting
        ? renderMeetingCard({
            title: a.meeting.title ? `Next meeting: ${a.meeting.title}` : 'Next meeting',
            when: formatDateTime(a.meeting.startsAt, a.zone),
            facts: a.meeting.place ? [{ title: 'Place', value: a.meeting.place }] : [],
            agenda: a.meeting.agenda,
            source: 'From the meetings calendar.',
          })
        : undefined;
    case 'choices':
      return renderChoicesCard({ prompt: a.prompt, choices: a.choices });
    case 'help':
      return renderHelpCard({
        title: 'What you can ask',
        intro:
          'I answer from what the partnership has recorded. Try one of these, or ask in your own words:',
        examples: a.examples.map((question) => ({ question })),
      });
    case 'notice':
      return undefined;
  }
}
