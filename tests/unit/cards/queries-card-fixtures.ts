import type { CardJson } from '../../../src/cards/card-templates.ts';
import type { Answer } from '../../../src/features/queries/answers.ts';
import { renderAnswerCard } from '../../../src/features/queries/answer-cards.ts';

const answer = (a: Answer) => () => renderAnswerCard(a) as CardJson;

/** One realistic answer per queries template, rendered through its typed render function. */
export const QUERIES_CARD_FIXTURES: Record<string, () => CardJson> = {
  'queries-rag': answer({
    kind: 'rag',
    title: 'RAG for Priority 4: Stand Together Against Hate Crime and Extremism',
    periods: ['Q2 2022/23'],
    counts: [
      { status: 'ACHIEVED', count: 15 },
      { status: 'AMBER', count: 1 },
      { status: 'NOT_REPORTED', count: 2 },
    ],
    total: 18,
    groups: [
      {
        label: 'Priority 4: Stand Together Against Hate Crime and Extremism',
        counts: [{ status: 'ACHIEVED', count: 15 }],
      },
    ],
    rows: [
      {
        ref: '4.1.1',
        text: 'Use an analysis of hate crimes levels',
        status: 'ACHIEVED',
        written: ['Achieved'],
        period: 'Q2 2022/23',
        reporters: ['Met Police'],
      },
      {
        ref: '4.8.6',
        text: 'The Reporting of Hate Crime',
        status: 'AMBER',
        written: ['In Process', 'Achieved'],
        period: 'Q2 2022/23',
        reporters: ['Met Police'],
      },
      {
        ref: '2.3.2',
        text: 'Enable accurate mapping',
        status: 'RED',
        written: ['Red'],
        period: 'Q2 2022/23',
        reporters: ['Early Intervention and Family Support'],
      },
      {
        ref: '2.1.1',
        text: 'Refreshing the VAWG Strategy',
        status: 'GREEN',
        written: ['Green'],
        period: 'Q2 2022/23',
        reporters: [],
      },
      {
        ref: '4.9.1',
        text: 'Impact of COVID 19',
        status: 'NOT_REPORTED',
        written: [],
        period: '',
        reporters: [],
      },
    ],
    listed: 'all',
    source: "From the partnership's records (the partnership file), last recorded 20 October 2022.",
  }),
  'queries-metric': answer({
    kind: 'metric',
    name: 'Hate Crime',
    unit: 'offences',
    latest: {
      value: 805,
      label: 'Rolling Year Jan 22',
      source: 'PUBLISHED',
      publishedChange: '+44',
      document: 'Priority 1 paper, section 8',
      area: 'Bromley',
    },
    previous: { value: 513, label: 'Rolling Year Jan 21', source: 'PUBLISHED' },
    change: { absolute: 292, percent: 56.9 },
    disagreement: { printed: '+44', computedPct: 56.9 },
    direction: { movement: 'up', judgement: 'good' },
    importedAt: new Date('2026-11-20T10:00:00Z'),
    asked: 'compare',
    comparisons: [
      {
        label: 'Q2 2026/27',
        value: 231,
        previous: { value: 205, label: 'Q2 2025/26' },
        changeText: '+13%',
      },
    ],
  }),
  'queries-trend': answer({
    kind: 'metric-trend',
    name: 'Total Burglary',
    unit: 'offences',
    series: 'Month by month',
    area: 'Bromley',
    points: [
      { label: 'Oct 2023', value: 148 },
      { label: 'Nov 2023', value: 161 },
      { label: 'Dec 2023', value: null },
    ],
    source: 'Computed from the police data imported, published figures where the board has them.',
  }),
  'queries-crime-table': answer({
    kind: 'crime-table',
    previousLabel: 'Rolling Year Jan 21',
    currentLabel: 'Rolling Year Jan 22',
    area: 'Bromley',
    rows: [
      { name: 'Total Notifiable Offences', previous: 21328, current: 24594, change: '+14', rag: null, flag: 'printed +14, but the figures give +15.3%' },
      { name: 'Knife Crime Offences', previous: 215, current: 189, change: '-12%', rag: null },
    ],
    source: 'Published figures as printed in the board papers.',
  }),
  'queries-actions': answer({
    kind: 'actions',
    title: 'Outstanding actions',
    items: [
      {
        minute: 26,
        meetingDate: new Date('2022-08-17T09:00:00Z'),
        text: 'The Chairman requested that an update on the Combating Drugs Partnership be provided to the next meeting.',
        owners: ['Mimi Morris-Cotterill'],
        status: 'Open',
        ageDays: 64,
        due: new Date('2022-10-27T09:30:00Z'),
        overdue: false,
        lastUpdate:
          'The Assistant Director, LBB Public Health will update the Board at the meeting.',
      },
      {
        minute: 30,
        meetingDate: new Date('2022-08-17T09:00:00Z'),
        text: 'A proposal on the Task and Finish Groups.',
        owners: ['Chair (Louise Watkinson)'],
        status: 'Open',
        ageDays: 64,
        overdue: true,
      },
    ],
  }),
  'queries-reported': answer({
    kind: 'reported',
    title: 'What Trading Standards reported',
    periods: ['Q2 2022/23'],
    items: [
      {
        ref: '1.6.1',
        commitment: 'Reduce risk of financial abuse of the elderly or vulnerable',
        service: 'Trading Standards',
        label: 'Q2 Update',
        narrativeKind: 'Update',
        text: 'During Q2 2022 Trading Standards received 248 enquiries for investigation. Total consumer detriment of £99,761.',
        period: 'Q2 2022/23',
      },
      {
        ref: '4.2.2',
        commitment: 'Maintain a high visibility',
        narrativeKind: 'Background',
        text: 'Sessions were delivered via online platforms.',
        period: 'Q2 2022/23',
      },
    ],
    omitted: 3,
  }),
  'queries-people': answer({
    kind: 'people',
    title: 'Who answers for Trading Standards',
    subtitle: 'Answered for by Rob Vale',
    people: [
      {
        name: 'Rob Vale',
        title: 'LBB Head of Commercial Regulation and Trading Standards',
        organisation: 'London Borough of Bromley',
        roles: [],
        answersFor: ['Trading Standards'],
        email: 'rob.vale@example.org',
      },
      {
        name: 'Angela Page',
        honorific: 'Councillor',
        roles: ['Chair', 'Officer'],
        answersFor: [],
        email: 'angela.page@example.org',
      },
    ],
    note: 'assumption: answered by Rob Vale.',
  }),
  'queries-meeting': answer({
    kind: 'meeting',
    zone: 'Europe/London',
    meeting: {
      startsAt: new Date('2022-10-27T09:30:00Z'),
      place: 'Council Chamber, Bromley Civic Centre',
      title: 'Safer Bromley Partnership Board',
      agenda: [
        { number: '1', title: 'WELCOME/HOUSE-KEEPING/INTRODUCTIONS' },
        { number: '2', title: 'MATTERS ARISING' },
      ],
    },
  }),
  'queries-choices': answer({
    kind: 'choices',
    prompt: 'What would you like to know about "hate crime"?',
    choices: [
      { label: 'Latest Hate Crime figure', question: 'Latest Hate Crime figure' },
      { label: 'RAG for Priority 4', question: 'RAG for priority 4' },
    ],
  }),
  'queries-help': answer({
    kind: 'help',
    examples: ['What is the current RAG?', 'Outstanding actions', 'When is the next meeting?'],
  }),
};
