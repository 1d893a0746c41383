import { cardAttachment, renderTemplate, type CardJson } from '../../cards/card-templates.ts';
import { escapeCardText } from '../../cards/escape.ts';
import type { FigureForm, SavedFigure } from './figure-correction.service.ts';
import { VERBS } from './figure-form.schemas.ts';

const esc = escapeCardText;
const number = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/** The officer's form to type or correct a figure; its submit is checked against this card. */
export function renderFigureForm(form: FigureForm) {
  return cardAttachment(
    renderTemplate('metrics-figure-form', {
      sentCardId: form.sentCardId,
      verb: VERBS.saveFigure,
      intro:
        'The figure is kept as published for the partnership. A figure already held for that period is kept in the history, with your reason.',
      metrics: form.metrics,
      selected: form.selected ?? '',
    }),
  );
}

function figureText(f: SavedFigure['after']): string {
  return [number(f.value), f.publishedChange ? `printed change ${f.publishedChange}` : '', f.publishedRag ?? '']
    .filter(Boolean)
    .join(', ');
}

/** What the form turns into once saved: the figure before and after, and why. */
export function renderFigureSaved(saved: SavedFigure): CardJson {
  const title = saved.changed ? (saved.before ? 'Figure corrected' : 'Figure saved') : 'No change';
  const summary = saved.changed
    ? `${esc(saved.metric)}, ${esc(saved.label)} (${esc(saved.area)}) is now ${figureText(saved.after)}.`
    : `${esc(saved.metric)}, ${esc(saved.label)} already is ${figureText(saved.after)}: nothing was changed.`;
  return renderTemplate('metrics-figure-saved', {
    title,
    summary,
    facts: [
      ...(saved.before ? [{ title: 'Before', value: figureText(saved.before) }] : []),
      { title: 'Now', value: figureText(saved.after) },
      { title: 'Why', value: esc(saved.reason) },
    ],
    note: saved.changed
      ? 'The earlier figure stays in the history ("history of …" shows who changed what, and when).'
      : '',
  });
}
