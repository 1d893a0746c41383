import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, type TeamsUser } from '../helpers/activities.ts';
import { startTestBot, type TestBot } from '../helpers/bot-harness.ts';
import { BACKENDS } from '../helpers/databases.ts';
import { cardText, teamsUser } from '../helpers/members.ts';
import { monthFromCsv, rollingYearFromCsv } from '../fixtures/metrics/independent-sums.ts';
import { HISTORICAL } from '../fixtures/metrics/paths.ts';

/**
 * A police file sent to the bot in personal chat, as Teams hands it over (a
 * `file.download.info` attachment with a pre-authorised download link), served here from a
 * loopback file host. Then the figures it brings: a monthly trend and a year-on-year comparison,
 * each checked against sums taken straight from the real Met Police file.
 */
const BURGLARY = (major: string) => major.toUpperCase() === 'BURGLARY';
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** A loopback "SharePoint": named files, counting every download. */
async function fileHost(files: Record<string, () => Buffer>) {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    const name = (req.url ?? '/').slice(1);
    hits.push(name);
    const body = files[name]?.();
    // restify (in the same process) patches ServerResponse, so no chaining on writeHead.
    res.statusCode = body ? 200 : 404;
    res.setHeader('content-type', 'text/csv');
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { hits, url: (name: string) => `${base}/${name}`, close: () => new Promise((ok) => server.close(ok)) };
}

