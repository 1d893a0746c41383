import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_ID, TENANT_ID, cardActionActivity, channelMessageActivity, conversationUpdateActivity, messageActivity, type TeamsUser } from '../helpers/activities.ts';
import { startTestBot, type TestBot } from '../helpers/bot-harness.ts';
import { BACKENDS } from '../helpers/databases.ts';
import { settle } from '../unit/meetings/outbox-settle.ts';

/**
 * Distinct cards a person received: delivery is at least once, so a send retried after a reset
 * connection may reach the connector twice; what a person reads is each card once.
 */
const cardsSentTo = (...args: Parameters<typeof allCardsSentTo>) => [...new Map(allCardsSentTo(...args).map((c) => [JSON.stringify(c), c])).values()];
import { cardsSentTo as allCardsSentTo, cardText, executeActions, teamsUser } from '../helpers/members.ts';

const CHANNEL = '19:channel@thread.tacv2';
/** What a person reads in a card: the Markdown escapes of user text taken off. */
const shown = (card: unknown) => cardText(card).replace(/\\([\\`*_[\]()#>|~!-])/g, '$1');

describe.each(BACKENDS)('channel digest after a meeting on %s', (backend) => {
  let t: TestBot;
  let steve: TeamsUser, sarah: TeamsUser, mimi: TeamsUser, ken: TeamsUser, rob: TeamsUser;
  let hiddenNarrative: string;
  const say = async (user: TeamsUser, text: string) => t.post(messageActivity(text, t.options(user)));
  const inChannel = async (user: TeamsUser, text: string) => t.post(channelMessageActivity(text, t.options(user)));
  const texts = (sent: Array<Record<string, any>>) => sent.map((s) => s.text ?? '').join('\n');
  /** Digest cards that reached the channel, in order. */
  const channelPosts = () =>
    t.connector.calls.filter((c) => c.activity && c.conversationId === CHANNEL && c.method === 'POST' && (c.activity.attachments ?? []).length).map((c) => c.activity!.attachments[0].content);
  const meetingEnd = (user: TeamsUser) => ({
    type: 'event',
    name: 'application/vnd.microsoft.meetingEnd',
    id: `end-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl: t.connector.url,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: BOT_ID, name: 'Partnership Board' },
    conversation: { id: '19:meeting_board@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID }, meeting: { id: 'board-meeting' } },
    value: { Id: 'board-meeting', MeetingType: 'Scheduled', JoinUrl: 'https://teams.example/join', Title: 'Safer Bromley Partnership Board', EndTime: '2022-10-27T11:30:00Z' },
  });

  beforeAll(async () => {
    t = await startTestBot(backend, { asOf: '2022-10-20T09:00:00Z' });
    [steve, sarah, mimi, ken, rob] = ['Steve Wood', 'Sarah Newman', 'Mimi Morris-Cotterill', 'Ken Loyal', 'Rob Vale'].map((n) => teamsUser(t, n)) as [TeamsUser, TeamsUser, TeamsUser, TeamsUser, TeamsUser];
    for (const u of [steve, sarah, mimi, ken, rob]) await say(u, 'hello');
  });
  afterAll(async () => t.stop());

  it('registers the team’s channel when a member adds the bot', async () => {
    await t.post(conversationUpdateActivity({ ...t.options(sarah), membersAdded: [{ id: BOT_ID }] }));
    const refs = await t.bot.ctx.db.prisma.conversationRef.findMany({ where: { digestChannel: true } });
    expect(refs.map((r) => [r.conversationId, r.kind, r.teamId])).toEqual([['19:team', 'CHANNEL', '19:team']]);
  });

  it('moves digests to a channel when an officer says "post digests here", and only an officer', async () => {
    expect(texts((await inChannel(rob, 'post digests here')).sent)).toMatch(/Only the partnership officers/);
    expect(texts((await inChannel(steve, 'post digests here')).sent)).toMatch(/meeting digests will be posted in this channel/);
    const refs = await t.bot.ctx.db.prisma.conversationRef.findMany({ where: { digestChannel: true } });
    expect(refs.map((r) => r.conversationId)).toEqual([CHANNEL]);
    // Without the @mention the channel message is not for the bot.
    const plain = channelMessageActivity('post digests here', t.options(steve));
    const { sent } = await t.post({ ...plain, entities: [], text: 'post digests here' });
    expect(texts(sent)).not.toMatch(/digests will be posted/);
  });

  it('posts one digest for the 27 October meeting however often it is triggered, with items for owners', async () => {
    const prisma = t.bot.ctx.db.prisma;
    // The Q3 round: Rob answers two Priority 4 commitments, one narrative for the board only.
    const preview = (await say(sarah, 'open the Q3 round for priority 4, due 12 January')).sent[0]!.attachments[0].content;
    const confirm = executeActions(preview).find((a) => a.title === 'Send the cards')!;
    const opened = t.connector.calls.length;
    await t.post(cardActionActivity(confirm.verb, confirm.data, t.options(sarah)));
    await settle(t);
    const robCard = cardsSentTo(t, rob, opened)[0]!;
    const [shownRef, hiddenRef] = [...JSON.stringify(robCard).matchAll(/"id":"rag-([\d.]+)"/g)].map((m) => m[1]!);
    hiddenNarrative = 'Confidential: a named trader is under investigation.';
    await t.post(cardActionActivity('round.submit', {
      sentCardId: executeActions(robCard)[0]!.data.sentCardId,
      [`mode-${shownRef}`]: 'update', [`rag-${shownRef}`]: 'Amber', [`narrative-${shownRef}`]: 'Two rogue trader cases are still open.', [`boardOnly-${shownRef}`]: 'false',
      [`mode-${hiddenRef}`]: 'update', [`rag-${hiddenRef}`]: 'Red', [`narrative-${hiddenRef}`]: hiddenNarrative, [`boardOnly-${hiddenRef}`]: 'true',
    }, t.options(rob)));
    expect(await prisma.narrative.count({ where: { text: hiddenNarrative, boardOnly: true } })).toBe(1);

    t.clock.set('2022-10-27T12:00:00Z');
    await say(steve, 'minute 40: CRIME PERFORMANCE DASHBOARD. The Police presented Q1 and Q2.\n\nRESOLVED, that the update be noted.');
    await say(steve, 'action for Ken Loyal on minute 40: circulate the Q2 dashboard to partners, due 30 November');
    await settle(t);
    const since = t.connector.calls.length;

    const first = await say(steve, 'mark the 27 October meeting held');
    expect(texts(first.sent)).toMatch(/The meeting of 27 October 2022 is marked held\. The digest is being posted/);
    const second = await say(steve, 'mark the 27 October meeting held');
    expect(texts(second.sent)).toMatch(/already posted, so nothing more was sent/);
    await t.post(meetingEnd(steve));
    await settle(t);

    const posts = channelPosts();
    expect(posts).toHaveLength(1);
    const digest = shown(posts[0]);
    expect(digest).toContain('Board meeting of 27 October 2022: digest');
    expect(digest).toContain('Minute 40 (CRIME PERFORMANCE DASHBOARD): RESOLVED, that the update be noted.');
    expect(digest).toContain('minute 40: circulate the Q2 dashboard to partners (Owners: Ken Loyal; due 30 November 2022)');
    for (const m of [23, 29, 31, 33]) expect(digest).toMatch(new RegExp(`minute ${m}( #\\d)?: .*\\(Closed 26 October 2022\\)`));
    expect(digest).toContain('RAG changes, Q2 2022/23 to Q3 2022/23');
    expect(digest).toMatch(new RegExp(`${shownRef!.replace(/\./g, '\\.')} .*: Achieved → Amber\\. Two rogue trader cases are still open\\.`));
    expect(digest).toMatch(new RegExp(`${hiddenRef!.replace(/\./g, '\\.')} .*: Achieved → Red`));
    expect(digest).toContain('Hate Crime');
    expect(digest).toMatch(/513 \(.*\) → 805 \(.*\), \+56\.9% \(printed \+44: the figures give \+56\.9%\)/);
    expect(digest).toContain('Next meeting: 4 January 2023');
    expect(digest).not.toContain(hiddenNarrative);
    const boardOnly = await prisma.narrative.findMany({ where: { boardOnly: true }, select: { text: true } });
    for (const n of boardOnly) expect(digest).not.toContain(n.text.replace(/\s+/g, ' ').slice(0, 60));

    const kens = cardsSentTo(t, ken, since).map(shown);
    expect(kens).toHaveLength(1);
    expect(kens[0]).toContain('Your items after the meeting of 27 October 2022');
    expect(kens[0]).toContain('minute 40: circulate the Q2 dashboard to partners, due 30 November 2022');
    expect(cardsSentTo(t, mimi, since).map(shown)[0]).toContain('minute 26 #2: The Chairman requested');
    expect(cardsSentTo(t, rob, since)).toHaveLength(0);
    expect(cardsSentTo(t, sarah, since).map(shown)[0]).toMatch(/Q3 2022\/23 round: \d+ updates owed, due 12 January 2023/);
    const digests = await prisma.digest.findMany();
    expect(digests.map((d) => [d.trigger, d.repostCount])).toEqual([['held', 0]]);
  });

  it('still posts nothing more after a restart, whatever triggers it', async () => {
    await t.restart();
    const since = t.connector.calls.length;
    await t.post(meetingEnd(sarah));
    expect(texts((await say(sarah, 'publish the minutes of the 27 October meeting')).sent)).toMatch(/are published\. Its digest was already posted/);
    await settle(t);
    expect(channelPosts()).toHaveLength(1);
    expect(t.connector.calls.slice(since).filter((c) => c.activity?.attachments?.length)).toHaveLength(0);
    const meeting = await t.bot.ctx.db.prisma.meeting.findFirstOrThrow({ where: { startsAt: new Date('2022-10-27T09:30:00Z') } });
    expect(meeting.status).toBe('HELD');
    expect(meeting.minutesPublishedAt).not.toBeNull();
  });

  it('reposts only on an officer’s explicit command', async () => {
    expect(texts((await say(rob, 'repost the digest')).sent)).toMatch(/Only the partnership officers/);
    const since = t.connector.calls.length;
    expect(texts((await say(steve, 'repost the digest')).sent)).toMatch(/Reposted the digest of the meeting of 27 October 2022 \(repost 1\)/);
    await settle(t);
    expect(channelPosts()).toHaveLength(2);
    expect(shown(channelPosts()[1])).not.toContain(hiddenNarrative);
    expect(cardsSentTo(t, ken, since)).toHaveLength(0);
  });
});
