import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../../../src/features/queries/intent.ts';
import { prepareVocabulary, understand } from '../../../src/features/queries/understand.ts';
import { BROMLEY } from './fixture-vocabulary.ts';

const bromley = prepareVocabulary(BROMLEY);
const ask = (text: string) => understand(text, bromley);
const Q2 = { fiscalYear: 2022, quarter: 2 };
const Q1 = { fiscalYear: 2022, quarter: 1 };

/** Phrasing → the intent it must be understood as (toMatchObject: extra fields allowed). */
const TABLE: Array<[string, Record<string, unknown>]> = [
  // RAG overall
  ['What is the current RAG?', { kind: 'rag-overall' }],
  ['rag', { kind: 'rag-overall' }],
  ['RAG STATUS', { kind: 'rag-overall' }],
  ['how are we doing?', { kind: 'rag-overall' }],
  ['give me a summary', { kind: 'rag-overall' }],
  ["what's red?", { kind: 'rag-overall' }],
  ['rag q1', { kind: 'rag-overall', period: Q1 }],
  // RAG by priority, by number or by name
  ['RAG for priority 2', { kind: 'rag-priority', priority: 2 }],
  ['priority two status', { kind: 'rag-priority', priority: 2 }],
  ['p3', { kind: 'rag-priority', priority: 3 }],
  ['priorty 2', { kind: 'rag-priority', priority: 2 }],
  ['VAWG', { kind: 'rag-priority', priority: 2 }],
  ['violence against women and girls', { kind: 'rag-priority', priority: 2 }],
  ['Violence against women & girls status', { kind: 'rag-priority', priority: 2 }],
  ['hate crime priority', { kind: 'rag-priority', priority: 4 }],
  ['status of the hate crime priority', { kind: 'rag-priority', priority: 4 }],
  ['young people', { kind: 'rag-priority', priority: 3 }],
  ['safer neighbourhoods', { kind: 'rag-priority', priority: 1 }],
  ['priority 3 in Q2 2022/23', { kind: 'rag-priority', priority: 3, period: Q2 }],
  ['hate crime in q2', { kind: 'rag-priority', priority: 4, period: Q2 }],
  // RAG by commitment or section
  ['status of 2.3.1', { kind: 'rag-commitment', ref: '2.3.1' }],
  ['wat is the rag for 4.8.6', { kind: 'rag-commitment', ref: '4.8.6' }],
  ['rag for section 2.4', { kind: 'rag-commitment', ref: '2.4' }],
  // RAG by service, person or partner
  [
    'RAG for Trading Standards',
    { kind: 'rag-owner', owner: { kind: 'service', name: 'Trading Standards' } },
  ],
  [
    'how is trading standard doing',
    { kind: 'rag-owner', owner: { kind: 'service', name: 'Trading Standards' } },
  ],
  [
    'tradng standards rag',
    { kind: 'rag-owner', owner: { kind: 'service', name: 'Trading Standards' } },
  ],
  [
    'rag for comunity safety',
    { kind: 'rag-owner', owner: { kind: 'service', name: 'Community Safety' } },
  ],
  [
    'RAG for Youth Justice Service',
    { kind: 'rag-owner', owner: { kind: 'service', name: 'Youth Justice Service' } },
  ],
  [
    'how are the police doing',
    { kind: 'rag-owner', owner: { kind: 'service', name: 'Met Police' } },
  ],
  ['RAG for Rob Vale', { kind: 'rag-owner', owner: { kind: 'person', name: 'Rob Vale' } }],
  [
    'rag for trading standard in q1',
    { kind: 'rag-owner', owner: { kind: 'service', name: 'Trading Standards' }, period: Q1 },
  ],
  // Metrics
  ['latest hate crime figure', { kind: 'metric-latest', metric: 'hate-crime' }],
  ['HATE CRIME FIGURE', { kind: 'metric-latest', metric: 'hate-crime' }],
  ['how many hate crimes', { kind: 'metric-latest', metric: 'hate-crime' }],
  ["what's the latest on hate crime", { kind: 'metric-latest', metric: 'hate-crime' }],
  ['knife crime', { kind: 'metric-latest', metric: 'knife-crime-offences' }],
  ['knif crime', { kind: 'metric-latest', metric: 'knife-crime-offences' }],
  ['how many burglaries', { kind: 'metric-latest', metric: 'total-burglary' }],
  ['burgalry figures', { kind: 'metric-latest', metric: 'total-burglary' }],
  ['TNOs', { kind: 'metric-latest', metric: 'total-notifiable-offences' }],
  ['total notifiable offences', { kind: 'metric-latest', metric: 'total-notifiable-offences' }],
  // A metric's trend, its figure against last year, and the whole crime table
  ['hate crime trend', { kind: 'metric-trend', metric: 'hate-crime' }],
  ['show me burglary over time', { kind: 'metric-trend', metric: 'total-burglary' }],
  ['chart of TNOs', { kind: 'metric-trend', metric: 'total-notifiable-offences' }],
  ['knife crime compared with last year', { kind: 'metric-compare', metric: 'knife-crime-offences' }],
  ['burglary vs last year', { kind: 'metric-compare', metric: 'total-burglary' }],
  ['hate crime year on year', { kind: 'metric-compare', metric: 'hate-crime' }],
  ['crime table', { kind: 'crime-table' }],
  ['show me the crime performance table', { kind: 'crime-table' }],
  ['performance table', { kind: 'crime-table' }],
  ['what is the latest figure for ASB', { kind: 'metric-latest', metric: 'asb-calls' }],
  // Actions
  ['outstanding actions', { kind: 'actions-outstanding', overdue: false }],
  ['outstandng actions', { kind: 'actions-outstanding', overdue: false }],
  ['matters arising', { kind: 'actions-outstanding', overdue: false }],
  ["what's overdue", { kind: 'actions-outstanding', overdue: true }],
  ['my actions', { kind: 'actions-outstanding', owner: { kind: 'me' } }],
  ['what do I need to do', { kind: 'actions-outstanding', owner: { kind: 'me' } }],
  [
    'actions for Morris Cotterill',
    { kind: 'actions-outstanding', owner: { kind: 'person', name: 'Mimi Morris-Cotterill' } },
  ],
  [
    "Mimi's actions",
    { kind: 'actions-outstanding', owner: { kind: 'person', name: 'Mimi Morris-Cotterill' } },
  ],
  [
    'actions for morris-cotteril',
    { kind: 'actions-outstanding', owner: { kind: 'person', name: 'Mimi Morris-Cotterill' } },
  ],
  [
    'actions for the chair',
    { kind: 'actions-outstanding', owner: { kind: 'role', role: 'CHAIR' } },
  ],
  [
    'actions for all partners',
    { kind: 'actions-outstanding', owner: { kind: 'group', name: 'All Partners' } },
  ],
  [
    'actions for LBB',
    {
      kind: 'actions-outstanding',
      owner: { kind: 'organisation', name: 'London Borough of Bromley' },
    },
  ],
  // What was reported
  [
    'What did Trading Standards say in Q2?',
    { kind: 'reported', reporter: { kind: 'service', name: 'Trading Standards' }, period: Q2 },
  ],
  [
    'what did trading standard say in quarter 2',
    { kind: 'reported', reporter: { kind: 'service', name: 'Trading Standards' }, period: Q2 },
  ],
  [
    'Q2 update from community safety',
    { kind: 'reported', reporter: { kind: 'service', name: 'Community Safety' }, period: Q2 },
  ],
  [
    'what did community safety report in 2022/23 Q1',
    { kind: 'reported', reporter: { kind: 'service', name: 'Community Safety' }, period: Q1 },
  ],
  [
    'what did Rob Vale say about 1.6.1',
    { kind: 'reported', reporter: { kind: 'person', name: 'Rob Vale' }, ref: '1.6.1' },
  ],
  [
    'what did Morris Cotterill report',
    { kind: 'reported', reporter: { kind: 'person', name: 'Mimi Morris-Cotterill' } },
  ],
  ['updates on 4.2.1', { kind: 'reported', ref: '4.2.1' }],
  ['what did VAWG say', { kind: 'reported', priority: 2 }],
  // Who is who
  ['who is the chair', { kind: 'who-is', target: { kind: 'role', role: 'CHAIR' } }],
  ["who's the vice chair", { kind: 'who-is', target: { kind: 'role', role: 'VICE_CHAIR' } }],
  ['who chairs the board', { kind: 'who-is', target: { kind: 'role', role: 'CHAIR' } }],
  [
    'who answers for Trading Standards',
    { kind: 'who-is', target: { kind: 'service', name: 'Trading Standards' } },
  ],
  [
    'who is responsible for housing',
    { kind: 'who-is', target: { kind: 'service', name: 'Housing' } },
  ],
  ['who is rob vail', { kind: 'who-is', target: { kind: 'person', name: 'Rob Vale' } }],
  ['tell me about Ken Loyal', { kind: 'who-is', target: { kind: 'person', name: 'Ken Loyal' } }],
  [
    'Mimi Morris Cotterill',
    { kind: 'who-is', target: { kind: 'person', name: 'Mimi Morris-Cotterill' } },
  ],
  ['who are the members', { kind: 'who-is', target: { kind: 'members' } }],
  [
    'who is from Clarion',
    { kind: 'who-is', target: { kind: 'organisation', name: 'Clarion Housing Group' } },
  ],
  // Meetings and help
  ['when is the next meeting', { kind: 'next-meeting' }],
  ['Next Meeting?', { kind: 'next-meeting' }],
  ['when do we meet next?', { kind: 'next-meeting' }],
  ['upcoming meetings', { kind: 'next-meeting' }],
  ['help', { kind: 'help' }],
  ['hi', { kind: 'help' }],
  ['', { kind: 'help' }],
  // Not understood
  ['what is the weather', { kind: 'unknown' }],
  ['tell me a joke', { kind: 'unknown' }],
];

