import { DateTime } from 'luxon';
import type { ReminderTarget } from './reminder-recipients.ts';

/** "Thursday 12 January 2023". */
export function longDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale('en-GB').toFormat('cccc d LLLL yyyy');
}

/** What the partner (or their deputy) reads: what is owed, by when, and how to answer or snooze. */
export function reminderText(target: ReminderTarget, round: { periodLabel: string; dueOn: string }, stage: 'before' | 'after'): string {
  const due = longDate(round.dueOn);
  const refs = target.refs.join(', ');
  const when = stage === 'before' ? `is due on ${due}` : `was due on ${due}`;
  if (target.onLeaveUntil) {
    return [
      `**${target.owerName} is on leave until ${longDate(target.onLeaveUntil)}**, and you are their deputy.`,
      `Their ${round.periodLabel} update ${when}. Still to answer: ${refs}.`,
      'If you can answer for them, an officer can record it, or they can delegate their updates to you.',
    ].join('\n\n');
  }
  const lead = stage === 'before' ? '**Reminder:**' : '**Chaser:**';
  return [
    `${lead} your ${round.periodLabel} update ${when}. Still to answer: ${refs}.`,
    `Your card is in this chat; you can also say "update ${target.refs[0]}: green, …" or "what do I still owe?".`,
    'To stop these for a while, say "snooze my reminders until Friday".',
  ].join('\n\n');
}
