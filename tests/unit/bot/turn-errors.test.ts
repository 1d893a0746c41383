import { Writable } from 'node:stream';
import { TestAdapter } from 'botbuilder';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { handleTurnError } from '../../../src/bot/turn-errors.ts';
import { DomainError } from '../../../src/domain-error.ts';

function capturingLogger() {
  const lines: any[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

describe('turn-error boundary', () => {
  it('apologises with a reference id that the log carries too', async () => {
    const { log, lines } = capturingLogger();
    const adapter = new TestAdapter(async () => {
      throw new Error('database exploded near narrative about a victim');
    });
    adapter.onTurnError = handleTurnError(log);
    let reply = '';
    await adapter.send('hello').assertReply((activity) => {
      reply = activity.text ?? '';
    });
    const reference = /reference ([0-9a-f]{8})/.exec(reply)?.[1];
    expect(reply).toMatch(/^Sorry, something went wrong and nothing was changed/);
    expect(reference).toBeDefined();
    const logged = lines.find((l) => l.event === 'turn.error');
    expect(logged.reference).toBe(reference);
    expect(JSON.stringify(logged)).not.toContain('hello');
  });

  it('gives a domain refusal its own message', async () => {
    const { log } = capturingLogger();
    const adapter = new TestAdapter(async () => {
      throw new DomainError('round.forbidden', 'Only officers and the chair can open a round.');
    });
    adapter.onTurnError = handleTurnError(log);
    await adapter.send('open the Q3 round').assertReply('Only officers and the chair can open a round.');
  });
});
