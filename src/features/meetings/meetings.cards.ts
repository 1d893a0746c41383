import { DateTime } from 'luxon';
import { cardAttachment, renderTemplate } from '../../cards/card-templates.ts';
import { escapeCardText } from '../../cards/escape.ts';
import { LONDON } from '../../time/financial-year.ts';
import type { MattersArisingRow } from './matters-arising.rules.ts';

/** "27 October 2022", in London. */
export function formatDay(at: Date): string {
  return DateTime.fromJSDate(at, { zone: LONDON }).setLocale('en-GB').toFormat('d LLLL yyyy');
}

export interface ActionCardData {
  sentCardId: string;
  title: string;
  minute: string;
  text: string;
  owners: string;
  due: string;
  status: string;
  lastUpdate: string;
  canAct: boolean;
}

/** The owner's card for an action: what it is, and a box to post an update or propose closing. */
export function renderActionCard(d: ActionCardData) {
  return cardAttachment(
    renderTemplate('meetings-action', {
      ...d,
      text: escapeCardText(d.text),
      lastUpdate: escapeCardText(d.lastUpdate),
    }),
  );
}

/** A short result ("Update recorded on the minute 26 action."). */
export function renderMeetingNotice(title: string, text: string) {
  return cardAttachment(renderTemplate('meetings-notice', { title, text }));
}

/** The Matters Arising report as a card: one block per row, in the report's order. */
export function renderMattersArisingCard(title: string, rows: MattersArisingRow[]) {
  return cardAttachment(
    renderTemplate('meetings-matters-arising', {
      title,
      subtitle: 'Minute Number/Title · Matters Arising · Update, as for the agenda pack.',
      rows: rows.map((r) => ({ labelText: r.labelText, mattersArising: escapeCardText(r.mattersArising), update: escapeCardText(r.update), status: r.status })),
      empty: rows.length ? '' : 'There are no matters arising from previous meetings.',
    }),
  );
}

export interface MinuteCardData {
  title: string;
  subtitle: string;
  resolution: string;
  actions: Array<{ heading: string; text: string; owners: string; status: string; due: string; history: string[] }>;
}

/** "What happened to minute 30?": the minute, each action's owners, status and history. */
export function renderMinuteCard(d: MinuteCardData) {
  return cardAttachment(
    renderTemplate('meetings-minute', {
      title: d.title,
      subtitle: d.subtitle,
      resolution: escapeCardText(d.resolution),
      actions: d.actions.map((a) => ({ ...a, text: escapeCardText(a.text), history: a.history.map((line) => ({ line: escapeCardText(line) })) })),
      empty: d.actions.length ? '' : 'No actions were recorded on this minute.',
    }),
  );
}

/** The officer's form for a meeting's minute and action. */
export function renderRecordCard(d: { sentCardId: string; meetingDate: string; meetingTime: string; subtitle: string }) {
  return cardAttachment(renderTemplate('meetings-record', d));
}
