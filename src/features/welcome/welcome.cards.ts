import { cardAttachment, renderTemplate } from '../../cards/card-templates.ts';
import { escapeCardText } from '../../cards/escape.ts';
import { EXAMPLE_QUESTIONS } from '../help/help.service.ts';
import type { PersonalWelcome } from './welcome.service.ts';

/** The member's greeting: what they answer for, their open actions, and buttons to ask more. */
export function renderPersonalWelcome(w: PersonalWelcome) {
  const commitments = w.services.reduce((n, s) => n + s.refs.length, 0);
  return cardAttachment(
    renderTemplate('welcome-personal', {
      title: `Hello ${escapeCardText(w.firstName)}`,
      intro: `I keep the partnership board's record: commitments, updates, RAG, actions and figures. You answer for ${commitments} commitment${commitments === 1 ? '' : 's'} and own ${w.actions.length} open action${w.actions.length === 1 ? '' : 's'}.`,
      hasOwed: w.owed !== undefined,
      owedText: w.owed ? `For the ${w.owed.periodLabel} round (due ${w.owed.due}) you still owe: ${w.owed.refs.join(', ')}.` : '',
      hasServices: w.services.length > 0,
      services: w.services.map((s) => ({ name: s.name, refs: s.refs.join(', ') })),
      hasActions: w.actions.length > 0,
      actions: w.actions.map((a) => ({
        minute: a.minute,
        text: escapeCardText(a.text),
        dueText: a.due ? `${a.overdue ? 'Overdue: was due' : 'Due'} ${a.due}` : 'No due date',
        overdue: a.overdue,
      })),
    }),
  );
}

/** The once-per-team introduction, with a button that registers the channel for digests. */
export function renderTeamWelcome(botName: string) {
  return cardAttachment(
    renderTemplate('welcome-team', {
      title: `${escapeCardText(botName)} has joined the team`,
      intro: "I keep the partnership board's record: commitments, quarterly updates and RAG, actions from the minutes and crime figures. I answer members of the partnership.",
      examples: EXAMPLE_QUESTIONS.slice(0, 4).map((question) => ({ question })),
      digestText: 'After each board meeting I post a digest (decisions, actions, RAG changes) in one channel of the team. An officer can choose this one:',
    }),
  );
}
