import { describe, expect, it } from 'vitest';
import { downloadLink, linkBase, signLink, verifyLink, LINK_LIFETIME_MS } from '../../../src/features/board-pack/board-pack-links.ts';

const SECRET = 'a-signing-secret-of-at-least-32-characters';
const MEETING = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const now = new Date('2022-10-20T09:00:00Z');

describe('signed download links', () => {
  it('accepts its own token until it expires, then says it has expired', () => {
    const { url, expiresAt } = downloadLink('https://bot.example.org', SECRET, MEETING, 'public', now);
    expect(expiresAt.getTime() - now.getTime()).toBe(LINK_LIFETIME_MS);
    const token = url.split('/downloads/')[1]!;
    expect(verifyLink(SECRET, token, new Date(now.getTime() + LINK_LIFETIME_MS - 1000))).toEqual({ ok: true, claims: { meetingId: MEETING, version: 'public', expires: expiresAt.getTime() / 1000 } });
    expect(verifyLink(SECRET, token, expiresAt)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token whose meeting, version, expiry or signature was changed, or signed with another secret', () => {
    const expires = Math.floor(now.getTime() / 1000) + 900;
    const token = signLink(SECRET, { meetingId: MEETING, version: 'public', expires });
    const [id, , exp, sig] = token.split('.');
    const other = '00000000-0000-4000-8000-000000000000';
    for (const bad of [
      `${other}.public.${exp}.${sig}`,
      `${id}.board.${exp}.${sig}`,
      `${id}.public.${Number(exp) + 86_400}.${sig}`,
      `${id}.public.${exp}.${sig!.slice(0, -2)}AA`,
      signLink('another-secret-of-at-least-32-characters!', { meetingId: MEETING, version: 'public', expires }),
    ])
      expect(verifyLink(SECRET, bad, now)).toEqual({ ok: false, reason: 'tampered' });
    for (const bad of ['', 'nonsense', `${id}.secret.${exp}.${sig}`, `${id}.public.soon.${sig}`, `${token}.extra`])
      expect(verifyLink(SECRET, bad, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('makes links only with a secret, at PUBLIC_BASE_URL, or in local mode at the fixed local port', () => {
    const base = { PUBLIC_BASE_URL: undefined, LINK_SIGNING_SECRET: SECRET, localMode: false, PORT: 3978 };
    expect(linkBase({ ...base, LINK_SIGNING_SECRET: undefined, PUBLIC_BASE_URL: 'https://bot.example.org' })).toBeUndefined();
    expect(linkBase({ ...base, PUBLIC_BASE_URL: 'https://bot.example.org/' })).toEqual({ base: 'https://bot.example.org', secret: SECRET });
    expect(linkBase(base)).toBeUndefined();
    expect(linkBase({ ...base, localMode: true })).toEqual({ base: 'http://127.0.0.1:3978', secret: SECRET });
    expect(linkBase({ ...base, localMode: true, PORT: 0 })).toBeUndefined();
  });
});
