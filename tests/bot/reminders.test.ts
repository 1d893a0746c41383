import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardActionActivity, messageActivity, type TeamsUser } from '../helpers/activities.ts';
import { startTestBot, type TestBot } from '../helpers/bot-harness.ts';
import { BACKENDS } from '../helpers/databases.ts';
import { cardText, executeActions, teamsUser } from '../helpers/members.ts';

describe.each(BACKENDS)('reminders and chasers on %s', (backend) => {
  let t: TestBot;
  let officer: TeamsUser, chair: TeamsUser, rob: TeamsUser, ken: TeamsUser, stuart: TeamsUser;
  let mark = 0;
  const say = async (user: TeamsUser, text: string) => t.post(messageActivity(text, t.options(user)));
  const prisma = () => t.bot.ctx.db.prisma;

  /** Runs the scheduler at a London-time instant and delivers what it queued. */
  async function at(instant: string): Promise<void> {
    mark = t.connector.delivered.length;
    t.clock.set(instant);
    await t.bot.scheduler.runDue();
    await t.bot.ctx.outbox.drain();
  }
  /** The reminder texts a person received since the last `at`. */
  const got = (user: TeamsUser) =>
    t.connector.delivered.slice(mark).filter((c) => c.conversationId === `a:personal-${user.aadObjectId}`).map((c) => String(c.activity!.text ?? ''));

  beforeAll(async () => {
    t = await startTestBot(backend, { asOf: '2026-03-20T10:00:00Z' });
    officer = teamsUser(t, 'Sarah Newman');
    chair = teamsUser(t, 'Louise Watkinson');
    rob = teamsUser(t, 'Rob Vale');
    ken = teamsUser(t, 'Ken Loyal');
    stuart = teamsUser(t, 'Stuart Baker');
    for (const u of [officer, chair, rob, ken, stuart]) await say(u, 'hello');
    const preview = (await say(officer, 'open the Q4 round for priority 4, due 8 April')).sent[0]!.attachments[0].content;
    const confirm = executeActions(preview).find((a) => a.title === 'Send the cards')!;
    const opened = await t.post(cardActionActivity(confirm.verb, confirm.data, t.options(officer)));
    expect(cardText(opened.body.value)).toMatch(/Sent \d+ cards to 4 partners/);
    await t.bot.ctx.outbox.drain();
    // Rob answers everything he was asked, so he is never reminded.
    const owed = (await say(rob, 'what do I still owe?')).sent[0]!.text as string;
    // Where he is not the lead he writes narrative only ("on track"), without a RAG word.
    for (const ref of owed.split('owe: ')[1]!.replace(/\.$/, '').split(', ')) {
      const { sent } = await say(rob, `update ${ref}: green, on track`);
      if (/lead service sets the RAG/.test(String(sent[0]!.text))) await say(rob, `update ${ref}: on track`);
    }
    expect((await say(rob, 'what do I still owe?')).sent[0]!.text).toMatch(/answered everything/);
  }, 180_000);
  afterAll(async () => t?.stop());

  it('reminds, 7 working days before at 09:00 GMT, only those who still owe something', async () => {
    await at('2026-03-26T08:59:00Z');
    expect([officer, ken, stuart].flatMap(got)).toEqual([]);
    await at('2026-03-26T09:00:30Z');
    for (const u of [officer, ken, stuart]) {
      expect(got(u)).toHaveLength(1);
      expect(got(u)[0]).toMatch(/^\*\*Reminder:\*\* your Q4 2025\/26 update is due on Wednesday 8 April 2026\. Still to answer: 4\./);
    }
    expect(got(rob)).toEqual([]);
    expect(got(chair)).toEqual([]);
    await at('2026-03-26T09:30:00Z');
    expect([officer, ken, stuart].flatMap(got)).toEqual([]);
  });

  it('lets a partner snooze their own reminders', async () => {
    const { sent } = await say(ken, 'snooze my reminders until 9 April');
    expect(sent[0]!.text).toBe('I won\'t remind you about the Q4 2025/26 round before Thursday 9 April 2026. Say "wake my reminders" to have them back sooner.');
    expect((await say(chair, 'snooze my reminders until Friday')).sent[0]!.text).toMatch(/not asked for anything in the Q4 2025\/26 round/);
  });

  it('after the clocks go forward, reminds 2 working days before (Easter skipped) at 09:00 BST, chasing the deputy of a partner on leave', async () => {
    const people = await prisma().person.findMany({ where: { name: { in: ['Stuart Baker', 'Rob Vale'] } } });
    const [stuartId, robId] = ['Stuart Baker', 'Rob Vale'].map((n) => people.find((p) => p.name === n)!.id);
    await prisma().person.update({ where: { id: stuartId }, data: { deputyId: robId } });
    await prisma().leave.create({ data: { personId: stuartId!, startsOn: new Date('2026-03-30'), endsOn: new Date('2026-04-03') } });
    await at('2026-04-01T08:30:00Z'); // 1 April is not a reminder day
    await at('2026-04-02T07:59:00Z'); // 07:59 GMT is 08:59 BST
    expect([officer, ken, stuart, rob].flatMap(got)).toEqual([]);
    await at('2026-04-02T08:00:30Z');
    expect(got(officer)).toHaveLength(1);
    expect(got(officer)[0]).toMatch(/due on Wednesday 8 April 2026/);
    expect(got(ken)).toEqual([]); // snoozed
    expect(got(stuart)).toEqual([]); // on leave
    expect(got(rob)).toHaveLength(1);
    expect(got(rob)[0]).toMatch(/^\*\*Stuart Baker is on leave until Friday 3 April 2026\*\*, and you are their deputy\./);
    expect(got(rob)[0]).toMatch(/Their Q4 2025\/26 update is due on Wednesday 8 April 2026\. Still to answer: 4\./);
  });

  it('sends nothing on Good Friday, Easter Monday or the due date, then chases the day after', async () => {
    for (const day of ['2026-04-03', '2026-04-06', '2026-04-07', '2026-04-08']) {
      await at(`${day}T08:00:30Z`);
      expect([officer, ken, stuart, rob].flatMap(got), day).toEqual([]);
    }
    await at('2026-04-09T08:00:30Z');
    for (const u of [officer, ken, stuart]) expect(got(u)).toEqual([expect.stringMatching(/^\*\*Chaser:\*\* your Q4 2025\/26 update was due on Wednesday 8 April 2026\./)]);
    expect(got(rob)).toEqual([]);
  });

  it('stays quiet while an officer has paused the round, and chases again once resumed', async () => {
    expect((await say(ken, 'pause reminders')).sent[0]!.text).toMatch(/Only the partnership officers/);
    expect((await say(officer, 'pause reminders')).sent[0]!.text).toMatch(/are paused for everyone/);
    await at('2026-04-14T08:00:30Z');
    expect([officer, ken, stuart].flatMap(got)).toEqual([]);
    expect((await say(officer, 'resume reminders')).sent[0]!.text).toMatch(/back on/);
    await at('2026-04-17T08:00:30Z');
    expect([officer, ken, stuart].map((u) => got(u).length)).toEqual([1, 1, 1]);
  });

  it('sends a chaser missed while the bot was down once when it is back, not once per missed day', async () => {
    await t.restart();
    // Down from the 17th to the 27th: the chasers of the 22nd and 27th fall due while it is away.
    await at('2026-04-27T12:00:00Z');
    expect([officer, ken, stuart].map((u) => got(u).length)).toEqual([1, 1, 1]);
    expect(got(ken)[0]).toMatch(/^\*\*Chaser:\*\*/);
    await at('2026-04-27T12:05:00Z');
    expect([officer, ken, stuart].flatMap(got)).toEqual([]);
    const planned = await prisma().schedule.findMany({ where: { kind: 'round.reminder', dueAt: { lte: t.clock.now() } } });
    expect(planned.every((s) => s.doneAt !== null)).toBe(true);
  });
});
