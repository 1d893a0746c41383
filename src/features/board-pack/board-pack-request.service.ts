import { DateTime } from 'luxon';
import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { LONDON } from '../../time/financial-year.ts';
import type { Actor } from '../identity/identity.service.ts';
import { latestStartedMeeting, meetingOnSpokenDate, nextMeeting, type MeetingRow } from '../meetings/meeting-dates.ts';
import { formatDay } from '../meetings/meetings.cards.ts';
import { decide } from '../policy/policy.ts';
import type { BoardPackCommand, MeetingRef } from './board-pack.commands.ts';
import type { PackVersion } from './board-pack.model.ts';
import { downloadLink, linkBase } from './board-pack-links.ts';

type Db = Prisma.TransactionClient | PrismaClient;

export type PackRequestOutcome =
  | { kind: 'link'; url: string; expiresAt: Date; meetingDate: string; version: PackVersion }
  | { kind: 'not-configured'; meetingDate: string };

/** The meeting a request means; a month without a year means that month's meeting nearest to now. */
export async function meetingFor(db: Db, partnershipId: string, ref: MeetingRef, now: Date): Promise<MeetingRow> {
  const none = (what: string) => new DomainError('boardPack.no-meeting', `There is no ${what} to make a board pack for.`, 404);
  switch (ref.kind) {
    case 'date':
      return meetingOnSpokenDate(db, partnershipId, ref.raw, now);
    case 'next':
      return (await nextMeeting(db, partnershipId, now)) ?? Promise.reject(none('meeting coming up'));
    case 'last':
      return (await latestStartedMeeting(db, partnershipId, now)) ?? Promise.reject(none('earlier meeting'));
    case 'month': {
      const meetings = await db.meeting.findMany({ where: { partnershipId, status: { not: 'CANCELLED' } }, select: { id: true, startsAt: true, status: true, place: true, title: true } });
      const inMonth = meetings.filter((m) => {
        const d = DateTime.fromJSDate(m.startsAt, { zone: LONDON });
        return d.month === ref.month && (ref.year === undefined || d.year === ref.year);
      });
      inMonth.sort((a, b) => Math.abs(a.startsAt.getTime() - now.getTime()) - Math.abs(b.startsAt.getTime() - now.getTime()));
      const month = DateTime.fromObject({ month: ref.month }).setLocale('en-GB').toFormat('LLLL');
      if (!inMonth[0]) throw none(`meeting in ${month}${ref.year ? ` ${ref.year}` : ''}`);
      return inMonth[0];
    }
  }
}

/**
 * A chat request for the pack: officers and the chair get a signed link (the board version,
 * with board-only updates, is for officers only). The link is the only thing made here; the
 * document is generated when it is downloaded.
 */
export async function requestBoardPack(ctx: Pick<AppContext, 'config' | 'db' | 'clock' | 'log'>, actor: Actor, command: BoardPackCommand): Promise<PackRequestOutcome> {
  const allowed = decide(actor, command.version === 'board' ? 'boardPack.board' : 'boardPack.get');
  if (!allowed.allowed)
    throw new DomainError('boardPack.refused', command.version === 'board' ? `${allowed.reason} Ask for the public board pack instead.` : allowed.reason, 403);
  const now = ctx.clock.now();
  const meeting = await meetingFor(ctx.db.prisma, actor.partnershipId, command.meeting, now);
  const meetingDate = formatDay(meeting.startsAt);
  const links = linkBase(ctx.config);
  if (!links) return { kind: 'not-configured', meetingDate };
  const { url, expiresAt } = downloadLink(links.base, links.secret, meeting.id, command.version, now);
  ctx.log.info({ event: 'boardPack.link_issued', meetingId: meeting.id, personId: actor.personId, version: command.version }, 'board pack link issued');
  return { kind: 'link', url, expiresAt, meetingDate, version: command.version };
}

/** The bot's answer in words; the link as a Markdown link Teams renders. */
export function requestReply(outcome: PackRequestOutcome): string {
  if (outcome.kind === 'not-configured')
    return `I can make the board pack for the meeting of ${outcome.meetingDate}, but download links are not configured on this bot (PUBLIC_BASE_URL and LINK_SIGNING_SECRET). An officer can run "npm run board-pack" instead.`;
  const expires = DateTime.fromJSDate(outcome.expiresAt, { zone: LONDON }).toFormat('HH:mm');
  const which = outcome.version === 'board' ? 'board version (includes board-only updates; not for publication)' : 'public version';
  return `Board pack for the meeting of ${outcome.meetingDate}, ${which}: [download the Word document](${outcome.url}). The link works until ${expires} (15 minutes) and the pack is made when you open it.`;
}
