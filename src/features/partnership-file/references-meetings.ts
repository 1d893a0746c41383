import { DateTime } from 'luxon';
import { LONDON } from '../../time/financial-year.ts';
import type { PartnershipFile } from './partnership-file.schemas.ts';
import {
  requireKnown,
  requireUnique,
  type FileIndex,
  type RefProblem,
} from './reference-checks.ts';

type Meeting = PartnershipFile['meetings'][number];
type Action = Meeting['minutes'][number]['actions'][number];
type Attendee = Meeting['attendance']['present'][number];

const PERSON = 'a name listed under people';
const KINDS = ['present', 'alsoPresent', 'apologies'] as const;

export function attendeeName(attendee: Attendee): string {
  return typeof attendee === 'string' ? attendee : attendee.name;
}

/** Meetings once per start; attendees, owners and authors are people (or bodies) the file lists. */
export function checkMeetings(index: FileIndex, out: RefProblem[]): void {
  const meetings = index.file.meetings;
  requireUnique(out, meetings, ['meetings'], 'startsAt', (m) => [m.startsAt], 'meeting start');
  meetings.forEach((meeting, i) => {
    const base = ['meetings', i];
    if (!DateTime.fromISO(meeting.startsAt, { zone: LONDON }).isValid)
      out.push({
        path: [...base, 'startsAt'],
        message: `"${meeting.startsAt}" is not a real date and time: expected YYYY-MM-DDTHH:MM`,
      });
    checkAttendance(index, meeting, base, out);
    requireUnique(
      out,
      meeting.agenda,
      [...base, 'agenda'],
      'number',
      (a) => [a.number],
      'agenda number',
    );
    requireUnique(
      out,
      meeting.minutes,
      [...base, 'minutes'],
      'number',
      (m) => [m.number],
      'minute number',
    );
    meeting.minutes.forEach((minute, j) =>
      minute.actions.forEach((action, k) =>
        checkAction(index, action, [...base, 'minutes', j, 'actions', k], out),
      ),
    );
  });
}

function checkAttendance(
  index: FileIndex,
  meeting: Meeting,
  base: Array<string | number>,
  out: RefProblem[],
): void {
  const listed = new Map<unknown, string>();
  for (const kind of KINDS) {
    meeting.attendance[kind].forEach((attendee, n) => {
      const name = attendeeName(attendee);
      const path = [...base, 'attendance', kind, n];
      if (!requireKnown(out, path, name, index.people, 'person', PERSON)) return;
      const key = index.people.get(name);
      if (listed.has(key))
        out.push({
          path,
          message: `"${name}" is already listed under ${listed.get(key)}: expected each person once per meeting`,
        });
      else listed.set(key, kind);
    });
  }
}

type Owner = Action['owners'][number];

function checkOwner(
  index: FileIndex,
  owner: Owner,
  at: Array<string | number>,
  out: RefProblem[],
): void {
  if ('person' in owner)
    requireKnown(out, [...at, 'person'], owner.person, index.people, 'person', PERSON);
  if ('organisation' in owner)
    requireKnown(
      out,
      [...at, 'organisation'],
      owner.organisation,
      index.organisations,
      'organisation',
      'a name listed under organisations',
    );
  if (!('group' in owner)) return;
  const GROUP = 'a service listed with kind: group';
  if (!requireKnown(out, [...at, 'group'], owner.group, index.services, 'group', GROUP)) return;
  if (index.services.get(owner.group)?.kind !== 'group')
    out.push({
      path: [...at, 'group'],
      message: `"${owner.group}" is a service, not a group: expected ${GROUP}`,
    });
}

function checkAction(
  index: FileIndex,
  action: Action,
  path: Array<string | number>,
  out: RefProblem[],
): void {
  action.owners.forEach((owner, n) => checkOwner(index, owner, [...path, 'owners', n], out));
  if (action.dueMeeting && !index.meetingDates.has(action.dueMeeting))
    out.push({
      path: [...path, 'dueMeeting'],
      message: `no meeting on ${action.dueMeeting}: expected the date of a meeting listed under meetings`,
    });
  requireUnique(
    out,
    action.updates,
    [...path, 'updates'],
    'text',
    (u) => [`${u.date} ${u.kind}: ${u.text}`],
    'update',
  );
  action.updates.forEach((update, n) => {
    if (update.author)
      requireKnown(
        out,
        [...path, 'updates', n, 'author'],
        update.author,
        index.people,
        'person',
        PERSON,
      );
  });
}

/** Metric keys once, priorities that exist, one published figure per metric, area, kind and month. */
export function checkMetrics(index: FileIndex, out: RefProblem[]): void {
  const metrics = index.file.metrics;
  const defaultArea = index.file.partnership.borough ?? '';
  requireUnique(out, metrics, ['metrics'], 'key', (m) => [m.key], 'metric key');
  metrics.forEach((metric, i) => {
    if (metric.priority !== undefined && !index.priorities.has(metric.priority))
      out.push({
        path: ['metrics', i, 'priority'],
        message: `no priority ${metric.priority} in strategy: expected the number of one of its priorities`,
      });
    const figures = metric.figures;
    requireUnique(
      out,
      figures,
      ['metrics', i, 'figures'],
      'end',
      (f) => [`${f.kind} to ${f.end} ${f.area ?? defaultArea}`.trim()],
      'figure for',
    );
    figures.forEach((figure, j) => {
      const month = Number(figure.end.slice(5, 7));
      if (month < 1 || month > 12)
        out.push({
          path: ['metrics', i, 'figures', j, 'end'],
          message: `"${figure.end}": expected a month written YYYY-MM with MM from 01 to 12`,
        });
    });
  });
}
