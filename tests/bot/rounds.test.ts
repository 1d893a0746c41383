import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findActorByAadObjectId, type Actor } from '../../src/features/identity/identity.service.ts';
import { loadRoundCard } from '../../src/features/rounds/round-answers.service.ts';
import { cardActionActivity, messageActivity, type TeamsUser } from '../helpers/activities.ts';
import { startTestBot, type TestBot } from '../helpers/bot-harness.ts';
import { BACKENDS } from '../helpers/databases.ts';
import { cardsSentTo, cardText, executeActions, teamsUser } from '../helpers/members.ts';

/** Reads a card's input ids for one commitment ("rag-4.1.1" → "4.1.1"). */
const refsOf = (card: Record<string, any>) =>
  [...JSON.stringify(card).matchAll(/"id":"mode-([\d.]+)"/g)].map((m) => m[1]!);

describe.each(BACKENDS)('reporting rounds on %s', (backend) => {
  let t: TestBot;
  let officer: TeamsUser, chair: TeamsUser, rob: TeamsUser, ken: TeamsUser, stuart: TeamsUser;
  let robCard: Record<string, any>;
  let robCardId: string;
  const say = async (user: TeamsUser, text: string) => t.post(messageActivity(text, t.options(user)));
  const act = async (user: TeamsUser, verb: string, data: unknown) => t.post(cardActionActivity(verb, data, t.options(user)));
  const narratives = (ref: string) =>
    t.bot.ctx.db.prisma.narrative.findMany({ where: { commitment: { ref }, period: { fiscalYear: 2022, quarter: 3 } }, orderBy: { version: 'asc' } });

  beforeAll(async () => {
    t = await startTestBot(backend, { asOf: '2022-10-20T09:00:00Z' });
    officer = teamsUser(t, 'Sarah Newman');
    chair = teamsUser(t, 'Louise Watkinson');
    rob = teamsUser(t, 'Rob Vale');
    ken = teamsUser(t, 'Ken Loyal');
    stuart = teamsUser(t, 'Stuart Baker');
    // Each member has talked to the bot once, so it can reach them.
    for (const u of [officer, chair, rob, ken, stuart]) await say(u, 'hello');
  });
  afterAll(async () => t.stop());

  it('shows the officer what a round would send, and sends nothing on cancel', async () => {
    const { sent } = await say(officer, 'open the Q3 round for priorities 1 and 4, due 12 January');
    const preview = sent[0]!.attachments[0].content;
    expect(cardText(preview)).toContain('Open the Q3 2022/23 round?');
    expect(cardText(preview)).toMatch(/due 2023-01-12/);
    const cancel = executeActions(preview).find((a) => a.title === 'Cancel')!;
    const before = t.connector.calls.length;
    const { body } = await act(officer, cancel.verb, cancel.data);
    expect(cardText(body.value)).toContain('Cancelled: nothing was sent.');
    await t.bot.ctx.outbox.drain();
    expect(t.connector.calls.length).toBe(before);
  });

  it('refuses to let a partner open a round', async () => {
    const { sent } = await say(rob, 'open the Q3 round for priority 4, due 12 January');
    expect(sent[0]!.text).toMatch(/Only the partnership officers/);
  });

  it('opens on confirm and sends each Priority 4 partner one card, once', async () => {
    const { sent } = await say(officer, 'open the Q3 round for priority 4, due 12 January');
    const preview = sent[0]!.attachments[0].content;
    expect(cardText(preview)).toMatch(/4 partners will each get a card/);
    for (const name of ['Ken Loyal', 'Rob Vale', 'Sarah Newman', 'Stuart Baker']) expect(cardText(preview)).toContain(name);
    const confirm = executeActions(preview).find((a) => a.title === 'Send the cards')!;
    const since = t.connector.calls.length;
    const first = await act(officer, confirm.verb, confirm.data);
    expect(cardText(first.body.value)).toMatch(/Sent \d+ cards to 4 partners/);
    const again = await act(officer, confirm.verb, confirm.data);
    expect(cardText(again.body.value)).toMatch(/Already open: nothing more was sent/);
    await t.bot.ctx.outbox.drain();
    const robs = cardsSentTo(t, rob, since);
    expect(robs).toHaveLength(1);
    robCard = robs[0]!;
    robCardId = executeActions(robCard)[0]!.data.sentCardId;
    expect(cardText(robCard)).toContain('Q3 2022/23 update for Rob Vale');
    expect(refsOf(robCard).length).toBeGreaterThan(0);
    expect(refsOf(robCard).every((r) => r.startsWith('4.'))).toBe(true);
    // Ken, Stuart and Sarah answer for many Priority 4 commitments: their rounds span several cards.
    for (const u of [ken, stuart, officer]) expect(cardsSentTo(t, u, since).length).toBeGreaterThan(0);
    const perCard = [ken, stuart, officer].flatMap((u) => cardsSentTo(t, u, since)).map((c) => refsOf(c).length);
    expect(Math.max(...perCard)).toBeLessThanOrEqual(8);
    const pages = cardsSentTo(t, ken, since).map((c) => cardText(c));
    if (pages.length > 1) expect(pages[0]).toContain(`Card 1 of ${pages.length}`);
    expect(cardsSentTo(t, chair, since)).toHaveLength(0);
  });

  it('refuses a second round while the quarter has one open, and drafts one for a quarter not yet reported on', async () => {
    const prisma = t.bot.ctx.db.prisma;
    const rounds = await prisma.round.count();
    const { sent } = await say(officer, 'open the Q3 round for priority 1, due 12 January');
    expect(sent[0]!.text).toBe('The Q3 2022/23 round is already open. Extend or close it instead.');
    expect(await prisma.round.count()).toBe(rounds);
    expect(await prisma.reportingPeriod.count({ where: { fiscalYear: 2023 } })).toBe(0);

    const drafted = await say(officer, 'open the Q1 2023/24 round for priority 1, due 12 July');
    const preview = drafted.sent[0]!.attachments[0].content;
    expect(cardText(preview)).toContain('Open the Q1 2023/24 round?');
    const period = await prisma.reportingPeriod.findFirstOrThrow({ where: { fiscalYear: 2023, quarter: 1 } });
    expect([period.startsOn.toISOString(), period.endsOn.toISOString()]).toEqual(['2023-04-01T00:00:00.000Z', '2023-06-30T00:00:00.000Z']);
    const draft = await prisma.round.findFirstOrThrow({ where: { periodId: period.id }, include: { assignments: true } });
    expect(draft).toMatchObject({ status: 'DRAFT', priorityNumbers: [1], createdAt: t.clock.now() });
    expect(draft.dueOn.toISOString()).toBe('2023-07-12T00:00:00.000Z');
    expect(draft.assignments.length).toBeGreaterThan(0);
    expect(draft.assignments.every((a) => a.status === 'PENDING' && a.commitmentIds.length > 0)).toBe(true);
    const audited = await prisma.auditEntry.findMany({ where: { entity: 'Round', entityId: draft.id } });
    expect(audited.map((a) => [a.action, a.entityRef, a.after])).toEqual([['round.drafted', 'Q1 2023/24', { priorities: [1], dueOn: '2023-07-12' }]]);
    // The preview was remembered with the draft: its Cancel is recognised as the bot's own card.
    const cancel = executeActions(preview).find((a) => a.title === 'Cancel')!;
    expect(cardText((await act(officer, cancel.verb, cancel.data)).body.value)).toContain('Cancelled: nothing was sent.');
  });

  it('records an answer, turns the card read-only, and records nothing for the same submit twice', async () => {
    const ref = leadRef(robCard);
    const data = { sentCardId: robCardId, [`mode-${ref}`]: 'update', [`rag-${ref}`]: 'Amber', [`narrative-${ref}`]: 'Two rogue trader cases are still open.', [`support-${ref}`]: 'false', [`boardOnly-${ref}`]: 'false' };
    const { body } = await act(rob, 'round.submit', data);
    expect(cardText(body.value)).toContain('Recorded: Q3 2022/23 update for Rob Vale');
    expect(cardText(body.value)).toContain(`${ref}: Amber`);
    expect(executeActions(body.value).map((a) => a.verb)).toEqual(['round.edit']);
    expect(body.value.body.some((b: { type: string }) => b.type.startsWith('Input.'))).toBe(false);
    await act(rob, 'round.submit', data);
    const rows = await narratives(ref);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ text: 'Two rogue trader cases are still open.', version: 1, supersededAt: null, source: 'CARD' });
    const rag = await t.bot.ctx.db.prisma.ragRating.findMany({ where: { commitment: { ref }, period: { quarter: 3 } } });
    expect(rag.map((r) => r.words)).toEqual([['Amber']]);
  });

  it.runIf(backend === 'postgres')('reads the card while who is acting is still being looked up, and checks it once both are in', async () => {
    const watcher = new pg.Client({ connectionString: t.bot.ctx.config.DATABASE_URL! });
    await watcher.connect();
    try {
      const since = (await watcher.query<{ at: Date }>('SELECT clock_timestamp() AS at')).rows[0]!.at;
      let identified!: (actor: Actor | undefined) => void;
      const loading = loadRoundCard(t.bot.ctx.db.prisma, new Promise<Actor | undefined>((resolve) => (identified = resolve)), robCardId);
      const cardRead = async () =>
        (await watcher.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
           AND state = 'idle' AND state_change > $1 AND query LIKE '%FROM "public"."SentCard"%'`,
          [since],
        )).rowCount! > 0;
      for (let waited = 0; !(await cardRead()); waited += 20) {
        if (waited > 5_000) throw new Error('the card was not read while the actor was unknown');
        await new Promise((r) => setTimeout(r, 20));
      }
      identified(await findActorByAadObjectId(t.bot.ctx.db.prisma, ken.aadObjectId!));
      // Ken is not Rob and no delegate of his: the card, read first, is still refused to him.
      await expect(loading).rejects.toThrow(/You do not answer for/);
    } finally {
      await watcher.end();
    }
  });

  it('keeps history when an answer is edited', async () => {
    const ref = leadRef(robCard);
    const edit = await act(rob, 'round.edit', { sentCardId: robCardId });
    expect(JSON.stringify(edit.body.value)).toContain('Two rogue trader cases are still open.');
    await act(rob, 'round.submit', { sentCardId: robCardId, [`mode-${ref}`]: 'update', [`rag-${ref}`]: 'Green', [`narrative-${ref}`]: 'Both cases closed.' });
    const rows = await narratives(ref);
    expect(rows.map((r) => [r.version, r.text, r.supersededAt === null])).toEqual([
      [1, 'Two rogue trader cases are still open.', false],
      [2, 'Both cases closed.', true],
    ]);
    const audit = await t.bot.ctx.db.prisma.auditEntry.count({ where: { entityRef: ref, action: { in: ['narrative.recorded', 'rag.recorded'] } } });
    expect(audit).toBe(4);
  });

  it('keeps both of two answers sent at the same moment, as consecutive versions with one current', async () => {
    const ref = leadRef(robCard);
    const send = (text: string) => act(rob, 'round.submit', { sentCardId: robCardId, [`mode-${ref}`]: 'update', [`rag-${ref}`]: 'Green', [`narrative-${ref}`]: text });
    const answers = await Promise.all([send('Sent from the laptop.'), send('Sent from the phone.')]);
    for (const { body } of answers) expect(cardText(body.value)).toContain('Recorded: Q3 2022/23 update for Rob Vale');
    const rows = await narratives(ref);
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4]);
    expect(rows.filter((r) => r.supersededAt === null)).toHaveLength(1);
    expect(rows.slice(2).map((r) => r.text).sort()).toEqual(['Sent from the laptop.', 'Sent from the phone.']);
    const audited = await t.bot.ctx.db.prisma.auditEntry.findMany({ where: { entityRef: ref, action: 'narrative.recorded' }, orderBy: { id: 'asc' } });
    expect(audited.map((a) => (a.after as { version: number }).version)).toEqual([1, 2, 3, 4]);
    expect(audited[2]).toMatchObject({ entity: 'Narrative', entityId: rows[2]!.id, before: { version: 2 } });
    // Stored at the bot's clock to the millisecond, in every column the write sets.
    const now = t.clock.now().getTime();
    expect([rows[3]!.recordedAt, rows[2]!.supersededAt, audited[3]!.at].map((d) => d?.getTime())).toEqual([now, now, now]);
  });

  it('carries last quarter forward on "no change"', async () => {
    const ref = refsOf(robCard).find((r) => r !== leadRef(robCard))!;
    await act(rob, 'round.submit', { sentCardId: robCardId, [`mode-${ref}`]: 'no-change' });
    const rows = await narratives(ref);
    expect(rows.at(-1)).toMatchObject({ kind: 'NO_CHANGE', text: 'No change since Q2 2022/23.' });
  });

  it.each([
    ['another person answering Rob’s card', () => ['ken', { sentCardId: robCardId, 'mode-4.1.1': 'update' }], /do not answer for that commitment/],
    ['a commitment not on the card', () => ['rob', { sentCardId: robCardId, 'mode-1.1.1': 'update', 'narrative-1.1.1': 'x' }], /1\.1\.1 is not on this card/],
    ['an unknown RAG word', () => ['rob', { sentCardId: robCardId, [`rag-${leadRef(robCard)}`]: 'Purple', [`narrative-${leadRef(robCard)}`]: 'x' }], /"Purple" is not one of the partnership's RAG words/],
    ['a 50,000-character narrative', () => ['rob', { sentCardId: robCardId, [`narrative-${leadRef(robCard)}`]: 'x'.repeat(50_000) }], /is 50,000 characters; the limit is 4,000/],
    ['an extra field', () => ['rob', { sentCardId: robCardId, isOfficer: 'true' }], /field I don't know/],
    ['a wrongly typed field', () => ['rob', { sentCardId: robCardId, [`mode-${leadRef(robCard)}`]: 42 }], /mode for .* is not valid/],
    ['a card the bot never sent', () => ['rob', { sentCardId: '8d7d8f0e-0000-4000-8000-000000000000' }], /not one I sent you/],
    ['Amber with no narrative', () => ['rob', { sentCardId: robCardId, [`rag-${leadRef(robCard)}`]: 'Amber' }], /please add a narrative/],
  ])('refuses %s and changes nothing', async (_name, build, message) => {
    const [who, data] = build() as [string, Record<string, unknown>];
    const user = { ken, rob }[who]!;
    const before = await t.bot.ctx.db.prisma.narrative.count();
    const { body } = await act(user, 'round.submit', data);
    expect(body.value).toMatch(message);
    expect(await t.bot.ctx.db.prisma.narrative.count()).toBe(before);
  });

  it('lets a partner delegate to another member, who can then answer', async () => {
    const since = t.connector.calls.length;
    const { sent } = await say(rob, 'delegate my updates to Stuart Baker for this round');
    expect(sent[0]!.text).toContain('Stuart Baker can now answer your updates');
    await t.bot.ctx.outbox.drain();
    expect(cardsSentTo(t, stuart, since).map((c) => executeActions(c)[0]!.data.sentCardId)).toEqual([robCardId]);
    const ref = refsOf(robCard).at(-1)!;
    const { body } = await act(stuart, 'round.submit', { sentCardId: robCardId, [`mode-${ref}`]: 'not-applicable' });
    expect(cardText(body.value)).toContain('Not applicable this period');
    expect((await say(rob, 'delegate my updates to Jamie O’Malley')).sent[0]!.text).toMatch(/not a member/);
  });

  it('answers in words: an update and "what do I still owe?"', async () => {
    const owedBefore = (await say(ken, 'what do I still owe?')).sent[0]!.text as string;
    expect(owedBefore).toMatch(/you still owe: 4\./);
    const ref = /owe: ([\d.]+)/.exec(owedBefore)![1]!;
    const { sent } = await say(ken, `update ${ref}: amber, the hate crime panel moves to monthly meetings`);
    expect(cardText(sent[0]!.attachments[0].content)).toContain(`${ref}: Amber`);
    expect((await say(ken, 'what do I still owe?')).sent[0]!.text).not.toContain(`${ref},`);
  });

  it('shows round status to officers and the chair only', async () => {
    const { sent } = await say(chair, 'round status');
    const text = cardText(sent[0]!.attachments[0].content);
    expect(text).toMatch(/of 4 partners have returned/);
    expect(text).toContain('Rob Vale');
    expect(JSON.stringify(sent[0]!.attachments[0].content)).toContain('"fallback"');
    expect((await say(rob, 'round status')).sent[0]!.text).toMatch(/Only the officers and the chair/);
  });

  it('closes with "not provided", a frozen snapshot, and no more answers except an officer’s late edit', async () => {
    const { sent } = await say(officer, 'close the round');
    expect(sent[0]!.text).toMatch(/Q3 2022\/23 round is closed\. \d+ parts were recorded as "not provided"/);
    const notProvided = await t.bot.ctx.db.prisma.narrative.findMany({ where: { kind: 'NOT_PROVIDED', period: { quarter: 3 } } });
    expect(notProvided.length).toBeGreaterThan(0);
    expect(notProvided[0]!.text).toBe('Q3 Updates not provided');
    const snapshots = await t.bot.ctx.db.prisma.roundSnapshot.count();
    expect(snapshots).toBeGreaterThan(0);
    const ref = leadRef(robCard);
    const late = { sentCardId: robCardId, [`mode-${ref}`]: 'update', [`rag-${ref}`]: 'Red', [`narrative-${ref}`]: 'Reopened after close.' };
    expect((await act(rob, 'round.submit', late)).body.value).toMatch(/round is closed/);
    const { body } = await act(officer, 'round.submit', late);
    expect(cardText(body.value)).toContain('(late)');
    expect((await narratives(ref)).at(-1)).toMatchObject({ late: true, text: 'Reopened after close.' });
  });
});

/** The first commitment on a card where the partner sets the RAG. */
function leadRef(card: Record<string, any>): string {
  return [...JSON.stringify(card).matchAll(/"id":"rag-([\d.]+)"/g)][0]![1]!;
}
