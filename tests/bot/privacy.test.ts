import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardActionActivity, messageActivity, type TeamsUser } from '../helpers/activities.ts';
import { startTestBot, type TestBot } from '../helpers/bot-harness.ts';
import { BACKENDS } from '../helpers/databases.ts';
import { cardsSentTo, cardText, executeActions, teamsUser } from '../helpers/members.ts';

const HOSTILE = 'See [link](https://evil.example) and <at>Someone</at>, **bold** claims.';

describe.each(BACKENDS)('data protection on %s', (backend) => {
  let t: TestBot;
  let officer: TeamsUser, rob: TeamsUser, ken: TeamsUser, stuart: TeamsUser;
  let ref: string;
  const db = () => t.bot.ctx.db.prisma;
  const say = async (user: TeamsUser, text: string) => t.post(messageActivity(text, t.options(user)));

  beforeAll(async () => {
    t = await startTestBot(backend, { asOf: '2022-10-20T09:00:00Z' });
    officer = teamsUser(t, 'Sarah Newman');
    rob = teamsUser(t, 'Rob Vale');
    ken = teamsUser(t, 'Ken Loyal');
    stuart = teamsUser(t, 'Stuart Baker');
    for (const u of [officer, rob, ken, stuart]) await say(u, 'hello');
    const preview = (await say(officer, 'open the Q3 round for priority 4, due 12 January')).sent[0]!.attachments[0].content;
    const confirm = executeActions(preview).find((a) => a.title === 'Send the cards')!;
    const since = t.connector.calls.length;
    await t.post(cardActionActivity(confirm.verb, confirm.data, t.options(officer)));
    await t.bot.ctx.outbox.drain();
    const card = cardsSentTo(t, rob, since)[0]!;
    ref = [...JSON.stringify(card).matchAll(/"id":"rag-([\d.]+)"/g)][0]![1]!;
    const data = { sentCardId: executeActions(card)[0]!.data.sentCardId, [`mode-${ref}`]: 'update', [`rag-${ref}`]: 'Amber', [`narrative-${ref}`]: HOSTILE };
    const { body } = await t.post(cardActionActivity('round.submit', data, t.options(rob)));
    const shown = cardText(body.value);
    // Shown again, escaped: no live link, mention or emphasis.
    expect(shown).toContain('\\[link\\](https://evil.example)');
    expect(shown).toMatch(/&lt;at\\?>Someone&lt;\/at/);
    expect(shown).toContain('\\*\\*bold\\*\\*');
    expect(shown).not.toContain('<at>');
  });
  afterAll(async () => t.stop());

  it('shows officers the history of a commitment: who, when, what changed, from which source', async () => {
    const { sent } = await say(officer, `history of ${ref}`);
    // As Teams shows it: the escapes' backslashes are not displayed.
    const text = cardText(sent[0]!.attachments[0].content).replace(/\\(.)/g, '$1');
    expect(text).toContain(`History of ${ref}`);
    expect(text).toMatch(/20 Oct 2022 \d\d:\d\d · Rob Vale/);
    expect(text).toContain('narrative recorded (Narrative)');
    expect(text).toContain('rag recorded (RagRating)');
    expect(text).toMatch(/Source: Teams, activity /);
    expect(text).toMatch(/Source: file import/);
    expect(text).toContain('text: "See [link](https://evil.example) and &lt;at>Someone&lt;/at>, **bold** claims."');
    expect(text).not.toContain('<at>');
  });

  it('refuses the history, exports and removal to a partner', async () => {
    for (const ask of [`history of ${ref}`, 'export data about Ken Loyal', 'remove Ken Loyal, hand over to Stuart Baker', 'purge old narratives']) {
      const { sent } = await say(rob, ask);
      expect(sent[0]!.text, ask).toMatch(/Only the partnership officers/);
    }
  });

  it('exports everything held about a person as JSON, and audits that it did', async () => {
    const { sent } = await say(officer, 'export data about Rob Vale');
    expect(cardText(sent[0]!.attachments[0].content)).toContain('Data held about Rob Vale');
    const json = sent.slice(1).map((m) => /```json\n([\s\S]*)\n```$/.exec(m.text)![1]).join('');
    expect(json).not.toMatch(/[<>`]/);
    const doc = JSON.parse(json);
    expect(doc.person).toMatchObject({ name: 'Rob Vale', email: 'rob.vale@example.org', membership: 'MEMBER' });
    expect(doc.servicesAnsweredFor.map((s: { service: string }) => s.service)).toContain('Trading Standards');
    expect(doc.narrativesWritten).toEqual([expect.objectContaining({ ref, text: HOSTILE })]);
    expect(doc.auditEntriesByThem.length).toBeGreaterThanOrEqual(2);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: 'privacy.exported' } });
    expect(audit.after).toBeNull();
  });

  it('purges narratives past the retention period, keeping audit metadata', async () => {
    expect((await say(officer, 'purge old narratives')).sent[0]!.attachments[0].content.body[0].text).toBe('Nothing purged');
    expect((await say(officer, 'keep narratives for 3 months')).sent[0]!.text).toContain('kept for 3 months');
    const target = await db().narrative.findFirstOrThrow({ where: { period: { fiscalYear: 2022, quarter: 1 }, text: { not: '' } } });
    const auditBefore = await db().auditEntry.findMany({ where: { entity: 'Narrative', entityId: target.id } });
    expect(auditBefore.length).toBeGreaterThan(0);
    const count = await db().auditEntry.count();
    const { sent } = await say(officer, 'purge old narratives');
    const card = cardText(sent[0]!.attachments[0].content);
    expect(card).toContain('ended before 2022-07-20');
    expect(await db().narrative.count({ where: { period: { quarter: 1, fiscalYear: 2022 }, purgedAt: null } })).toBe(0);
    expect(await db().narrative.count({ where: { period: { quarter: 2, fiscalYear: 2022 }, purgedAt: { not: null } } })).toBe(0);
    expect(await db().narrative.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ text: '', commitmentId: target.commitmentId, version: target.version });
    const auditAfter = await db().auditEntry.findMany({ where: { entity: 'Narrative', entityId: target.id } });
    expect(auditAfter.map(({ before: _b, after: _a, ...meta }) => meta)).toEqual(auditBefore.map(({ before: _b, after: _a, ...meta }) => meta));
    expect(JSON.stringify(auditAfter.map((a) => [a.before, a.after]))).not.toContain(target.text);
    expect(auditAfter.every((a) => (a.after as { text?: string }).text === '[purged]')).toBe(true);
    expect(await db().auditEntry.count()).toBe(count + 1);
    // Q3 (the round's) narratives stay; and purging again finds nothing more.
    expect(await db().narrative.count({ where: { text: HOSTILE } })).toBe(1);
    expect(cardText((await say(officer, 'purge old narratives')).sent[0]!.attachments[0].content)).toMatch(/Narratives\n0/);
  });

  it('removes a person after handing over what they own, erasing their details but not the records', async () => {
    const robRow = await db().person.findFirstOrThrow({ where: { email: 'rob.vale@example.org' } });
    const refused = await say(officer, 'remove Rob Vale');
    expect(refused.sent[0]!.text).toMatch(/Nothing was changed: .*without an owner/);
    const { sent } = await say(officer, 'remove Rob Vale, hand over to Stuart Baker');
    const text = cardText(sent[0]!.attachments[0].content);
    expect(text).toContain('Rob Vale removed');
    expect(text).toMatch(/Trading Standards.* → Stuart Baker/);
    const erased = await db().person.findUniqueOrThrow({ where: { id: robRow.id } });
    expect(erased).toMatchObject({ membership: 'RETIRED', title: null, aadObjectId: null, teamsUserId: null });
    expect(`${erased.name} ${erased.email}`).not.toMatch(/rob|vale/i);
    const answerers = await db().serviceAnswerer.findMany({ where: { service: { name: 'Trading Standards' } }, include: { person: true } });
    expect(answerers.map((a) => a.person.name)).toEqual(['Stuart Baker']);
    expect(await db().narrative.count({ where: { authorId: robRow.id } })).toBe(1);
    expect(await db().conversationRef.count({ where: { personId: robRow.id } })).toBe(0);
    expect((await say(officer, 'export data about Rob Vale')).sent[0]!.text).toMatch(/Rob Vale/);
    expect((await say(rob, 'what do I still owe?')).sent[0]!.text).toMatch(/only help members/);
  });
});