describe('understand (Safer Bromley vocabulary)', () => {
  it.each(TABLE)('%s', (text, expected) => {
    expect(ask(text)).toMatchObject(expected);
  });

  it.each([
    ['hate crime', ['Latest Hate Crime figure', 'RAG for priority 4']],
    ['Baldwin', ['Richard Baldwin', 'Sharon Baldwin']],
    ['who is Baker', ['who is Cheryl Baker', 'who is Stuart Baker']],
    ['community', ['Community Safety', 'Community Coordination']],
    [
      'trading standards',
      [
        'RAG for Trading Standards',
        'What did Trading Standards report?',
        'Who answers for Trading Standards?',
      ],
    ],
  ])('"%s" is ambiguous, with choices', (text, questions) => {
    const intent = ask(text);
    expect(intent.kind).toBe('ambiguous');
    if (intent.kind !== 'ambiguous') return;
    for (const q of questions) expect(intent.choices.map((c) => c.question)).toContain(q);
  });

  it('names every figure when none is named', () => {
    const intent = ask('what are the latest crime figures');
    expect(intent.kind).toBe('ambiguous');
    if (intent.kind === 'ambiguous') expect(intent.choices).toHaveLength(BROMLEY.metrics.length);
  });

  it('understands each choice it offers without asking again', () => {
    for (const text of [
      'hate crime',
      'Baldwin',
      'trading standards',
      'police',
      'what did the Baldwins say',
      'Trading Standards Q2',
    ]) {
      const intent = ask(text);
      expect(intent.kind, text).toBe('ambiguous');
      if (intent.kind !== 'ambiguous') continue;
      for (const choice of intent.choices) {
        const again = ask(choice.question);
        expect(again.kind, choice.question).not.toBe('ambiguous');
        expect(again.kind, choice.question).not.toBe('unknown');
      }
    }
  });

  it('keeps the period a question names, and names none when it names none', () => {
    expect(ask('RAG for priority 1 in the second quarter')).toMatchObject({ period: Q2 });
    expect(ask('priority 1 quarter one 2022-23')).toMatchObject({ period: Q1 });
    expect(ask('RAG for priority 1')).not.toHaveProperty('period');
  });

  it('is deterministic', () => {
    expect(ask('What did Trading Standards say in Q2?')).toEqual(
      ask('What did Trading Standards say in Q2?'),
    );
  });
});

