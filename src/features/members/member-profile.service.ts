import { localDate } from '../../time/financial-year.ts';
import type { Actor } from '../identity/identity.service.ts';
import { formatDate } from '../queries/format.ts';
import { holdingsOf } from './member-holdings.ts';
import { authorise, findMember, type Ctx } from './member-people.ts';
import { ROLE_WORD } from './members.schemas.ts';

/** Everything the bot holds about a member and everything they own, as they would read it. */
export interface ProfileView {
  /** The member's own profile (not an officer looking at someone else's). */
  own: boolean;
  name: string;
  title: string;
  organisation: string;
  email: string;
  membership: string;
  roles: string;
  services: string[];
  actions: string[];
  delegations: string[];
  leave: string[];
  deputy: string;
  deputyFor: string;
}

/**
 * "my profile" for anyone; another member's profile only for the officers (policy: member.self
 * with `owns`). Leave that has ended is not shown.
 */
export async function profileOf(
  ctx: Ctx,
  who: Actor | undefined,
  name?: string,
): Promise<ProfileView> {
  authorise(who, 'data.read');
  const asked = name
    ? await findMember(ctx.db.prisma, who?.partnershipId ?? '', name, [
        'MEMBER',
        'ATTENDEE',
        'RETIRED',
      ])
    : undefined;
  const actor = authorise(who, 'member.self', { owns: !asked || asked.id === who?.personId });
  const personId = asked?.id ?? actor.personId;
  const { prisma } = ctx.db;
  const today = localDate(ctx.clock.now());
  const person = await prisma.person.findUniqueOrThrow({
    where: { id: personId },
    include: {
      organisation: { select: { name: true } },
      deputy: { select: { name: true } },
      deputyFor: { where: { membership: 'MEMBER' }, select: { name: true } },
      leave: {
        where: { endsOn: { gte: new Date(`${today}T00:00:00Z`) } },
        orderBy: { startsOn: 'asc' },
      },
      delegationsOut: {
        where: { revokedAt: null, OR: [{ roundId: null }, { round: { status: 'OPEN' } }] },
        include: { to: { select: { name: true } } },
      },
    },
  });
  const holdings = await holdingsOf(prisma, personId);
  const none = 'None';
  return {
    own: personId === actor.personId,
    name: [person.honorific, person.name].filter(Boolean).join(' '),
    title: person.title ?? none,
    organisation: person.organisation?.name ?? none,
    email: person.email,
    membership:
      person.membership === 'MEMBER'
        ? 'Member'
        : person.membership === 'ATTENDEE'
          ? 'Attendee'
          : `Retired ${person.retiredAt ? formatDate(person.retiredAt) : ''}`.trim(),
    roles: person.roles.map((r) => ROLE_WORD[r]).join(', ') || none,
    services: holdings.filter((h) => h.kind === 'service').map((h) => h.label),
    actions: holdings.filter((h) => h.kind === 'action').map((h) => h.label),
    delegations: [
      ...holdings.filter((h) => h.kind === 'delegation').map((h) => h.label),
      ...person.delegationsOut.map((d) => `Your updates delegated to ${d.to.name}`),
    ],
    leave: person.leave.map((l) => `${formatDate(l.startsOn)} to ${formatDate(l.endsOn)}`),
    deputy: person.deputy?.name ?? none,
    deputyFor: person.deputyFor.map((p) => p.name).join(', ') || none,
  };
}
