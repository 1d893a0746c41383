import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config.ts';
import { PACK_VERSIONS, type PackVersion } from './board-pack.model.ts';

/** How long a download link works: long enough to click, short enough that a forwarded link dies. */
export const LINK_LIFETIME_MS = 15 * 60 * 1000;

export interface LinkClaims {
  meetingId: string;
  version: PackVersion;
  /** Seconds since the epoch. */
  expires: number;
}

export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; reason: 'malformed' | 'tampered' | 'expired' };

const signature = (secret: string, c: LinkClaims) =>
  createHmac('sha256', secret).update(`board-pack\n${c.meetingId}\n${c.version}\n${c.expires}`).digest();

/** "<meetingId>.<version>.<expires>.<HMAC-SHA256, base64url>": nothing secret in it, nothing changeable. */
export function signLink(secret: string, claims: LinkClaims): string {
  return `${claims.meetingId}.${claims.version}.${claims.expires}.${signature(secret, claims).toString('base64url')}`;
}

/**
 * Checks a token: the signature first (compared in constant time), so an altered expiry is
 * "tampered", never "expired"; then the expiry against the clock.
 */
export function verifyLink(secret: string, token: string, now: Date): LinkCheck {
  const parts = token.split('.');
  if (parts.length !== 4) return { ok: false, reason: 'malformed' };
  const [meetingId, version, expires, sig] = parts as [string, string, string, string];
  if (!/^[0-9a-f-]{36}$/i.test(meetingId) || !PACK_VERSIONS.includes(version as PackVersion) || !/^\d{1,12}$/.test(expires))
    return { ok: false, reason: 'malformed' };
  const claims: LinkClaims = { meetingId, version: version as PackVersion, expires: Number(expires) };
  const given = Buffer.from(sig, 'base64url');
  const wanted = signature(secret, claims);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { ok: false, reason: 'tampered' };
  if (claims.expires * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

/**
 * Where links point: PUBLIC_BASE_URL; in local mode without it, the bot's own loopback address
 * (when it listens on a fixed port). Undefined when links cannot be made: no signing secret,
 * or no address people can reach.
 */
export function linkBase(config: Pick<Config, 'PUBLIC_BASE_URL' | 'LINK_SIGNING_SECRET' | 'localMode' | 'PORT'>): { base: string; secret: string } | undefined {
  if (!config.LINK_SIGNING_SECRET) return undefined;
  if (config.PUBLIC_BASE_URL) return { base: config.PUBLIC_BASE_URL.replace(/\/+$/, ''), secret: config.LINK_SIGNING_SECRET };
  if (config.localMode && config.PORT !== 0) return { base: `http://127.0.0.1:${config.PORT}`, secret: config.LINK_SIGNING_SECRET };
  return undefined;
}

/** A signed download link for a meeting's pack, valid for LINK_LIFETIME_MS from now. */
export function downloadLink(base: string, secret: string, meetingId: string, version: PackVersion, now: Date): { url: string; expiresAt: Date } {
  const expires = Math.floor((now.getTime() + LINK_LIFETIME_MS) / 1000);
  return { url: `${base}/downloads/${signLink(secret, { meetingId, version, expires })}`, expiresAt: new Date(expires * 1000) };
}
