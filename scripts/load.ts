// npm run load: a whole board answering a round at once plus 100 concurrent questions, against the
// real bot on loopback (fake Bot Connector), on PGlite and on PostgreSQL. Prints throughput and
// latency and writes docs/reliability.md; exits 1 on any error. Part of `npm run test:slow`.
import { cpus, loadavg } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pino } from 'pino';
import type { Backend } from '../src/db/database.ts';
import { startBot, type RunningBot } from '../src/main.ts';
import { FixedClock } from '../src/time/clock.ts';
import { cardActionActivity, messageActivity, type TeamsUser } from '../tests/helpers/activities.ts';
import { backends, databaseEnv } from '../tests/helpers/databases.ts';
import { FakeConnector } from '../tests/helpers/fake-connector.ts';

const QUESTIONS = ['What is the current RAG?', 'RAG for priority 2', 'Outstanding actions', 'Who answers for Trading Standards?', 'Who is the chair?', 'When is the next meeting?', 'what do I still owe?', 'What did Community Safety say in Q2 2022/23?'];
const ERROR_TEXT = /something went wrong|Not saved/i;

interface Phase { name: string; requests: number; errors: number; seconds: number; p50: number; p99: number; max: number; samples?: string[] }

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Runs the requests all at once and measures each; an error is a non-200 or an apology. */
async function phase(name: string, requests: Array<() => Promise<{ status: number; text: string }>>): Promise<Phase> {
  const latencies: number[] = [];
  let errors = 0;
  const samples: string[] = [];
  const started = performance.now();
  await Promise.all(requests.map(async (request) => {
    const t0 = performance.now();
    try {
      const { status, text } = await request();
      if (status !== 200 || ERROR_TEXT.test(text)) {
        errors++;
        samples.push(`${status} ${text.slice(0, 300)}`);
      }
    } catch (error) {
      errors++;
      samples.push(String(error));
    }
    latencies.push(performance.now() - t0);
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { name, requests: requests.length, errors, seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0, samples };
}

async function run(backend: Backend): Promise<Phase[]> {
  const target = await databaseEnv(backend);
  const connector = await new FakeConnector().start();
  let bot: RunningBot | undefined;
  try {
    bot = await startBot({ env: { ...target.env, PORT: '0', SEED: 'example', NODE_ENV: 'test', LOG_LEVEL: 'silent' }, clock: new FixedClock('2022-10-20T09:00:00Z'), log: pino({ level: process.env.LOAD_LOG_LEVEL ?? 'silent' }) });
    const url = bot.url;
    const post = async (activity: Record<string, unknown>) => {
      const since = connector.calls.length;
      const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const body = await res.text();
      return { status: res.status, body, sent: connector.sentActivities(since) };
    };
    const people = await bot.ctx.db.prisma.person.findMany({ where: { membership: 'MEMBER' }, select: { name: true, email: true } });
    const users = new Map<string, TeamsUser>();
    for (const p of people) {
      const slug = p.email.split('@')[0]!.replace(/[^a-z]+/g, '-');
      const user = { id: `29:${slug}`, name: p.name, aadObjectId: `aad-${slug}` };
      connector.members.set(user.id, { ...user, email: p.email, userPrincipalName: p.email });
      users.set(p.name, user);
      await post(messageActivity('hello', { serviceUrl: connector.url, from: user }));
    }
    const officer = users.get('Sarah Newman')!;
    const preview = (await post(messageActivity('open the Q3 round for all priorities, due 12 January', { serviceUrl: connector.url, from: officer }))).sent[0]!.attachments[0].content;
    const confirm = preview.actions.find((a: { verb?: string }) => a.verb === 'round.confirmOpen');
    const since = connector.calls.length;
    const fanOutStarted = performance.now();
    await post(cardActionActivity(confirm.verb, confirm.data, { serviceUrl: connector.url, from: officer }));
    await bot.ctx.outbox.drain();
    const cards = connector.calls.slice(since).filter((c) => JSON.stringify(c.activity ?? {}).includes('"round.submit"'));
    const fanOut: Phase = { name: `fan-out (${cards.length} cards to ${new Set(cards.map((c) => c.conversationId)).size} partners, under Teams' rate limits)`, requests: cards.length, errors: 0, seconds: (performance.now() - fanOutStarted) / 1000, p50: 0, p99: 0, max: 0 };
    const byConversation = new Map([...users.values()].map((u) => [`a:personal-${u.aadObjectId}`, u]));
    const submits = cards.map((c) => () => {
      const card = c.activity!.attachments[0].content;
      const text = JSON.stringify(card);
      const data: Record<string, string> = { sentCardId: /"sentCardId":"([^"]+)"/.exec(text)![1]! };
      for (const [, ref] of text.matchAll(/"id":"mode-([\d.]+)"/g)) {
        data[`mode-${ref}`] = 'update';
        data[`narrative-${ref}`] = `Load test update for ${ref}: work continues as planned.`;
        if (text.includes(`"id":"rag-${ref}"`)) data[`rag-${ref}`] = 'Green';
      }
      return post(cardActionActivity('round.submit', data, { serviceUrl: connector.url, from: byConversation.get(c.conversationId!)! })).then((r) => ({ status: r.status, text: r.body.includes('Recorded') ? r.body : `not recorded: ${r.body}` }));
    });
    const answering = await phase('the whole board submits its cards at once', submits);
    const members = [...users.values()];
    const asks = Array.from({ length: 100 }, (_, i) => () =>
      post(messageActivity(QUESTIONS[i % QUESTIONS.length]!, { serviceUrl: connector.url, from: members[i % members.length]! })).then((r) => ({ status: r.status, text: r.sent.length ? JSON.stringify(r.sent) : 'no reply' })),
    );
    const questions = await phase('100 concurrent questions', asks);
    return [fanOut, answering, questions];
  } finally {
    await bot?.stop();
    await connector.stop();
    await target.dispose();
  }
}

const row = (backend: string, p: Phase) =>
  `| ${backend} | ${p.name} | ${p.requests} | ${p.errors} | ${p.seconds.toFixed(2)} | ${(p.requests / p.seconds).toFixed(1)} | ${p.p50 ? p.p50.toFixed(0) : '–'} | ${p.p99 ? p.p99.toFixed(0) : '–'} |`;

const results: Array<[Backend, Phase[]]> = [];
for (const backend of await backends()) results.push([backend, await run(backend)]);
const table = ['| backend | phase | requests | errors | seconds | per second | p50 ms | p99 ms |', '|---|---|---|---|---|---|---|---|', ...results.flatMap(([b, phases]) => phases.map((p) => row(b, p)))].join('\n');
console.log(table);
const errors = results.flatMap(([, phases]) => phases).reduce((n, p) => n + p.errors, 0);
for (const [backend, phases] of results) for (const p of phases) for (const sample of (p.samples ?? []).slice(0, 3)) console.error(`${backend}, ${p.name}: ${sample}`);
const page = resolve(import.meta.dirname, '..', 'docs', 'reliability.md');
writeFileSync(page, withFigures(readFileSync(page, 'utf8'), table));
console.log(errors ? `\n${errors} errors` : '\nno errors; written to docs/reliability.md');
process.exit(errors ? 1 : 0);

/**
 * The page with this run's figures in place of the last run's: only the "Measured on" line and the
 * table after it change, so that what the page says about faults and the rest, written by hand,
 * stays as written.
 */
function withFigures(text: string, figures: string): string {
  const measured = `Measured on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} CPU cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} when it finished (other work on the machine slows every figure):`;
  const block = /^Measured on .*\n\n(?:\|.*\n)+/m;
  if (!block.test(text)) throw new Error('docs/reliability.md has no "Measured on" line followed by a table to replace');
  return text.replace(block, () => `${measured}\n\n${figures}\n`);
}
