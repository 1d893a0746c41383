import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/main.ts';
import { FixedClock } from '../../src/time/clock.ts';
import { cardActionActivity, messageActivity, type TeamsUser } from '../helpers/activities.ts';
import { BACKENDS, databaseEnv, type DatabaseEnv } from '../helpers/databases.ts';
import { FakeConnector } from '../helpers/fake-connector.ts';
import { executeActions } from '../helpers/members.ts';

const NARRATIVE = 'Operation Kestrel visited Mrs Jane Example at 12 Acacia Avenue after the scam.';
const PEOPLE = ['Sarah Newman', 'Rob Vale', 'Ken Loyal'];

/**
 * Logs carry ids and event names, never narratives, names or emails: everything the bot logs at
 * debug level during a round (open, fan-out, a partner's answer) and a question is captured and read.
 */
describe.each(BACKENDS)('what the logs hold on %s', (backend) => {
  const lines: string[] = [];
  let target: DatabaseEnv, connector: FakeConnector, bot: RunningBot;
  const users = new Map<string, TeamsUser>();
  const post = async (activity: Record<string, unknown>) => {
    const since = connector.calls.length;
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await res.text();
    return { body: text ? JSON.parse(text) : undefined, sent: connector.sentActivities(since) };
  };
  const opts = (name: string) => ({ serviceUrl: connector.url, from: users.get(name)! });

  beforeAll(async () => {
    target = await databaseEnv(backend);
    connector = await new FakeConnector().start();
    const sink = new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) });
    bot = await startBot({ env: { ...target.env, PORT: '0', SEED: 'example', NODE_ENV: 'test', LOG_LEVEL: 'debug' }, clock: new FixedClock('2022-10-20T09:00:00Z'), log: pino({ level: 'debug' }, sink) });
    for (const name of PEOPLE) {
      const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
      const email = `${name.toLowerCase().replace(' ', '.')}@example.org`;
      users.set(name, { id: `29:${slug}`, name, aadObjectId: `aad-${slug}` });
      connector.members.set(`29:${slug}`, { id: `29:${slug}`, name, aadObjectId: `aad-${slug}`, email, userPrincipalName: email });
      await post(messageActivity('hello', opts(name)));
    }
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
    await target.dispose();
  });

  it('logs a round submit and a question by ids and events only', async () => {
    const preview = (await post(messageActivity('open the Q3 round for priority 4, due 12 January', opts('Sarah Newman')))).sent[0]!.attachments[0].content;
    const confirm = executeActions(preview).find((a) => a.title === 'Send the cards')!;
    const since = connector.calls.length;
    await post(cardActionActivity(confirm.verb, confirm.data, opts('Sarah Newman')));
    await bot.ctx.outbox.drain();
    const card = connector.calls.slice(since).find((c) => c.conversationId === 'a:personal-aad-rob-vale')!.activity!.attachments[0].content;
    const ref = [...JSON.stringify(card).matchAll(/"id":"rag-([\d.]+)"/g)][0]![1]!;
    const { body } = await post(cardActionActivity('round.submit', { sentCardId: executeActions(card)[0]!.data.sentCardId, [`mode-${ref}`]: 'update', [`rag-${ref}`]: 'Amber', [`narrative-${ref}`]: NARRATIVE }, opts('Rob Vale')));
    expect(JSON.stringify(body)).toContain('Recorded');
    const answer = await post(messageActivity(`what did Trading Standards report for ${ref}?`, opts('Ken Loyal')));
    expect(answer.sent.length).toBeGreaterThan(0);

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(10);
    expect(log).toContain('"event":"outbox.sent"');
    for (const secret of [NARRATIVE, 'Kestrel', 'Acacia', ...PEOPLE, '@example.org', 'Trading Standards'])
      expect(log, `the log mentions "${secret}"`).not.toContain(secret);
  });
});
