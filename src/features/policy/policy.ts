import type { Actor } from '../identity/identity.service.ts';

/**
 * Every verb a person can ask of the bot. Card verbs (`round.submit`) and chat commands map onto
 * these; handlers ask `decide` before they read or change anything.
 */
export const POLICY_VERBS = [
  'data.read',
  'boardOnly.read',
  'round.open',
  'round.extend',
  'round.close',
  'round.status',
  'round.submit',
  'round.lateEdit',
  'round.delegate',
  'minutes.record',
  'action.update',
  'action.proposeClose',
  'action.close',
  'action.reassign',
  'action.drop',
  'import.run',
  'figure.correct',
  'digest.post',
  'digest.register',
  'member.manage',
  'member.self',
  'boardPack.get',
  'boardPack.board',
  'reminders.pause',
  'reminders.snooze',
  'audit.read',
  'privacy.export',
  'privacy.remove',
  'privacy.purge',
] as const;
export type PolicyVerb = (typeof POLICY_VERBS)[number];

/** What the rule needs to know about the thing acted on, looked up by the server, never sent by the client. */
export interface PolicyTarget {
  /** The actor answers for the commitment (or owns the action) themselves. */
  owns?: boolean;
  /** The actor is a current delegate of someone who does. */
  delegateOfOwner?: boolean;
  /** The round (or other container) is still open for answers. */
  open?: boolean;
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

const OFFICER_ONLY: ReadonlySet<PolicyVerb> = new Set([
  'round.open',
  'round.extend',
  'round.close',
  'round.lateEdit',
  'minutes.record',
  'action.close',
  'action.reassign',
  'action.drop',
  'import.run',
  'figure.correct',
  'digest.post',
  'digest.register',
  'member.manage',
  'reminders.pause',
  'boardPack.board',
  'audit.read',
  'privacy.export',
  'privacy.remove',
  'privacy.purge',
]);
/** Verbs the chair shares with officers (the chair runs rounds and sees their status). */
const CHAIR_TOO: ReadonlySet<PolicyVerb> = new Set(['round.open', 'round.extend', 'round.close', 'round.status', 'boardPack.get', 'reminders.pause']);

const allow: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

function isOfficer(actor: Actor): boolean {
  return actor.roles.includes('OFFICER') || actor.roles.includes('CLERK');
}

/** May this person do this to that? The one answer every handler asks for. */
export function decide(actor: Actor | undefined, verb: PolicyVerb, target: PolicyTarget = {}): Decision {
  if (!actor || actor.membership !== 'MEMBER') return deny('Only members of the partnership can do that.');
  const officer = isOfficer(actor);
  const chair = actor.roles.includes('CHAIR');
  if (officer) return allow;
  if (chair && CHAIR_TOO.has(verb)) return allow;
  if (OFFICER_ONLY.has(verb)) return deny('Only the partnership officers can do that.');
  switch (verb) {
    case 'data.read':
    case 'boardOnly.read':
    case 'round.delegate':
    case 'reminders.snooze':
      return allow;
    case 'round.status':
    case 'boardPack.get':
      return deny('Only the officers and the chair can do that.');
    case 'round.submit':
      if (!(target.owns || target.delegateOfOwner)) return deny('You do not answer for that commitment.');
      return target.open === false ? deny('That round is closed; an officer can still record a late update.') : allow;
    case 'member.self':
      return target.owns ? allow : deny('You can see and change only your own profile; an officer can change others.');
    case 'action.update':
    case 'action.proposeClose':
      return target.owns || target.delegateOfOwner ? allow : deny('Only the action’s owners and the officers can change it.');
    default:
      return deny('That is not allowed.');
  }
}
