import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/bot/teams-transport.ts';
import { backoff, throttleDelay } from '../../../src/features/delivery/throttle.service.ts';

/** The shape of a Bot Connector failure as botframework-connector throws it. */
function connectorError(statusCode: number, body: unknown = {}, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`status ${statusCode}`), {
    statusCode,
    response: { headers: { get: (name: string) => headers[name.toLowerCase()] }, bodyAsText: JSON.stringify(body) },
  });
}

describe('classifying Teams answers', () => {
  it('429 is throttled, honouring Retry-After in seconds', () => {
    expect(classify(connectorError(429, {}, { 'retry-after': '3' }))).toMatchObject({ kind: 'throttled', retryAfterMs: 3000 });
    expect(classify(connectorError(429))).toMatchObject({ kind: 'throttled', retryAfterMs: undefined });
  });

  it('403 means the person needs the app installed, keeping Teams’ sub-code', () => {
    const outcome = classify(connectorError(403, { error: { code: 'Forbidden' }, subCode: 'MessageWritesBlocked' }));
    expect(outcome.kind).toBe('needs-install');
    expect(outcome.kind === 'needs-install' && outcome.error).toContain('MessageWritesBlocked');
    expect(classify(connectorError(403, { error: { code: 'ConversationBlockedByUser' } }))).toMatchObject({ error: expect.stringContaining('ConversationBlockedByUser') });
  });

  it.each([412, 500, 502, 503, 504])('%i is retried', (status) => {
    expect(classify(connectorError(status)).kind).toBe('retry');
  });

  it.each([400, 404, 413])('%i is never retried', (status) => {
    expect(classify(connectorError(status)).kind).toBe('failed');
  });

  it('a network failure (no status) is retried', () => {
    expect(classify(Object.assign(new Error('ECONNRESET'), { code: 'ECONNRESET' })).kind).toBe('retry');
  });
});

describe('waiting after failures', () => {
  it('backs off exponentially with jitter, capped at five minutes', () => {
    expect(backoff(1, () => 0)).toBe(500);
    expect(backoff(1, () => 1)).toBe(1000);
    expect(backoff(4, () => 0.5)).toBe(6000);
    expect(backoff(30, () => 1)).toBe(300_000);
  });

  it('waits at least Retry-After after a 429, plus up to a fifth at random', () => {
    expect(throttleDelay(10_000, 1, () => 0)).toBe(10_000);
    expect(throttleDelay(10_000, 1, () => 1)).toBe(12_000);
    const delays = Array.from({ length: 50 }, () => throttleDelay(2_000, 1));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(2_000);
    expect(new Set(delays).size).toBeGreaterThan(1);
  });
});
