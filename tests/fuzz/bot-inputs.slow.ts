import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain-error.ts';
import { importPoliceFile } from '../../src/features/metrics/metrics-import.service.ts';
import { importPartnershipFile } from '../../src/features/partnership-file/import.service.ts';
import { PartnershipFileError } from '../../src/features/partnership-file/partnership-file.read.ts';
import { cardActionActivity, messageActivity, type TeamsUser } from '../helpers/activities.ts';
import { startTestBot, type TestBot } from '../helpers/bot-harness.ts';
import { BACKENDS } from '../helpers/databases.ts';
import { cardsSentTo, executeActions, teamsUser } from '../helpers/members.ts';
import { hostileText, hostileValue } from './hostile.ts';

const SEED = 20221020;
const APOLOGY = /something went wrong/i;

/**
 * Every Universal Action verb the features route (`app.adaptiveCards.actionExecute(VERBS.x, …)` in
 * their *.routes.ts, read through that feature's VERBS): new features' verbs are fuzzed too.
 */
async function allVerbs(): Promise<string[]> {
  const root = resolve(import.meta.dirname, '..', '..', 'src', 'features');
  const verbs = new Set<string>();
  for (const dir of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const files = readdirSync(join(root, dir.name));
    const routed = files.filter((f) => f.endsWith('.routes.ts')).flatMap((f) => [...readFileSync(join(root, dir.name, f), 'utf8').matchAll(/actionExecute\(\s*VERBS\.(\w+)/g)].map((m) => m[1]!));
    for (const file of files.filter((f) => f.endsWith('.schemas.ts'))) {
      const mod = (await import(pathToFileURL(join(root, dir.name, file)).href)) as { VERBS?: Record<string, string> };
      for (const key of routed) if (mod.VERBS?.[key]) verbs.add(mod.VERBS[key]);
    }
  }
  return [...verbs].sort();
}

describe.each(BACKENDS)('hostile input through the real bot on %s', (backend) => {
  let t: TestBot;
  let officer: TeamsUser, rob: TeamsUser, stranger: TeamsUser;
  let realCardId: string;
  const verbs: string[] = [];
  const db = () => t.bot.ctx.db.prisma;
  /** Rows that a hostile request must never add or change (inbound dedupe keys aside). */
  const snapshot = async () => {
    const p = db();
    return Promise.all([p.narrative.count(), p.ragRating.count(), p.auditEntry.count(), p.person.count(), p.action.count(), p.actionUpdate.count(), p.minute.count(), p.meeting.count(), p.round.count(), p.outboxMessage.count(), p.figure.count(), p.policeCount.count(), p.delegation.count(), p.leave.count(), p.importBatch.count(), p.partnership.count(), p.person.findMany({ select: { updatedAt: true }, orderBy: { id: 'asc' } }).then((r) => r.map((x) => x.updatedAt.getTime()).join())]);
  };

  beforeAll(async () => {
    verbs.push(...(await allVerbs()));
    t = await startTestBot(backend, { asOf: '2022-10-20T09:00:00Z' });
    officer = teamsUser(t, 'Sarah Newman');
    rob = teamsUser(t, 'Rob Vale');
    stranger = { id: '29:stranger', name: 'Pat Stranger', aadObjectId: 'aad-stranger' };
    for (const u of [officer, rob]) await t.post(messageActivity('hello', t.options(u)));
    const preview = (await t.post(messageActivity('open the Q3 round for priority 4, due 12 January', t.options(officer)))).sent[0]!.attachments[0].content;
    const confirm = executeActions(preview).find((a) => a.title === 'Send the cards')!;
    const since = t.connector.calls.length;
    await t.post(cardActionActivity(confirm.verb, confirm.data, t.options(officer)));
    await t.bot.ctx.outbox.drain();
    realCardId = executeActions(cardsSentTo(t, rob, since)[0]!)[0]!.data.sentCardId;
  });
  afterAll(async () => t.stop());

  it('answers every card verb given hostile data with a clear refusal and writes nothing', async () => {
    expect(verbs).toEqual(expect.arrayContaining(['round.submit', 'round.edit', 'round.confirmOpen', 'round.cancelOpen']));
    const before = await snapshot();
    const data = fc.oneof(
      hostileValue,
      fc.dictionary(hostileText, hostileValue, { minKeys: 1, maxKeys: 5 }).map((d) => ({ sentCardId: realCardId, ...d })),
      fc.record({ sentCardId: fc.oneof(fc.uuid(), hostileText), updateText: hostileText, name: hostileText, email: hostileText, choice: hostileValue }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...verbs), data, fc.constantFrom('officer', 'rob', 'stranger'), async (verb, value, who) => {
        const user = { officer, rob, stranger }[who]!;
        const { status, body } = await t.post(cardActionActivity(verb, value, t.options(user)));
        expect(status).toBe(200);
        const answer = JSON.stringify(body ?? '');
        expect(answer, `${verb} by ${who}`).not.toMatch(APOLOGY);
        expect(answer.length).toBeGreaterThan(10);
      }),
      { numRuns: 200, seed: SEED },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('answers hostile chat text (markup, mentions, control and bidi characters, huge strings) without writing', async () => {
    const before = await snapshot();
    const prefixes = ['', 'update 9.9.9: ', 'history of ', 'export data about ', 'remove ', 'open the Q3 round for priority ', 'what did ', 'retire ', 'action for minute 999: '];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...prefixes), hostileText, fc.constantFrom('officer', 'rob', 'stranger'), fc.boolean(), async (prefix, text, who, mention) => {
        const user = { officer, rob, stranger }[who]!;
        const said = mention ? `<at>Partnership Board</at> ${prefix}${text}` : `${prefix}${text}`;
        const { status, sent } = await t.post(messageActivity(said, t.options(user)));
        expect(status).toBe(200);
        expect(JSON.stringify(sent), said.slice(0, 80)).not.toMatch(APOLOGY);
        for (const s of sent) expect(JSON.stringify(s)).not.toContain('<at>');
      }),
      { numRuns: 100, seed: SEED },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses hostile partnership and police files clearly, writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pbb-fuzz-'));
    const before = await snapshot();
    const partnershipFile = fc.oneof(hostileText, fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)), fc.record({ partnership: fc.record({ slug: hostileValue, name: hostileValue }), people: hostileValue }).map((v) => JSON.stringify(v)));
    const csvCell = fc.oneof(hostileText.map((s) => s.slice(0, 60)), fc.constantFrom('=1+1', '+cmd', '-2', '@SUM(A1)', 'Bromley', '2022-04', '12', ''));
    const policeFile = fc.oneof(hostileText, fc.array(fc.array(csvCell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }).map((rows) => rows.map((r) => r.join(',')).join('\n')));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.boolean(), partnershipFile, policeFile, async (partnership, pText, cText) => {
        const file = join(dir, `f${n++}.${partnership ? 'yaml' : 'csv'}`);
        writeFileSync(file, partnership ? pText : cText);
        const ctx = { db: t.bot.ctx.db, clock: t.bot.ctx.clock, log: t.bot.ctx.log };
        const error = await (partnership ? importPartnershipFile(ctx, file) : importPoliceFile(ctx, file)).then(() => undefined, (e: unknown) => e);
        expect(error, 'a hostile file was accepted').toBeDefined();
        expect(error instanceof PartnershipFileError || error instanceof DomainError, String(error)).toBe(true);
        expect((error as Error).message).toMatch(/\w{3}/);
      }),
      { numRuns: 120, seed: SEED },
    );
    expect(await snapshot()).toEqual(before);
  });
});
