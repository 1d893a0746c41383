import { describe, expect, it } from 'vitest';
import { reminderOccurrences } from '../../../src/features/reminders/reminder-plan.ts';
import { parseReminderCommand, parseSnoozeDate } from '../../../src/features/reminders/reminders.commands.ts';

const plan = (dueOn: string, openedAt: string, until: string, time = '09:00') =>
  reminderOccurrences({ dueOn, openedAt: new Date(openedAt), until: new Date(until), time }).map((o) => [o.stage, o.at.toISOString()]);

describe('reminder occurrences', () => {
  it('across the start of BST and Easter 2026: 7 and 2 working days before, then chasers every 3', () => {
    expect(plan('2026-04-08', '2026-03-02T10:00:00Z', '2026-04-20T00:00:00Z')).toEqual([
      ['before', '2026-03-26T09:00:00.000Z'], // GMT, the week before the clocks go forward
      ['before', '2026-04-02T08:00:00.000Z'], // 09:00 BST; Good Friday and Easter Monday skipped
      ['after', '2026-04-09T08:00:00.000Z'],
      ['after', '2026-04-14T08:00:00.000Z'],
      ['after', '2026-04-17T08:00:00.000Z'],
    ]);
  });

  it('across the end of BST on 25 October 2026', () => {
    expect(plan('2026-10-28', '2026-10-01T10:00:00Z', '2026-10-30T00:00:00Z')).toEqual([
      ['before', '2026-10-19T08:00:00.000Z'], // 09:00 BST
      ['before', '2026-10-26T09:00:00.000Z'], // 09:00 GMT, the Monday after the clocks go back
      ['after', '2026-10-29T09:00:00.000Z'],
    ]);
  });

  it('plans nothing before the round opened, and honours the set time', () => {
    expect(plan('2026-04-08', '2026-04-01T12:00:00Z', '2026-04-09T23:00:00Z', '16:30')).toEqual([
      ['before', '2026-04-02T15:30:00.000Z'],
      ['after', '2026-04-09T15:30:00.000Z'],
    ]);
  });
});

describe('reminder commands', () => {
  const now = new Date('2026-04-08T10:00:00Z'); // a Wednesday
  it('reads pause, resume and snooze', () => {
    expect(parseReminderCommand('pause reminders', now)).toEqual({ kind: 'pause' });
    expect(parseReminderCommand('Resume the reminders for this round.', now)).toEqual({ kind: 'resume' });
    expect(parseReminderCommand('snooze my reminders until Friday', now)).toEqual({ kind: 'snooze', until: '2026-04-10' });
    expect(parseReminderCommand('snooze my reminders', now)).toEqual({ kind: 'snooze', until: undefined });
    expect(parseReminderCommand('what reminders are there?', now)).toBeUndefined();
  });

  it('"Wednesday" said on a Wednesday means next week', () => {
    expect(parseSnoozeDate('Wednesday', now)).toBe('2026-04-15');
    expect(parseSnoozeDate('tomorrow', now)).toBe('2026-04-09');
    expect(parseSnoozeDate('20 April', now)).toBe('2026-04-20');
  });
});
