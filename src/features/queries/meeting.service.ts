import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Answer } from './answers.ts';

/** The next scheduled meeting after now, with its place and agenda. */
export async function answerNextMeeting(
  prisma: PrismaClient,
  partnershipId: string,
  now: Date,
): Promise<Answer> {
  const [partnership, meeting] = await Promise.all([
    prisma.partnership.findUnique({ where: { id: partnershipId }, select: { timezone: true } }),
    prisma.meeting.findFirst({
      where: { partnershipId, status: 'SCHEDULED', startsAt: { gt: now } },
      orderBy: { startsAt: 'asc' },
      select: {
        startsAt: true,
        place: true,
        title: true,
        agenda: { orderBy: { seq: 'asc' }, select: { number: true, title: true } },
      },
    }),
  ]);
  const zone = partnership?.timezone ?? 'Europe/London';
  if (!meeting) return { kind: 'meeting', zone };
  return {
    kind: 'meeting',
    zone,
    meeting: {
      startsAt: meeting.startsAt,
      ...(meeting.place ? { place: meeting.place } : {}),
      ...(meeting.title ? { title: meeting.title } : {}),
      agenda: meeting.agenda,
    },
  };
}
