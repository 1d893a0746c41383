import type { DigestOutcome } from './digest.service.ts';

/** What the officer is told after marking a meeting held or publishing its minutes. */
export function outcomeText(outcome: DigestOutcome, how: 'held' | 'minutes'): string {
  const done = how === 'minutes' ? `The minutes of the meeting of ${outcome.meetingDay} are published` : `The meeting of ${outcome.meetingDay} is marked held`;
  switch (outcome.kind) {
    case 'posted':
      return `${done}. The digest is being posted to the partnership's channel, and ${outcome.members} members get their own items.`;
    case 'already':
      return `${done}. Its digest was already posted, so nothing more was sent; say "repost the digest" to post it again.`;
    case 'no-channel':
      return `${done}, but no channel is registered for digests: say "post digests here" in the team channel, @mentioning me, then "publish minutes" again.`;
  }
}