/** Another partnership altogether: nothing of Bromley is built in. */
const OTHER: Vocabulary = {
  priorities: [
    { number: 1, title: 'Tackling Serious Violence', shortName: 'Serious Violence', aliases: [] },
    { number: 2, title: 'Reducing Reoffending', shortName: null, aliases: ['reoffending'] },
  ],
  services: [
    { name: 'Probation', aliases: ['National Probation Service'], kind: 'SERVICE' },
    { name: 'Licensing', aliases: [], kind: 'SERVICE' },
  ],
  organisations: [{ name: 'Anytown Council', shortName: 'ATC', aliases: [] }],
  people: [{ name: 'Priya Okonkwo-Smith' }, { name: 'Tom Hughes' }],
  metrics: [{ key: 'robbery', name: 'Personal Robbery', aliases: ['robberies', 'muggings'] }],
  periods: [{ fiscalYear: 2024, quarter: 3 }],
};

describe('understand (any partnership)', () => {
  const other = prepareVocabulary(OTHER);
  it.each<[string, Record<string, unknown>]>([
    ['serious violence rag', { kind: 'rag-priority', priority: 1 }],
    ['how is reoffending going', { kind: 'rag-priority', priority: 2 }],
    [
      'what did licencing say in Q3',
      {
        kind: 'reported',
        reporter: { kind: 'service', name: 'Licensing' },
        period: { fiscalYear: 2024, quarter: 3 },
      },
    ],
    ['how many muggings', { kind: 'metric-latest', metric: 'robbery' }],
    [
      'actions for Okonkwo Smith',
      { kind: 'actions-outstanding', owner: { kind: 'person', name: 'Priya Okonkwo-Smith' } },
    ],
    ['who is tom hughs', { kind: 'who-is', target: { kind: 'person', name: 'Tom Hughes' } }],
    ['VAWG', { kind: 'unknown' }],
  ])('%s', (text, expected) => {
    expect(understand(text, other)).toMatchObject(expected);
  });
});
