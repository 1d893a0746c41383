import { addWorkingDays, atLondonTime, englandAndWales, type Calendar } from './working-days.ts';
import { REMINDER_RULES, type ReminderOccurrence, type ReminderRules } from './reminders.schemas.ts';

export interface PlanInput {
  /** The round's due date, YYYY-MM-DD. */
  dueOn: string;
  /** Nothing is planned before the round opened. */
  openedAt: Date;
  /** Plan up to this instant (chasers go on until close, so the plan is rolled forward). */
  until: Date;
  /** London wall-clock time, "09:00". */
  time: string;
  rules?: ReminderRules;
  calendar?: Calendar;
}

/**
 * The round's reminder occurrences between opening and `until`, on working days (weekends and
 * England and Wales bank holidays skipped), each at the set London time, GMT or BST.
 */
export function reminderOccurrences(input: PlanInput): ReminderOccurrence[] {
  const rules = input.rules ?? REMINDER_RULES;
  const calendar = input.calendar ?? englandAndWales();
  const out = new Map<string, ReminderOccurrence>();
  const add = (on: string, stage: ReminderOccurrence['stage']) => {
    const at = atLondonTime(on, input.time);
    if (at > input.openedAt && at <= input.until && !out.has(on)) out.set(on, { on, at, stage });
    return at;
  };
  for (const n of rules.beforeWorkingDays) add(addWorkingDays(input.dueOn, -n, calendar), 'before');
  let on = addWorkingDays(input.dueOn, 1, calendar);
  while (add(on, 'after') <= input.until) on = addWorkingDays(on, rules.chaseEveryWorkingDays, calendar);
  return [...out.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
}
