import { describe, expect, it } from 'vitest';
import { reminderDueAt } from '../../../src/features/meetings/meeting-reminders.service.ts';
import { parseMeetingCommand } from '../../../src/features/meetings/meetings.commands.ts';
import { parseDigestCommand } from '../../../src/features/digests/digests.commands.ts';
import { splitOwnerList } from '../../../src/features/meetings/action-owners.ts';

describe('meetings commands in words', () => {
  it.each([
    ['action for Mimi Morris-Cotterill on minute 26: update on the Combating Drugs Partnership for the October meeting',
      { kind: 'action', owners: ['Mimi Morris-Cotterill'], minute: 26, text: 'update on the Combating Drugs Partnership for the October meeting' }],
    ['action for Ken Loyal and the Met Police, Clerk on minute 29 of the 17 August 2022 meeting: share the dashboard, due 25 October',
      { kind: 'action', owners: ['Ken Loyal', 'the Met Police', 'Clerk'], minute: 29, meetingDate: '17 August 2022', text: 'share the dashboard', due: '25 October' }],
    ['update on minute 26: The Board was updated', { kind: 'update', ref: { minute: 26 }, text: 'The Board was updated' }],
    ['update on minute 26 #2: done', { kind: 'update', ref: { minute: 26, seq: 2 }, text: 'done' }],
    ['propose closing minute 26 action', { kind: 'proposeClose', ref: { minute: 26 } }],
    ['close minute 26 action at the 27 October meeting', { kind: 'close', ref: { minute: 26 }, meetingDate: '27 October' }],
    ['drop minute 30 action: overtaken', { kind: 'drop', ref: { minute: 30 }, reason: 'overtaken' }],
    ['reassign minute 30 action to the Chair and Sarah Newman', { kind: 'reassign', ref: { minute: 30 }, owners: ['the Chair', 'Sarah Newman'] }],
    ['set the due date for minute 30 action to 4 January 2023', { kind: 'setDue', ref: { minute: 30 }, due: '4 January 2023' }],
    ['what happened to minute 30?', { kind: 'history', minute: 30 }],
    ['matters arising for the next meeting', { kind: 'mattersArising' }],
    ['matters arising for the 27 October meeting', { kind: 'mattersArising', date: '27 October' }],
    ['minute 40: CRIME DASHBOARD. The Police presented.', { kind: 'minute', number: 40, title: 'CRIME DASHBOARD', text: 'The Police presented.' }],
    ['record the meeting on 4 January 2023 at 10.30 in the Council Chamber', { kind: 'recordMeeting', date: '4 January 2023', time: '10:30', place: 'Council Chamber' }],
  ])('reads "%s"', (text, command) => {
    expect(parseMeetingCommand(text)).toEqual(command);
  });

  it.each(['outstanding actions', 'actions for Ken Loyal', 'actions for All Partners', 'overdue actions', 'my actions', 'update 2.3.1: Amber, progress', 'when is the next meeting?'])(
    'leaves the question "%s" to other features',
    (text) => {
      expect(parseMeetingCommand(text)).toBeUndefined();
      expect(parseDigestCommand(text)).toBeUndefined();
    },
  );

  it('reads digest commands', () => {
    expect(parseDigestCommand('post digests here')).toEqual({ kind: 'register' });
    expect(parseDigestCommand('mark the 27 October meeting held')).toEqual({ kind: 'held', date: '27 October' });
    expect(parseDigestCommand('publish minutes')).toEqual({ kind: 'minutes' });
    expect(parseDigestCommand('repost the digest for the 27 October 2022 meeting')).toEqual({ kind: 'repost', date: '27 October 2022' });
  });

  it('splits owner lists on commas, "and", "&" and "/"', () => {
    expect(splitOwnerList('James Cartwright /David Tait')).toEqual(['James Cartwright', 'David Tait']);
    expect(splitOwnerList('All Partners.')).toEqual(['All Partners']);
  });
});

describe('meeting reminder lead time', () => {
  it('falls five working days before, skipping weekends and bank holidays', () => {
    // Thursday 27 October 2022 → Thursday 20 October, 09:00 BST.
    expect(reminderDueAt(new Date('2022-10-27T09:30:00Z')).toISOString()).toBe('2022-10-20T08:00:00.000Z');
    // Wednesday 4 January 2023: 2 January, 26 and 27 December are bank holidays → Friday 23 December, 09:00 GMT.
    expect(reminderDueAt(new Date('2023-01-04T10:30:00Z')).toISOString()).toBe('2022-12-23T09:00:00.000Z');
  });
});
