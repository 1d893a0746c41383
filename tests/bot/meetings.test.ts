import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueMeetingReminders } from '../../src/features/meetings/meeting-reminders.service.ts';
import { mattersArisingDocument } from '../../src/features/meetings/meetings-reading.service.ts';
import { cardActionActivity, messageActivity, type TeamsUser } from '../helpers/activities.ts';
import { startTestBot, type TestBot } from '../helpers/bot-harness.ts';
import { BACKENDS } from '../helpers/databases.ts';
import { settle } from '../unit/meetings/outbox-settle.ts';

/**
 * Distinct cards a person received: delivery is at least once, so a send retried after a reset
 * connection may reach the connector twice; what a person reads is each card once.
 */
const cardsSentTo = (...args: Parameters<typeof allCardsSentTo>) => [...new Map(allCardsSentTo(...args).map((c) => [JSON.stringify(c), c])).values()];
import { cardsSentTo as allCardsSentTo, cardText, executeActions, teamsUser } from '../helpers/members.ts';
import { appendixAHeader, appendixARows, docxTableRows, unzipEntry } from '../unit/meetings/appendix-a.ts';

/** The rows of a Markdown table, cells trimmed. */
/** What a person reads in a card: the Markdown escapes of user text taken off. */
const shown = (card: unknown) => cardText(card).replace(/\\([\\`*_[\]()#>|~!-])/g, '$1');

const markdownRows = (md: string) =>
  md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('|---')).map((l) => l.slice(2, -2).split(' | ').map((c) => c.trim()));

describe.each(BACKENDS)('meetings, minutes and actions on %s', (backend) => {
  let t: TestBot;
  let steve: TeamsUser, sarah: TeamsUser, mimi: TeamsUser, rob: TeamsUser, ken: TeamsUser, louise: TeamsUser;
  let kenCard: Record<string, any>;
  const say = async (user: TeamsUser, text: string) => t.post(messageActivity(text, t.options(user)));
  const act = async (user: TeamsUser, verb: string, data: unknown) => t.post(cardActionActivity(verb, data, t.options(user)));
  const replyText = (sent: Array<Record<string, any>>) => sent.map((s) => [s.text ?? '', ...(s.attachments ?? []).map((a: any) => shown(a.content))].join('\n')).join('\n');
  const action = (minute: number, seq?: number) =>
    t.bot.ctx.db.prisma.action.findFirstOrThrow({ where: { minute: { number: minute }, ...(seq ? { seq } : { status: { in: ['OPEN', 'PROPOSED_CLOSED'] } }) }, include: { updates: { orderBy: { createdAt: 'asc' } }, closedAtMeeting: true, owners: true } });

  beforeAll(async () => {
    t = await startTestBot(backend, { asOf: '2022-10-20T09:00:00Z' });
    steve = teamsUser(t, 'Steve Wood');
    sarah = teamsUser(t, 'Sarah Newman');
    mimi = teamsUser(t, 'Mimi Morris-Cotterill');
    rob = teamsUser(t, 'Rob Vale');
    ken = teamsUser(t, 'Ken Loyal');
    louise = teamsUser(t, 'Louise Watkinson');
    for (const u of [steve, sarah, mimi, rob, ken, louise]) await say(u, 'hello');
  });
  afterAll(async () => t.stop());

  it('reminds owners of open actions once, five working days before the meeting', async () => {
    const textsTo = (u: TeamsUser, since: number) => t.connector.calls.slice(since).filter((c) => c.activity && c.conversationId === `a:personal-${u.aadObjectId}`).map((c) => c.activity!.text ?? '');
    t.clock.set('2022-10-19T12:00:00Z');
    expect(await dueMeetingReminders(t.bot.ctx)).toEqual({ meetings: 0, queued: 0 });
    t.clock.set('2022-10-20T09:00:00Z');
    const since = t.connector.calls.length;
    expect(await dueMeetingReminders(t.bot.ctx)).toEqual({ meetings: 1, queued: 2 });
    expect(await dueMeetingReminders(t.bot.ctx)).toEqual({ meetings: 1, queued: 0 });
    await settle(t);
    const [toMimi, toLouise] = [textsTo(mimi, since), textsTo(louise, since)];
    expect(toMimi).toHaveLength(1);
    expect(toMimi[0]).toMatch(/The board meets on 27 October 2022\. You have an open action/);
    expect(toMimi[0]).toContain('minute 26 #2: The Chairman requested that an update on the Combating Drugs Partnership');
    expect(toLouise).toHaveLength(1);
    expect(toLouise[0]).toContain('minute 30: It was agreed that a proposal');
    expect(textsTo(rob, since)).toHaveLength(0);
  });

  it('writes the matters arising for 27 October 2022 as the seeds’ Appendix A, as a card and Markdown', async () => {
    const { sent } = await say(steve, 'matters arising for the next meeting');
    expect(markdownRows(sent[0]!.text)).toEqual([appendixAHeader(), ...appendixARows()]);
    const card = shown(sent[0]!.attachments[0].content);
    expect(card).toContain('Matters arising for the meeting of 27 October 2022');
    for (const [label, arising, update] of appendixARows()) for (const text of [label!, arising!, update!]) expect(card).toContain(text);
    const byDate = await say(louise, 'matters arising for the 27 October meeting');
    expect(byDate.sent[0]!.text).toBe(sent[0]!.text);
  });

  it('produces the same report as a Word document', async () => {
    const actor = { personId: (await t.bot.ctx.db.prisma.person.findFirstOrThrow({ where: { name: 'Steve Wood' } })).id, partnershipId: (await t.bot.ctx.db.prisma.partnership.findFirstOrThrow()).id, name: 'Steve Wood', roles: ['OFFICER', 'CLERK'] as const, membership: 'MEMBER' as const };
    const { fileName, docx } = await mattersArisingDocument(t.bot.ctx, { ...actor, roles: [...actor.roles] }, '27 October 2022');
    expect(fileName).toBe('matters-arising-27-october-2022.docx');
    expect(docxTableRows(unzipEntry(docx, 'word/document.xml'))).toEqual([appendixAHeader(), ...appendixARows()]);
  });

  it('keeps the report to officers and the chair', async () => {
    const { sent } = await say(rob, 'matters arising for the next meeting');
    expect(replyText(sent)).toMatch(/Only the officers and the chair can do that/);
  });

  it('records an action in words and tells each owner once; a group’s members each get a card', async () => {
    const since = t.connector.calls.length;
    const message = messageActivity('action for Ken Loyal and All Partners on minute 29: share the Q2 crime dashboard with partners, due 25 October', t.options(steve));
    const { sent } = await t.post(message);
    expect(replyText(sent)).toMatch(/Action #2 with 2 owners/);
    await settle(t);
    const kens = cardsSentTo(t, ken, since);
    expect(kens).toHaveLength(1);
    kenCard = kens[0]!;
    expect(shown(kenCard)).toContain('share the Q2 crime dashboard with partners');
    expect(cardText(kenCard)).toContain('Ken Loyal, All Partners');
    expect(cardText(kenCard)).toContain('25 October 2022');
    for (const u of [rob, mimi, sarah, louise]) expect([u.name, cardsSentTo(t, u, since).length]).toEqual([u.name, 1]);
    const row = await action(29, 2);
    expect(row.owners.map((o) => o.kind).sort()).toEqual(['GROUP', 'PERSON']);
    // Teams resending the same message records nothing more and tells nobody again.
    await t.post(message);
    await settle(t);
    expect(await t.bot.ctx.db.prisma.action.count({ where: { minute: { number: 29 } } })).toBe(2);
    expect(cardsSentTo(t, ken, since)).toHaveLength(1);
  });

  it('refuses actions for someone it does not know, and from partners', async () => {
    expect(replyText((await say(steve, 'action for Joe Bloggs on minute 29: something')).sent)).toMatch(/I don't know "Joe Bloggs"/);
    expect(replyText((await say(rob, 'action for Ken Loyal on minute 29: something')).sent)).toMatch(/Only the partnership officers/);
  });

  it('lets an owner post an update and propose closing from their card, and nobody else use it', async () => {
    const [post, propose] = executeActions(kenCard);
    expect([post!.verb, propose!.verb]).toEqual(['action.update', 'action.proposeClose']);
    const posted = await act(ken, post!.verb, { ...post!.data, updateText: 'Dashboard shared on 21 October.' });
    expect(cardText(posted.body.value)).toMatch(/Update recorded on the minute 29 #2 action/);
    const stolen = await act(rob, propose!.verb, { ...propose!.data });
    expect(JSON.stringify(stolen.body)).toMatch(/This card was sent to someone else/);
    await act(ken, propose!.verb, { ...propose!.data });
    const row = await action(29, 2);
    expect(row.status).toBe('PROPOSED_CLOSED');
    expect(row.updates.map((u) => [u.kind, u.text])).toEqual([['UPDATE', 'Dashboard shared on 21 October.'], ['PROPOSE_CLOSE', 'Proposed for closing.']]);
  });

  it('lets the owner update in words; a partner cannot propose closing or close another’s action', async () => {
    expect(replyText((await say(mimi, 'update on minute 26: the Terms of Reference were agreed on 6 September')).sent)).toMatch(/Update recorded on the minute 26 #2 action/);
    expect(replyText((await say(rob, 'propose closing minute 26 action')).sent)).toMatch(/Only the action’s owners and the officers can change it/);
    expect(replyText((await say(rob, 'close minute 26 action')).sent)).toMatch(/Only the partnership officers can do that/);
    expect(replyText((await say(rob, 'update on minute 26: done')).sent)).toMatch(/Only the action’s owners/);
    const row = await action(26, 2);
    expect(row.status).toBe('OPEN');
    expect(row.updates.map((u) => u.text)).toEqual(['The Assistant Director, LBB Public Health will update the Board at the meeting.', 'the Terms of Reference were agreed on 6 September']);
  });

  it('closes a proposed action when an officer agrees, recording the meeting', async () => {
    await say(mimi, 'propose closing minute 26 action: the Board was updated');
    expect((await action(26, 2)).status).toBe('PROPOSED_CLOSED');
    expect(replyText((await say(sarah, 'close minute 26 action at the 27 October meeting')).sent)).toMatch(/closed at the meeting of 2022-10-27/);
    const row = await action(26, 2);
    expect(row.status).toBe('CLOSED');
    expect(row.closedAtMeeting?.startsAt.toISOString()).toBe('2022-10-27T09:30:00.000Z');
    const audit = await t.bot.ctx.db.prisma.auditEntry.findMany({ where: { entity: 'Action', entityId: row.id, action: { startsWith: 'action.' } }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['action.update', 'action.proposeClose', 'action.close']);
  });

  it('lets officers reassign, set a due date and drop with a reason', async () => {
    const since = t.connector.calls.length;
    expect(replyText((await say(steve, 'reassign minute 30 action to the Chair and Sarah Newman')).sent)).toMatch(/now belongs to Chair, Sarah Newman/);
    expect(replyText((await say(steve, 'set the due date for minute 30 action to 4 January 2023')).sent)).toMatch(/now due 2023-01-04/);
    expect(replyText((await say(steve, 'drop minute 30 action')).sent)).toMatch(/Why is it dropped/);
    expect(replyText((await say(steve, 'drop minute 30 action: overtaken by the Strategy Day')).sent)).toMatch(/dropped: overtaken by the Strategy Day/);
    await settle(t);
    expect(cardsSentTo(t, sarah, since).map((c) => shown(c).split('\n')[0])).toEqual(['New action for you: minute 30']);
    const row = await action(30, 1);
    expect(row.status).toBe('DROPPED');
    expect(row.updates.map((u) => u.kind).slice(1)).toEqual(['REASSIGN', 'SET_DUE', 'DROP']);
  });

  it('tells the history of a minute', async () => {
    const { sent } = await say(rob, 'what happened to minute 30?');
    const text = shown(sent[0]!.attachments[0].content);
    expect(text).toContain('Minute 30: BROMLEY COMMUNITY SAFETY PARTNERSHIP STRATEGY 2020-23');
    expect(text).toContain('RESOLVED, that a further update be brought to the next meeting');
    expect(text).toMatch(/19 October 2022: Update by Steve Wood: The Head of Domestic Regulation/);
    expect(text).toMatch(/Dropped by Steve Wood: overtaken by the Strategy Day/);
  });

  it('records a meeting, a minute and an action from the officer’s card', async () => {
    const { sent } = await say(steve, 'record minutes');
    const form = sent[0]!.attachments[0].content;
    const record = executeActions(form)[0]!;
    const since = t.connector.calls.length;
    const { body } = await act(steve, record.verb, {
      ...record.data, meetingDate: '2022-10-27', meetingTime: '10:30', minuteNumber: '40', minuteTitle: 'CRIME PERFORMANCE DASHBOARD',
      minuteText: 'The Police presented Q1 and Q2.\n\nRESOLVED, that the update be noted.', actionText: 'Circulate the Q2 dashboard', owners: 'Clerk, Victim Support', dueOn: '2022-11-30',
    });
    expect(cardText(body.value)).toMatch(/Minute 40 recorded with action #1/);
    const minute = await t.bot.ctx.db.prisma.minute.findFirstOrThrow({ where: { number: 40 }, include: { actions: { include: { owners: true } }, meeting: true } });
    expect(minute.resolution).toBe('RESOLVED, that the update be noted.');
    expect(minute.meeting.startsAt.toISOString()).toBe('2022-10-27T09:30:00.000Z');
    expect(minute.actions[0]!.owners.map((o) => o.kind).sort()).toEqual(['ORGANISATION', 'ROLE']);
    await settle(t);
    expect(cardsSentTo(t, steve, since)).toHaveLength(1);
    const refused = await act(rob, record.verb, { ...record.data, meetingDate: '2022-10-27', minuteNumber: '41', minuteTitle: 'X' });
    expect(JSON.stringify(refused.body)).toMatch(/This card was sent to someone else/);
  });
});
