import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_HELP } from '../../src/features/identity/identity.service.ts';
import { BOT_ID, cardActionActivity, installActivity, messageActivity, type TeamsUser } from '../helpers/activities.ts';
import { startTestBot, type TestBot } from '../helpers/bot-harness.ts';
import { BACKENDS } from '../helpers/databases.ts';
import { cardText, executeActions, teamsUser } from '../helpers/members.ts';

const TEAM = { id: '19:team-general@thread.tacv2', name: 'Safer Bromley Partnership' };
const DIGESTS = '19:team-digests@thread.tacv2';

/** Every Action.Submit in a card, with its title and data. */
const submitActions = (card: Record<string, any>): Array<{ title: string; data: Record<string, any> }> =>
  (card.actions ?? []).filter((a: { type: string }) => a.type === 'Action.Submit');

describe.each(BACKENDS)('first contact on %s', (backend) => {
  let t: TestBot;
  let rob: TeamsUser, louise: TeamsUser, mimi: TeamsUser, sarah: TeamsUser;
  const personal = (u: TeamsUser) => t.options(u);
  const inChannel = (u: TeamsUser, channelId: string) => {
    const o = t.options(u, { conversation: { id: channelId, conversationType: 'channel' } });
    return { o, channelData: { tenant: { id: '00000000-0000-4000-8000-00000000b401' }, team: TEAM, channel: { id: channelId } } };
  };
  const install = (u: TeamsUser) => t.post(installActivity(personal(u)));
  const uninstall = (u: TeamsUser) => t.post({ ...installActivity(personal(u)), action: 'remove' });
  const botJoinsPersonal = (u: TeamsUser) =>
    t.post({ ...installActivity(personal(u)), type: 'conversationUpdate', action: undefined, membersAdded: [{ id: u.id }, { id: BOT_ID }] });
  const botJoinsTeam = (u: TeamsUser, channelId: string, type: 'conversationUpdate' | 'installationUpdate') => {
    const { o, channelData } = inChannel(u, channelId);
    const base = { ...installActivity(o), channelData };
    return t.post(type === 'conversationUpdate' ? { ...base, type, action: undefined, membersAdded: [{ id: BOT_ID }] } : base);
  };
  const press = (u: TeamsUser, data: Record<string, any>, channelId?: string) => {
    if (!channelId) return t.post({ ...messageActivity('', personal(u)), text: undefined, value: data });
    const { o, channelData } = inChannel(u, channelId);
    return t.post({ ...messageActivity('', o), text: undefined, value: data, channelData });
  };
  const cardsIn = (sent: Array<Record<string, any>>) => sent.flatMap((a) => (a.attachments ?? []).map((x: { content: Record<string, any> }) => x.content));

  beforeAll(async () => {
    t = await startTestBot(backend, { asOf: '2022-10-20T09:00:00+01:00' });
    rob = teamsUser(t, 'Rob Vale');
    louise = teamsUser(t, 'Louise Watkinson');
    mimi = teamsUser(t, 'Mimi Morris-Cotterill');
    sarah = teamsUser(t, 'Sarah Newman');
  });
  afterAll(async () => t.stop());

  it('greets a partner by name with the commitments they answer for, once per install', async () => {
    const { sent } = await install(rob);
    expect(sent).toHaveLength(1);
    const card = cardsIn(sent)[0]!;
    const text = cardText(card);
    expect(text).toContain('Hello Rob');
    expect(text).toMatch(/Trading Standards/);
    expect(text).toMatch(/\b4\.\d+\.\d+/);
    expect(text).toContain('No open actions from the minutes.');
    expect(submitActions(card).map((a) => a.title)).toEqual(['What I owe', 'My actions', 'Help']);
    const again = await botJoinsPersonal(rob);
    expect(again.sent).toHaveLength(0);
  });

  it('shows the open actions a member owns, including those of their role', async () => {
    const mimis = cardText(cardsIn((await install(mimi)).sent)[0]);
    expect(mimis).toContain('Hello Mimi');
    expect(mimis).toMatch(/Minute 26 \(17 August 2022\)/);
    const chairs = cardText(cardsIn((await botJoinsPersonal(louise)).sent)[0]);
    expect(chairs).toContain('Hello Louise');
    expect(chairs).toMatch(/Minute 30 \(17 August 2022\)/);
    expect(chairs).not.toMatch(/Minute 26/);
  });

  it('answers each button as if the question had been typed', async () => {
    const card = cardsIn((await uninstall(rob).then(() => install(rob))).sent)[0]!;
    const [owe, actions, help] = submitActions(card).map((a) => a.data);
    expect((await press(rob, owe!)).sent[0]!.text).toBe('There is no open reporting round.');
    const mine = await press(rob, actions!);
    expect(cardText(mine.sent[0]!.attachments[0].content)).toContain('Your outstanding actions');
    expect(cardText((await press(rob, help!)).sent[0])).toContain('What you can ask');
  });

  it('lists what a partner still owes once a round is open, after a reinstall', async () => {
    const preview = (await t.post(messageActivity('open the Q3 round for priority 4, due 12 January', personal(sarah)))).sent[0]!.attachments[0].content;
    const confirm = executeActions(preview).find((a) => a.title === 'Send the cards')!;
    await t.post(cardActionActivity(confirm.verb, confirm.data, personal(sarah)));
    await t.bot.ctx.outbox.drain();
    await uninstall(rob);
    const text = cardText(cardsIn((await install(rob)).sent)[0]);
    expect(text).toMatch(/For the Q3 2022\/23 round \(due 2023-01-12\) you still owe: 4\.\d+\.\d+/);
  });

  it('tells a stranger how to get access, and nothing else', async () => {
    const stranger = teamsUser(t, 'Jo Visitor', 'jo.visitor@example.net');
    const { sent } = await install(stranger);
    expect(sent).toEqual([expect.objectContaining({ text: ACCESS_HELP })]);
    expect(sent[0]!.attachments ?? []).toHaveLength(0);
    expect((await botJoinsPersonal(stranger)).sent).toHaveLength(0);
  });

  it('introduces itself to a team exactly once and offers to register the channel for digests', async () => {
    const first = await botJoinsTeam(sarah, TEAM.id, 'conversationUpdate');
    const intro = cardsIn(first.sent);
    expect(intro).toHaveLength(1);
    expect(cardText(intro[0])).toContain('Partnership Board has joined the team');
    expect(first.sent[0]!.conversation.id).toBe(TEAM.id);
    expect((await botJoinsTeam(sarah, TEAM.id, 'installationUpdate')).sent).toHaveLength(0);
    expect((await botJoinsTeam(louise, DIGESTS, 'conversationUpdate')).sent).toHaveLength(0);
    // The digests feature still saw the bot join: the team's channel became the digest channel.
    const general = await t.bot.ctx.db.prisma.conversationRef.findUnique({ where: { conversationId: TEAM.id } });
    expect(general?.digestChannel).toBe(true);

    const button = submitActions(intro[0]!).find((a) => a.title === 'Post digests here')!;
    const { sent } = await press(sarah, button.data, DIGESTS);
    expect(sent[0]!.text).toBe('Done: meeting digests will be posted in this channel.');
    const digests = await t.bot.ctx.db.prisma.conversationRef.findMany({ where: { digestChannel: true } });
    expect(digests.map((d) => d.conversationId)).toEqual([DIGESTS]);
  });

  it('lets only officers move the digests, whoever presses the button', async () => {
    const button = { verb: 'welcome.ask', question: 'post digests here' };
    const { sent } = await press(rob, button, TEAM.id);
    expect(sent[0]!.text).toMatch(/Only the partnership officers can do that/);
  });
});
