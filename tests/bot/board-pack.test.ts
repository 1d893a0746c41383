import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, type TeamsUser } from '../helpers/activities.ts';
import { startTestBot, type TestBot } from '../helpers/bot-harness.ts';
import { BACKENDS } from '../helpers/databases.ts';
import { teamsUser } from '../helpers/members.ts';
import { docxParagraphs } from '../unit/board-pack/docx-text.ts';

const PUBLIC_BASE_URL = 'https://pbb.example.org';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe.each(BACKENDS)('board pack from chat on %s', (backend) => {
  let t: TestBot;
  let chair: TeamsUser, officer: TeamsUser, partner: TeamsUser;
  const say = async (user: TeamsUser, text: string) => (await t.post(messageActivity(text, t.options(user)))).sent;
  /** The link the bot gave, pointed at the bot under test (PUBLIC_BASE_URL is where Teams users would reach it). */
  const linkIn = (text: string) => {
    const url = /\((https:\/\/pbb\.example\.org\/downloads\/[^)\s]+)\)/.exec(text)?.[1];
    expect(url, text).toBeDefined();
    return url!.replace(PUBLIC_BASE_URL, t.bot.url);
  };

  beforeAll(async () => {
    t = await startTestBot(backend, { asOf: '2022-10-20T09:00:00Z', env: { PUBLIC_BASE_URL, LINK_SIGNING_SECRET: 'test-signing-secret-0123456789abcdef' } });
    chair = teamsUser(t, 'Louise Watkinson');
    officer = teamsUser(t, 'Sarah Newman');
    partner = teamsUser(t, 'Rob Vale');
  }, 120_000);
  afterAll(async () => t.stop());

  it('gives the chair a short-lived link that downloads the Word pack for 27 October', async () => {
    const sent = await say(chair, 'board pack for the October meeting');
    expect(sent[0]!.text).toMatch(/Board pack for the meeting of 27 October 2022, public version: \[download the Word document\]/);
    expect(sent[0]!.text).toMatch(/works until 10:15 \(15 minutes\)/);
    const started = performance.now();
    const response = await fetch(linkIn(sent[0]!.text));
    const body = Buffer.from(await response.arrayBuffer());
    console.info(`board pack download (${backend}): ${Math.round(performance.now() - started)} ms, ${body.length} bytes`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="board-pack-2022-10-27.docx"');
    const paragraphs = docxParagraphs(body);
    expect(paragraphs).toContain('Priority 4 – Stand Together Against Hate Crime and Extremism');
    expect(paragraphs).toContain('Public version: updates marked board only are left out.');
    expect(paragraphs).toContain('Appendix A – Matters Arising');
  });

  it('reads "board pack for 27 October" as the same meeting', async () => {
    const sent = await say(officer, 'board pack for 27 October');
    expect(sent[0]!.text).toMatch(/meeting of 27 October 2022/);
  });

  it('refuses a tampered link with 403 and an expired one with 410, saying what to do', async () => {
    const url = linkIn((await say(chair, 'board pack for 27 October'))[0]!.text);
    const tampered = url.replace(/\.public\./, '.board.');
    const refused = await fetch(tampered);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/not valid.*Ask the bot for the board pack again/);
    t.clock.set('2022-10-20T09:16:00Z');
    try {
      const expired = await fetch(url);
      expect(expired.status).toBe(410);
      expect(await expired.text()).toMatch(/expired/);
    } finally {
      t.clock.set('2022-10-20T09:00:00Z');
    }
  });

  it('refuses a partner, and gives the board version to officers only', async () => {
    expect((await say(partner, 'board pack for the October meeting'))[0]!.text).toMatch(/Only the officers and the chair can do that/);
    expect((await say(chair, 'board version of the board pack for 27 October'))[0]!.text).toMatch(/Only the partnership officers can do that\. Ask for the public board pack instead\./);
    const sent = await say(officer, 'board version of the board pack for 27 October');
    expect(sent[0]!.text).toMatch(/board version \(includes board-only updates; not for publication\)/);
    const response = await fetch(linkIn(sent[0]!.text));
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="board-pack-2022-10-27-board.docx"');
    expect(docxParagraphs(Buffer.from(await response.arrayBuffer()))).toContain('Board version: includes updates marked board only. Not for publication.');
  });
});
