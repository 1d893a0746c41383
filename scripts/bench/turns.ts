import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { cardActionActivity, messageActivity, type TeamsUser } from '../../tests/helpers/activities.ts';
import type { FakeConnector } from '../../tests/helpers/fake-connector.ts';
import { exampleEmail } from '../../tests/helpers/members.ts';

/** The five turns every target is timed on. */
export const TURN_KINDS = ['rag', 'actions', 'figure', 'submit', 'open-round'] as const;
export type TurnKind = (typeof TURN_KINDS)[number];
export const TURN_LABELS: Record<TurnKind, string> = {
  rag: 'RAG question ("what is the current RAG?")',
  actions: '"outstanding actions"',
  figure: 'a figure ("latest hate crime figure")',
  submit: 'card submit (round.submit invoke, writes a new version)',
  'open-round': 'opening a round (officer, drafts it and gets the preview card)',
};

/** Rob Vale's Q3 round card, answered again and again by the card-submit turn. */
export interface RoundCard {
  sentCardId: string;
  ref: string;
}

/** Somewhere turns are posted: the floor, or the bot on one database. */
export interface Target {
  name: string;
  url: string;
  connector: FakeConnector;
  officer: TeamsUser;
  partner: TeamsUser;
  card?: RoundCard;
  /** The floor only echoes: its turns count on any reply, a bot's only on the answer asked for. */
  echoes?: boolean;
}

/** A person of the example in the fake connector's roster, so TeamsInfo.getMember finds their email. */
export function rosterUser(connector: FakeConnector, name: string): TeamsUser {
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
  const email = exampleEmail(name);
  const user = { id: `29:${slug}`, name, aadObjectId: `aad-${slug}` };
  connector.members.set(user.id, { ...user, email, userPrincipalName: email });
  return user;
}

export function target(name: string, url: string, connector: FakeConnector): Target {
  return { name, url, connector, officer: rosterUser(connector, 'Sarah Newman'), partner: rosterUser(connector, 'Rob Vale') };
}

export interface Posted {
  status: number;
  body: any;
  /** Activities the bot sent to the connector during the request. */
  sent: Array<Record<string, any>>;
  ms: number;
}

/** Posts one activity; the clock stops when the HTTP answer (after the last reply) is in. */
export async function post(t: Target, activity: Record<string, any>): Promise<Posted> {
  const since = t.connector.calls.length;
  const started = performance.now();
  const response = await fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await response.text();
  const ms = performance.now() - started;
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  return { status: response.status, body, sent: t.connector.sentActivities(since), ms };
}

export const say = (t: Target, user: TeamsUser, text: string) => post(t, messageActivity(text, { serviceUrl: t.connector.url, from: user }));
const act = (t: Target, user: TeamsUser, verb: string, data: unknown) => post(t, cardActionActivity(verb, data, { serviceUrl: t.connector.url, from: user }));

const NARRATIVES = ['Two rogue trader cases are still open; both are with the courts.', 'Both rogue trader cases closed this quarter; one conviction.'];

/** The activity for turn `i` of a kind, addressed to the target. */
export function turnActivity(t: Target, kind: TurnKind, i: number): Record<string, any> {
  const o = (from: TeamsUser) => ({ serviceUrl: t.connector.url, from });
  switch (kind) {
    case 'rag':
      return messageActivity('what is the current RAG?', o(t.officer));
    case 'actions':
      return messageActivity('outstanding actions', o(t.officer));
    case 'figure':
      return messageActivity('latest hate crime figure', o(t.officer));
    case 'open-round':
      // Q4 has no open round (prepareBot opened Q3), so each turn drafts one and previews it.
      return messageActivity('open the Q4 2022/23 round for priority 1, due 12 April', o(t.officer));
    case 'submit': {
      const card = t.card ?? { sentCardId: 'floor', ref: '0.0.0' };
      const r = card.ref;
      const data = { sentCardId: card.sentCardId, [`mode-${r}`]: 'update', [`rag-${r}`]: 'Amber', [`narrative-${r}`]: NARRATIVES[i % 2], [`support-${r}`]: 'false', [`boardOnly-${r}`]: 'false' };
      return cardActionActivity('round.submit', data, o(t.partner));
    }
  }
}

/**
 * One timed turn. It counts only if the answer asked for reached the connector before the POST
 * returned (an invoke's answer is its body): the answer card to a question, the preview of the
 * drafted round, the card after a submit; the floor's echo for the floor. Returns the
 * milliseconds, or an error.
 */
export async function timeTurn(t: Target, kind: TurnKind, i: number): Promise<number | Error> {
  const r = await post(t, turnActivity(t, kind, i)).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  if (r instanceof Error) return r;
  if (r.status !== 200) return new Error(`${t.name} ${kind}: HTTP ${r.status}`);
  return answered(t, kind, r) ? r.ms : new Error(`${t.name} ${kind}: not the answer asked for: ${JSON.stringify(kind === 'submit' ? r.body : r.sent).slice(0, 300)}`);
}

function answered(t: Target, kind: TurnKind, r: Posted): boolean {
  if (kind === 'submit') return r.body?.type === 'application/vnd.microsoft.card.adaptive';
  const messages = r.sent.filter((a) => a.type === 'message');
  if (t.echoes) return messages.length > 0;
  if (kind === 'open-round') return messages.some((a) => JSON.stringify(a.attachments ?? []).includes('Send the cards'));
  return messages.some((a) => a.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive');
}

/**
 * Gets a bot ready for the turns: both people say hello, the officer opens the Q3 round for
 * Priority 4 and sends the cards, and Rob Vale's card is read back from the connector.
 */
export async function prepareBot(t: Target): Promise<RoundCard> {
  await say(t, t.officer, 'hello');
  await say(t, t.partner, 'hello');
  await openRound(t, 4);
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    const card = partnerCard(t);
    if (card) return card;
    await sleep(100);
  }
  throw new Error(`${t.name}: Rob Vale's round card never reached the connector`);
}

/** The officer opens the Q3 round for a priority and presses "Send the cards" on the preview. */
export async function openRound(t: Target, priority: number): Promise<void> {
  const { sent } = await say(t, t.officer, `open the Q3 round for priority ${priority}, due 12 January`);
  const preview = sent.find((a) => a.attachments?.length)?.attachments[0].content;
  const confirm = (preview?.actions ?? []).find((a: { title?: string }) => a.title === 'Send the cards');
  if (!confirm) throw new Error(`${t.name}: no "Send the cards" in the round preview: ${JSON.stringify(sent).slice(0, 400)}`);
  const { status } = await act(t, t.officer, confirm.verb, confirm.data);
  if (status !== 200) throw new Error(`${t.name}: "Send the cards" answered HTTP ${status}`);
}

function partnerCard(t: Target): RoundCard | undefined {
  const conversation = `a:personal-${t.partner.aadObjectId}`;
  for (const call of t.connector.delivered) {
    if (call.conversationId !== conversation) continue;
    const json = JSON.stringify(call.activity?.attachments ?? []);
    const sentCardId = /"sentCardId":"([^"]+)"/.exec(json)?.[1];
    const ref = /"id":"rag-([\d.]+)"/.exec(json)?.[1];
    if (sentCardId && ref) return { sentCardId, ref };
  }
  return undefined;
}
