import type { cardAttachment } from '../../cards/card-templates.ts';
import type { Actor } from '../identity/identity.service.ts';
import { addMember, addMessage } from './member-add.service.ts';
import {
  attendanceMessage,
  recordApologies,
  recordAttendance,
  showAttendance,
} from './member-attendance.service.ts';
import { addForm, previewRetire } from './member-cards.service.ts';
import { retireInWords } from './member-handover-words.ts';
import { leaveMessage, setDeputy, setLeave } from './member-leave.service.ts';
import type { Ctx } from './member-people.ts';
import { profileOf } from './member-profile.service.ts';
import { changeRole, roleMessage } from './member-roles.service.ts';
import { answersFor, answersMessage, rememberChoices } from './member-services.service.ts';
import {
  renderAddForm,
  renderProfile,
  renderRetireCard,
  renderRetireResult,
  renderServiceChoices,
} from './members.cards.ts';
import type { MemberCommand } from './members.commands.ts';
import { parseNewMember, ROLE_WORD } from './members.schemas.ts';

/** What the bot says back: plain text, or a card. Transport-free, so the routes stay thin. */
export type Reply = { text: string } | { attachment: CardAttachment };
type CardAttachment = ReturnType<typeof cardAttachment>;

const text = (t: string): Reply => ({ text: t });
const card = (attachment: CardAttachment): Reply => ({ attachment });

/** Runs one membership command for the actor; refusals come back as DomainErrors with their message. */
export async function answerCommand(
  ctx: Ctx,
  actor: Actor,
  command: MemberCommand,
  activityId?: string,
): Promise<Reply> {
  switch (command.kind) {
    case 'add-form': {
      const form = await addForm(ctx, actor);
      return card(renderAddForm(form.sentCardId, form.organisations));
    }
    case 'add': {
      const { kind: _, ...fields } = command;
      const member = parseNewMember(fields);
      const outcome = await addMember(ctx, actor, member, activityId);
      return text(addMessage(outcome, member.role ? ROLE_WORD[member.role] : undefined));
    }
    case 'role':
      return text(
        roleMessage(
          await changeRole(ctx, actor, command.person, command.role, command.on, activityId),
        ),
      );
    case 'answers': {
      const outcome = await answersFor(ctx, actor, command.person, command.service, activityId);
      if (outcome.kind !== 'choose') return text(answersMessage(outcome));
      return card(
        renderServiceChoices(
          await rememberChoices(ctx, actor, outcome),
          outcome.person,
          outcome.said,
          outcome.choices,
        ),
      );
    }
    case 'retire': {
      if (command.handover)
        return card(
          renderRetireResult(
            await retireInWords(ctx, actor, command.person, command.handover, activityId),
          ),
        );
      const preview = await previewRetire(ctx, actor, command.person);
      return card(
        renderRetireCard(preview.sentCardId, preview.name, preview.holdings, preview.members),
      );
    }
    case 'apologies': {
      const self = /^(?:i|me|myself)$/i.test(command.person);
      return text(
        attendanceMessage(
          await recordApologies(
            ctx,
            actor,
            self ? 'me' : command.person,
            command.meeting,
            activityId,
          ),
        ),
      );
    }
    case 'attendance':
      if (!command.present && !command.apologies)
        return text(attendanceMessage(await showAttendance(ctx, actor, command.meeting)));
      return text(
        attendanceMessage(await recordAttendance(ctx, actor, command.meeting, command, activityId)),
      );
    case 'leave':
      return text(leaveMessage(await setLeave(ctx, actor, command, activityId)));
    case 'deputy': {
      const deputy = await setDeputy(ctx, actor, command.deputy, activityId);
      return text(deputy ? `${deputy} is now your deputy.` : 'You have no deputy now.');
    }
    case 'profile': {
      return card(renderProfile(await profileOf(ctx, actor, command.person)));
    }
  }
}
