import { DATE_WORDS } from '../meetings/meeting-dates.ts';

/** What an officer asked of digests, in words. */
export type DigestCommand =
  | { kind: 'register' }
  | { kind: 'held'; date?: string }
  | { kind: 'minutes'; date?: string }
  | { kind: 'repost'; date?: string };

const D = DATE_WORDS;
const OF = String.raw`(?: (?:of|for) the (${D})(?: meeting)?)?`;

/** Reads a digest command; undefined when the text is not one. */
export function parseDigestCommand(raw: string): DigestCommand | undefined {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (/^(?:please )?post (?:the )?(?:meeting )?digests? (?:here|in this channel)\.?$/i.test(text)) return { kind: 'register' };
  const held = new RegExp(String.raw`^mark (?:the )?(?:(${D}) )?(?:board )?meeting(?: of (${D}))? (?:as )?held\.?$`, 'i').exec(text);
  if (held) return { kind: 'held', ...date(held[1] ?? held[2]) };
  const minutes = new RegExp(String.raw`^publish (?:the )?minutes${OF}\.?$`, 'i').exec(text);
  if (minutes) return { kind: 'minutes', ...date(minutes[1]) };
  const repost = new RegExp(String.raw`^re-?post (?:the )?digest${OF}\.?$`, 'i').exec(text);
  if (repost) return { kind: 'repost', ...date(repost[1]) };
  return undefined;
}

const date = (d: string | undefined) => (d ? { date: d } : {});
