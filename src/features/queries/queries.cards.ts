import { renderTemplate, type CardJson } from '../../cards/card-templates.ts';

/**
 * One typed render function per `cards/queries-*.json` template; answer-cards.ts maps answers to
 * these data shapes.
 */

/** Data of `cards/queries-rag.json`. */
export interface RagCardData {
  title: string;
  subtitle: string;
  counts: Array<{ word: string; count: string }>;
  groups: Array<{ label: string; summary: string }>;
  rowsTitle: string;
  rows: Array<{ ref: string; text: string; ragWord: string; color: string; weight: string; subtle: boolean; provenance: string }>;
  notes: Array<{ text: string }>;
  source: string;
}
export const renderRagCard = (data: RagCardData): CardJson => renderTemplate('queries-rag', data);

export interface MetricCardData {
  name: string;
  headline: string;
  periodLabel: string;
  facts: Array<{ title: string; value: string }>;
  flag: string;
  source: string;
}
export const renderMetricCard = (data: MetricCardData): CardJson =>
  renderTemplate('queries-metric', data);

/** Data of `cards/queries-trend.json`: a line chart, and the same figures as a table where charts are not drawn. */
export interface TrendCardData {
  title: string;
  subtitle: string;
  legend: string;
  points: Array<{ x: string; y: number; text: string }>;
  rows: Array<{ label: string; value: string }>;
  source: string;
}
export const renderTrendCard = (data: TrendCardData): CardJson =>
  renderTemplate('queries-trend', data);

/** Data of `cards/queries-crime-table.json`: the board's crime performance table. */
export interface CrimeTableCardData {
  title: string;
  previousLabel: string;
  currentLabel: string;
  rows: Array<{ name: string; previous: string; current: string; change: string; rag: string }>;
  notes: Array<{ text: string }>;
  source: string;
}
export const renderCrimeTableCard = (data: CrimeTableCardData): CardJson =>
  renderTemplate('queries-crime-table', data);

export interface ActionsCardData {
  title: string;
  subtitle: string;
  actions: Array<{
    minute: string;
    meeting: string;
    text: string;
    owners: string;
    status: string;
    age: string;
    due: string;
  }>;
  empty: string;
  source: string;
}
export const renderActionsCard = (data: ActionsCardData): CardJson =>
  renderTemplate('queries-actions', data);

export interface ReportedCardData {
  title: string;
  subtitle: string;
  items: Array<{
    ref: string;
    commitment: string;
    heading: string;
    text: string;
    provenance: string;
  }>;
  empty: string;
  source: string;
}
export const renderReportedCard = (data: ReportedCardData): CardJson =>
  renderTemplate('queries-reported', data);

export interface PeopleCardData {
  title: string;
  subtitle: string;
  people: Array<{ name: string; roles: string; details: string }>;
  note: string;
  source: string;
}
export const renderPeopleCard = (data: PeopleCardData): CardJson =>
  renderTemplate('queries-people', data);

export interface MeetingCardData {
  title: string;
  when: string;
  facts: Array<{ title: string; value: string }>;
  agenda: Array<{ number: string; title: string }>;
  source: string;
}
export const renderMeetingCard = (data: MeetingCardData): CardJson =>
  renderTemplate('queries-meeting', data);

export interface ChoicesCardData {
  prompt: string;
  choices: Array<{ label: string; question: string }>;
}
export const renderChoicesCard = (data: ChoicesCardData): CardJson =>
  renderTemplate('queries-choices', data);

export interface HelpCardData {
  title: string;
  intro: string;
  examples: Array<{ question: string }>;
}
export const renderHelpCard = (data: HelpCardData): CardJson =>
  renderTemplate('queries-help', data);
