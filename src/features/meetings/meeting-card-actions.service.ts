import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import type { Actor } from '../identity/identity.service.ts';
import { changeAction } from './action-changes.service.ts';
import { recordFromCard } from './meeting-record.service.ts';
import { renderMeetingNotice } from './meetings.cards.ts';
import { ActionCardSubmitSchema, RecordMinutesSchema, type ActionCardRecord } from './meetings.schemas.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'outbox'>;

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, data: unknown): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new DomainError('card.invalid', `Please check ${String(issue.path.join('.') || 'the card')}: ${issue.message}.`);
}

/** The card the bot sent to this person (card data names it; the server's record decides). */
async function sentCardFor(ctx: Ctx, actor: Actor | undefined, id: string, kind: string) {
  const card = await ctx.db.prisma.sentCard.findUnique({ where: { id } });
  if (!card || card.kind !== kind) throw new DomainError('card.unknown', 'I do not recognise this card; ask me again for a new one.', 404);
  if (!actor || card.personId !== actor.personId) throw new DomainError('card.not_yours', 'This card was sent to someone else.', 403);
  return card;
}

/**
 * An owner's "Post update" or "Propose closing" from their action card. Only the person the
 * card was sent to may use it, and the change rules (owners and officers) still apply.
 */
export async function submitActionCard(ctx: Ctx, actor: Actor | undefined, kind: 'update' | 'proposeClose', data: unknown, activityId?: string) {
  const submit = parse(ActionCardSubmitSchema, data);
  const card = await sentCardFor(ctx, actor, submit.sentCardId, 'action.notice');
  const { actionId } = card.data as unknown as ActionCardRecord;
  if (kind === 'update' && !submit.updateText) throw new DomainError('action.empty', 'Write your update in the box first.');
  const outcome = await changeAction(ctx, actor, { actionId }, kind === 'update' ? { kind, text: submit.updateText! } : { kind, ...(submit.updateText ? { text: submit.updateText } : {}) }, activityId);
  return renderMeetingNotice(`The ${outcome.ref} action: ${outcome.status}`, outcome.message);
}

/** The officer's "record minutes" form: meeting, minute and optional action in one go. */
export async function submitRecordCard(ctx: Ctx, actor: Actor | undefined, data: unknown, activityId?: string) {
  const input = parse(RecordMinutesSchema, data);
  await sentCardFor(ctx, actor, input.sentCardId, 'minutes.form');
  const { action } = await recordFromCard(ctx, actor, input, activityId);
  const text = action ? `Minute ${input.minuteNumber} recorded with action #${action.seq}; ${action.notices} owner notices sent.` : `Minute ${input.minuteNumber} recorded.`;
  return renderMeetingNotice(`Recorded: ${input.meetingDate}`, text);
}
