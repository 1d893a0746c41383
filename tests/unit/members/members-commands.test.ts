import { describe, expect, it } from 'vitest';
import { parseMemberCommand, splitSpan } from '../../../src/features/members/members.commands.ts';

describe('parseMemberCommand', () => {
  it.each([
    [
      "add Jamie O'Malley, Domestic Abuse Strategy Coordinator at LBB, jamie.omalley@example.org",
      {
        kind: 'add',
        name: "Jamie O'Malley",
        title: 'Domestic Abuse Strategy Coordinator',
        organisation: 'LBB',
        email: 'jamie.omalley@example.org',
      },
    ],
    [
      'add Pat Lee, Inspector, Metropolitan Police, pat.lee@example.org, as vice-chair',
      {
        kind: 'add',
        name: 'Pat Lee',
        title: 'Inspector',
        organisation: 'Metropolitan Police',
        email: 'pat.lee@example.org',
        role: 'VICE_CHAIR',
      },
    ],
    [
      'add Pat Lee, Head of Service at Bromley at Home, pat@',
      {
        kind: 'add',
        name: 'Pat Lee',
        title: 'Head of Service at Bromley',
        organisation: 'Home',
        email: 'pat@',
      },
    ],
    ['add a member', { kind: 'add-form' }],
    [
      'make Ken Loyal vice-chair',
      { kind: 'role', person: 'Ken Loyal', role: 'VICE_CHAIR', on: true },
    ],
    ['make Chris Line the chair.', { kind: 'role', person: 'Chris Line', role: 'CHAIR', on: true }],
    [
      'Steve Wood is no longer clerk',
      { kind: 'role', person: 'Steve Wood', role: 'CLERK', on: false },
    ],
    ['Rob Vale is now an officer', { kind: 'role', person: 'Rob Vale', role: 'OFFICER', on: true }],
    [
      "Jamie O'Malley now answers for domestic abuse",
      { kind: 'answers', person: "Jamie O'Malley", service: 'domestic abuse' },
    ],
    ['retire Stuart Baker', { kind: 'retire', person: 'Stuart Baker' }],
    [
      'retire Stuart Baker, hand over to Andy Brittain',
      { kind: 'retire', person: 'Stuart Baker', handover: [{ to: 'Andy Brittain' }] },
    ],
    [
      'retire Mimi Morris-Cotterill, hand over Public Health to Emily Duignan, minute 26 to Rob Vale, leave unowned',
      {
        kind: 'retire',
        person: 'Mimi Morris-Cotterill',
        handover: [
          { what: 'Public Health', to: 'Emily Duignan' },
          { what: 'minute 26', to: 'Rob Vale' },
          {},
        ],
      },
    ],
    [
      'Chris Line sent apologies for the 27 October meeting',
      { kind: 'apologies', person: 'Chris Line', meeting: '27 October' },
    ],
    ['I send my apologies for 4 January', { kind: 'apologies', person: 'I', meeting: '4 January' }],
    [
      'record attendance for 27 October: Louise Watkinson, Ken Loyal and Rob Vale; apologies: Chris Line',
      {
        kind: 'attendance',
        meeting: '27 October',
        present: ['Louise Watkinson', 'Ken Loyal', 'Rob Vale'],
        apologies: ['Chris Line'],
      },
    ],
    ['attendance for 17 August 2022', { kind: 'attendance', meeting: '17 August 2022' }],
    [
      "I'm on leave 1–12 December, deputy Stuart Baker",
      { kind: 'leave', from: '1 December', to: '12 December', deputy: 'Stuart Baker' },
    ],
    [
      'I am on leave from 20 December to 3 January',
      { kind: 'leave', from: '20 December', to: '3 January' },
    ],
    ['my deputy is Ken Loyal', { kind: 'deputy', deputy: 'Ken Loyal' }],
    ['my profile', { kind: 'profile' }],
    ['profile of Rob Vale', { kind: 'profile', person: 'Rob Vale' }],
  ])('reads "%s"', (text, expected) => {
    expect(parseMemberCommand(text)).toEqual(expected);
  });

  it.each([
    'who answers for Trading Standards?',
    'who is now chair',
    'open the Q3 round for priority 4, due 12 January',
    'members',
    'what is the RAG for 2.3.1',
    'add an action for Rob Vale, Ken Loyal on minute 26: report back',
  ])('leaves "%s" to other features', (text) => expect(parseMemberCommand(text)).toBeUndefined());
});

describe('splitSpan', () => {
  it.each([
    ['1–12 December', { from: '1 December', to: '12 December' }],
    ['1-12 December 2022', { from: '1 December 2022', to: '12 December 2022' }],
    ['2022-12-01 to 2022-12-12', { from: '2022-12-01', to: '2022-12-12' }],
    ['20 December until 3 January', { from: '20 December', to: '3 January' }],
  ])('splits %s', (text, expected) => expect(splitSpan(text)).toEqual(expected));
});