describe.each(BACKENDS)('police files sent in chat (%s)', (backend) => {
  let t: TestBot;
  let host: Awaited<ReturnType<typeof fileHost>>;
  let officer: TeamsUser, rob: TeamsUser;
  const counts = () => t.bot.ctx.db.prisma.policeCount.count();
  const send = async (user: TeamsUser, name: string, downloadUrl: string, extra = {}) => {
    const activity = {
      ...messageActivity('', t.options(user, extra)),
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name,
          content: { downloadUrl, uniqueId: 'a1b2c3', fileType: name.split('.').pop() },
        },
      ],
    };
    const res = await t.post(activity);
    expect(res.status).toBeLessThan(300);
    return res.sent.filter((a) => a.type === 'message').map((a) => String(a.text ?? ''));
  };
  const ask = async (text: string) => {
    const [reply] = (await t.post(messageActivity(text, t.options(officer)))).sent;
    return reply!.attachments[0].content as Record<string, any>;
  };

  beforeAll(async () => {
    host = await fileHost({
      'historical.csv': () => readFileSync(HISTORICAL),
      'broken.csv': () => Buffer.from('MajorText,MinorText,BoroughName,202301\nBURGLARY,BURGLARY BUSINESS AND COMMUNITY,Bromley,twelve\n'),
      'huge.csv': () => Buffer.alloc(11 * 1024 * 1024, 'a'),
    });
    t = await startTestBot(backend, { asOf: '2023-12-15T10:00:00Z' });
    officer = teamsUser(t, 'Sarah Newman');
    rob = teamsUser(t, 'Rob Vale');
  });
  afterAll(async () => {
    await t?.stop();
    await host?.close();
  });

  it('refuses a partner, a file host it may not use, and a file that is not CSV, without downloading', async () => {
    expect(await send(rob, 'historical.csv', host.url('historical.csv'))).toEqual([
      'Only the partnership officers can do that.',
    ]);
    const [elsewhere] = await send(officer, 'historical.csv', 'https://files.example.com/historical.csv');
    expect(elsewhere).toMatch(/stored at files\.example\.com, which is not a file host this bot may fetch from\. Nothing was changed\./);
    const [docx] = await send(officer, 'minutes.docx', host.url('minutes.docx'));
    expect(docx).toMatch(/I read police and figures files as CSV/);
    expect(host.hits).toEqual([]);
    expect(await counts()).toBe(0);
  });

  it('imports the Met Police file an officer sends, and says what it read', async () => {
    const [report] = await send(officer, 'historical.csv', host.url('historical.csv'));
    expect(report).toContain('historical.csv: Met Police borough-level crime file (header BoroughName), for Bromley');
    expect(report).toContain('Months: 2010-04 to 2023-11 (164)');
    expect(report).toMatch(/Month counts: \d+ new, 0 revised/);
    expect(await counts()).toBeGreaterThan(0);
    const batch = await t.bot.ctx.db.prisma.importBatch.findFirstOrThrow({ where: { fileName: 'historical.csv' } });
    expect(batch.kind).toBe('mps-wide');
  });

  it('does nothing with the same file again, a malformed file or one over 10 MB', async () => {
    const before = await counts();
    const [again] = await send(officer, 'historical.csv', host.url('historical.csv'));
    expect(again).toMatch(/Already imported on .*: nothing changed\./);
    const [broken] = await send(officer, 'broken.csv', host.url('broken.csv'));
    expect(broken).toMatch(/^I did not import broken\.csv, line 2: .+\. Nothing was changed\.$/);
    const [huge] = await send(officer, 'huge.csv', host.url('huge.csv'));
    expect(huge).toMatch(/I did not import huge\.csv: it is over 10 MB/);
    expect(await counts()).toBe(before);
  });

  it('draws burglary month by month for the last two years, each month as the file has it', async () => {
    const card = await ask('burglary trend');
    const values = card.body.find((b: { type: string }) => b.type === 'Chart.Line').data[0].values;
    const expected = [];
    for (let i = 23; i >= 0; i--) {
      const month = new Date(Date.UTC(2023, 10 - i, 1));
      const key = `${month.getUTCFullYear()}${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
      expected.push({
        x: `${MONTHS[month.getUTCMonth()]} ${month.getUTCFullYear()}`,
        y: monthFromCsv(HISTORICAL, 'Bromley', key, BURGLARY),
      });
    }
    expect(values).toEqual(expected);
    expect(card.body[1].text).toBe('Month by month · Bromley');
  });

  it('compares burglary with last year: the rolling year, the latest quarter and month, from the file', async () => {
    const text = String((await ask('burglary compared with last year')).fallbackText);
    const year = rollingYearFromCsv(HISTORICAL, 'Bromley', '202311', BURGLARY);
    const before = rollingYearFromCsv(HISTORICAL, 'Bromley', '202211', BURGLARY);
    const n = (v: number) => v.toLocaleString('en-GB');
    expect(text).toContain(`Total Burglary: ${n(year)} offences (Rolling Year Nov 23, Bromley; computed from police data).`);
    expect(text).toContain(`Last year: ${n(before)} (Rolling Year Nov 22).`);
    const quarter = ['202307', '202308', '202309'].reduce((s, m) => s + monthFromCsv(HISTORICAL, 'Bromley', m, BURGLARY), 0);
    const lastQuarter = ['202207', '202208', '202209'].reduce((s, m) => s + monthFromCsv(HISTORICAL, 'Bromley', m, BURGLARY), 0);
    expect(text).toContain(`Q2 2023/24: ${n(quarter)} against ${n(lastQuarter)} (Q2 2022/23)`);
    expect(text).toContain(
      `Nov 2023: ${n(monthFromCsv(HISTORICAL, 'Bromley', '202311', BURGLARY))} against ${n(monthFromCsv(HISTORICAL, 'Bromley', '202211', BURGLARY))} (Nov 2022)`,
    );
    expect(text).toMatch(/Source: computed from the police data imported\. Imported \d+ December 2023\./);
  });

  it('keeps the crime table the board printed, and refuses files outside a personal chat', async () => {
    expect(cardText(await ask('crime table'))).toContain('Rolling Year Jan 22');
    const [reply] = await send(officer, 'historical.csv', host.url('historical.csv'), {
      conversation: { id: '19:general@thread.tacv2', conversationType: 'channel' },
    });
    expect(reply).toBe('Send police files to me in a personal chat, not here.');
  });
});
