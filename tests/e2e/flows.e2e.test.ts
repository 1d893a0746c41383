import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_HELP } from '../../src/features/identity/identity.service.ts';
import { cardText } from '../helpers/members.ts';
import { startEnvironment, type Environment } from './environment.ts';
import type { PlaygroundClient } from './playground-client.ts';

/** The Action.Execute / Action.Submit actions of a card, by title. */
const action = (card: Record<string, any>, title: string) => (card.actions as Array<Record<string, any>>).find((a) => a.title === title)!;
const inputIds = (card: Record<string, any>) => [...JSON.stringify(card).matchAll(/"id":"([a-zA-Z]+-[\d.]+)"/g)].map((m) => m[1]!);

/**
 * The main flows through the Playground's own API: what the bot sends is what the Playground
 * pushes to its UI. Steps share one bot and Playground and run in order, as people would.
 */
describe('the bot in Microsoft 365 Agents Playground (API)', () => {
  let env: Environment;
  let c: PlaygroundClient;
  let robCard: { id: string; card: Record<string, any> };
  let ref: string;
  const user = (name: string) => c.ids.users[name]!;

  beforeAll(async () => {
    env = await startEnvironment('flows');
    c = env.client;
  });
  afterAll(async () => env?.stop());

  it('greets the partner by name with what is theirs when the personal chat opens', async () => {
    const since = c.mark();
    await c.install(c.ids.personalChat);
    const { card } = await c.botCard(since, c.ids.personalChat, 'the welcome card');
    expect(cardText(card)).toContain('Hello Rob');
    expect(cardText(card)).toMatch(/Trading Standards\n[\d.]+, /);
    const again = c.mark();
    await c.install(c.ids.personalChat);
    await c.say(c.ids.personalChat, 'help');
    await c.botReply(again, c.ids.personalChat, 'the help answer');
    const greetings = c.pushes.slice(again).filter((p) => cardText(p.message.attachments?.[0]?.content).includes('Hello Rob'));
    expect(greetings).toHaveLength(0);
  });

  it('introduces itself once in the team', async () => {
    const since = c.mark();
    await c.install(c.ids.team);
    const { card } = await c.botCard(since, c.ids.team, 'the team introduction');
    expect(cardText(card)).toContain('Partnership Board has joined the team');
    await c.install(c.ids.channels['Board digests']!);
    await c.install(c.ids.groupChat);
    await c.sayAs(user('Sarah Newman'), c.ids.groupChat, 'help');
    await c.botReply(since, c.ids.groupChat, 'the help answer in the group chat');
    const intros = c.pushes.slice(since).filter((p) => cardText(p.message.attachments?.[0]?.content).includes('has joined the team'));
    expect(intros).toHaveLength(1);
  });

  it('answers a RAG question with a card', async () => {
    const since = c.mark();
    await c.say(c.ids.personalChat, 'What is the RAG for priority 4?');
    const { card } = await c.botCard(since, c.ids.personalChat, 'the RAG card');
    expect(cardText(card)).toContain('RAG for Priority 4: Stand Together Against Hate Crime and Extremism');
    expect(cardText(card)).toMatch(/Achieved/);
  });

  it('shows the crime table and the hate crime trend as the board printed them', async () => {
    const since = c.mark();
    await c.say(c.ids.personalChat, 'crime table');
    const { card } = await c.botCard(since, c.ids.personalChat, 'the crime table');
    expect(cardText(card)).toContain('Rolling Year Jan 21');
    expect(cardText(card)).toMatch(/Total Notifiable Offences\n21,328\n24,594\n\+14/);
    const trend = c.mark();
    await c.say(c.ids.personalChat, 'hate crime trend');
    const chart = (await c.botCard(trend, c.ids.personalChat, 'the trend chart')).card;
    expect(JSON.stringify(chart)).toContain('"type":"Chart.Line"');
    expect(cardText(chart)).toContain('Rolling Year Jan 20');
  });

  it('tells a stranger in the group chat how to get access', async () => {
    const since = c.mark();
    await c.sayAs(user('Jo Visitor'), c.ids.groupChat, 'What is the RAG for priority 4?');
    expect(await c.botText(since, c.ids.groupChat, 'the access help')).toBe(ACCESS_HELP);
  });

  it('lets the officer open a round from the group chat, and the partner’s card arrives in his personal chat', async () => {
    const officer = user('Sarah Newman');
    let since = c.mark();
    await c.sayAs(officer, c.ids.groupChat, 'open the Q3 round for priority 4, due 12 January');
    const preview = await c.botCard(since, c.ids.groupChat, 'the round preview');
    expect(cardText(preview.card)).toContain('Open the Q3 2022/23 round?');
    const send = action(preview.card, 'Send the cards');
    since = c.mark();
    const response = await c.execute(c.ids.groupChat, preview.push.message.messageId, send.verb, send.data, officer);
    expect(cardText(response.value)).toMatch(/Sent \d+ cards to 4 partners/);
    const arrived = await c.botCard(since, c.ids.personalChat, 'Rob’s round card');
    robCard = { id: arrived.push.message.messageId, card: arrived.card };
    expect(cardText(robCard.card)).toContain('Q3 2022/23 update for Rob Vale');
  });

  it('records Amber and a narrative from the partner’s card, which turns read-only', async () => {
    ref = inputIds(robCard.card).find((id) => id.startsWith('rag-'))!.slice('rag-'.length);
    const submit = (robCard.card.actions as Array<Record<string, any>>).find((a) => a.verb === 'round.submit')!;
    const narrative = `Rogue trader cases reviewed (${Date.now()}).`;
    const response = await c.execute(c.ids.personalChat, robCard.id, submit.verb, {
      ...submit.data,
      [`mode-${ref}`]: 'update',
      [`rag-${ref}`]: 'Amber',
      [`narrative-${ref}`]: narrative,
    });
    const readOnly = response.value as Record<string, any>;
    expect(cardText(readOnly)).toContain(`${ref}: Amber`);
    expect(JSON.stringify(readOnly)).not.toMatch(/"type":"Input\./);
    const stored = await env.bot.ctx.db.prisma.narrative.findFirst({ where: { commitment: { ref }, text: narrative, supersededAt: null } });
    expect(stored?.source).toBe('CARD');
  });

  it('answers the welcome card’s “What I owe” button', async () => {
    const welcome = c.pushes.find((p) => p.actionConversationId === c.ids.personalChat && cardText(p.message.attachments?.[0]?.content).includes('Hello Rob'))!;
    const owe = action(welcome.message.attachments![0]!.content, 'What I owe');
    const since = c.mark();
    await c.submit(c.ids.personalChat, welcome.message.messageId, owe.data);
    const text = await c.botText(since, c.ids.personalChat, 'what Rob still owes');
    expect(text).toMatch(/^For the Q3 2022\/23 round \(due 2023-01-12\) you still owe: /);
    expect(text).not.toContain(` ${ref},`);
  });

  it('answers the chair’s question about outstanding actions', async () => {
    const since = c.mark();
    await c.sayAs(user('Louise Watkinson'), c.ids.groupChat, 'outstanding actions');
    const { card } = await c.botCard(since, c.ids.groupChat, 'the actions card');
    expect(cardText(card)).toContain('Outstanding actions');
    expect(cardText(card)).toMatch(/Minute 26[\s\S]*Minute 30/);
  });

  it('posts the meeting digest in the channel the officer registered', async () => {
    const officer = user('Sarah Newman');
    const channel = c.ids.channels['Board digests']!;
    let since = c.mark();
    await c.sayAs(officer, channel, 'post digests here');
    expect(await c.botText(since, channel, 'the registration')).toBe('Done: meeting digests will be posted in this channel.');
    since = c.mark();
    await c.sayAs(officer, channel, 'publish the minutes of the 17 August meeting');
    const { card } = await c.botCard(since, channel, 'the digest');
    expect(cardText(card)).toContain('Board meeting of 17 August 2022: digest');
    expect(cardText(card)).toMatch(/Minute 26 \(COMBATING DRUGS PARTNERSHIP\)/);
  });
});
