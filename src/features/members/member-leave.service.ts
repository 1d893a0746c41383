import { DomainError } from '../../domain-error.ts';
import type { Actor } from '../identity/identity.service.ts';
import { formatDate } from '../queries/format.ts';
import { parseDueDate } from '../rounds/rounds.commands.ts';
import { auditBy, authorise, findMember, type Ctx, type Tx } from './member-people.ts';

export interface LeaveOutcome {
  from: string;
  to: string;
  deputy?: string;
  already: boolean;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const shown = (iso: string) => formatDate(new Date(`${iso}T12:00:00Z`));

/** "1–12 December": a member's own leave, with their deputy if named. Dates without a year are the next ones. */
export async function setLeave(
  ctx: Ctx,
  who: Actor | undefined,
  span: { from: string; to: string; deputy?: string },
  sourceActivityId?: string,
): Promise<LeaveOutcome> {
  const actor = authorise(who, 'member.self', { owns: true });
  const now = ctx.clock.now();
  const from = parseDueDate(span.from, now);
  const to = from ? parseDueDate(span.to, new Date(day(from).getTime() - 86_400_000)) : undefined;
  if (!from || !to)
    throw new DomainError(
      'member.bad_date',
      'I could not read those dates. Try "I\'m on leave 1–12 December" or "I\'m on leave from 20 December to 3 January".',
    );
  if (to < from)
    throw new DomainError(
      'member.bad_date',
      `Your leave would end (${shown(to)}) before it starts (${shown(from)}); nothing was recorded.`,
    );
  if (day(to).getTime() - day(from).getTime() > 366 * 86_400_000)
    throw new DomainError(
      'member.bad_date',
      'That is more than a year of leave; please check the dates. Nothing was recorded.',
    );
  return ctx.db.prisma.$transaction(async (tx) => {
    const deputy = span.deputy
      ? await chooseDeputy(tx, actor, now, span.deputy, sourceActivityId)
      : undefined;
    const existing = await tx.leave.findFirst({
      where: { personId: actor.personId, startsOn: day(from), endsOn: day(to) },
    });
    if (!existing) {
      const leave = await tx.leave.create({
        data: { personId: actor.personId, startsOn: day(from), endsOn: day(to) },
      });
      await auditBy(tx, actor, now, {
        action: 'member.leave',
        entity: 'Leave',
        entityId: leave.id,
        entityRef: actor.name,
        sourceActivityId,
        after: { from, to },
      });
    }
    return { from: shown(from), to: shown(to), deputy, already: !!existing };
  });
}

/** "my deputy is Stuart Baker"; no name clears it. */
export async function setDeputy(
  ctx: Ctx,
  who: Actor | undefined,
  name: string | undefined,
  sourceActivityId?: string,
): Promise<string | undefined> {
  const actor = authorise(who, 'member.self', { owns: true });
  const now = ctx.clock.now();
  return ctx.db.prisma.$transaction(async (tx) =>
    name
      ? chooseDeputy(tx, actor, now, name, sourceActivityId)
      : recordDeputy(tx, actor, now, null, sourceActivityId).then(() => undefined),
  );
}

async function chooseDeputy(
  tx: Tx,
  actor: Actor,
  now: Date,
  name: string,
  sourceActivityId?: string,
): Promise<string> {
  const deputy = await findMember(tx, actor.partnershipId, name);
  if (deputy.id === actor.personId)
    throw new DomainError(
      'member.bad_deputy',
      'You cannot be your own deputy; nothing was changed.',
    );
  await recordDeputy(tx, actor, now, deputy.id, sourceActivityId);
  return deputy.name;
}

/** Sets (or clears) the member's deputy, audited; nothing happens when it is already so. */
async function recordDeputy(
  tx: Tx,
  actor: Actor,
  now: Date,
  deputyId: string | null,
  sourceActivityId?: string,
): Promise<void> {
  const me = await tx.person.findUniqueOrThrow({ where: { id: actor.personId } });
  if (me.deputyId === deputyId) return;
  await tx.person.update({ where: { id: actor.personId }, data: { deputyId } });
  await auditBy(tx, actor, now, {
    action: 'member.deputy',
    entity: 'Person',
    entityId: actor.personId,
    entityRef: actor.name,
    sourceActivityId,
    before: { deputyId: me.deputyId },
    after: { deputyId },
  });
}

/** What the member is told. */
export function leaveMessage(outcome: LeaveOutcome): string {
  const deputy = outcome.deputy
    ? ` ${outcome.deputy} is your deputy.`
    : ' You have not named a deputy: say "my deputy is NAME" to add one.';
  return `${outcome.already ? 'I already had your leave' : 'Recorded your leave'} from ${outcome.from} to ${outcome.to}.${deputy}`;
}
