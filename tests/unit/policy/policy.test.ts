import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/features/identity/identity.service.ts';
import { decide, POLICY_VERBS, type PolicyTarget, type PolicyVerb } from '../../../src/features/policy/policy.ts';

const person = (roles: Actor['roles'], membership: Actor['membership'] = 'MEMBER'): Actor => ({
  personId: `p-${roles.join('-') || 'member'}-${membership}`,
  partnershipId: 'sbp',
  name: 'Someone',
  roles,
  membership,
});
const officer = person(['OFFICER']);
const clerk = person(['CLERK']);
const chair = person(['CHAIR']);
const member = person([]);
const attendee = person([], 'ATTENDEE');
const retired = person(['OFFICER'], 'RETIRED');

const OWN: PolicyTarget = { owns: true, open: true };
const NOT_OWN: PolicyTarget = { owns: false, delegateOfOwner: false, open: true };

/**
 * For every verb: someone who may (and on what), and someone who may not. Adding a verb without
 * a row here fails the completeness test below.
 */
const CASES: Record<PolicyVerb, { allowed: [Actor, PolicyTarget?]; refused: [Actor, PolicyTarget?] }> = {
  'data.read': { allowed: [member], refused: [attendee] },
  'boardOnly.read': { allowed: [member], refused: [attendee] },
  'round.open': { allowed: [chair], refused: [member] },
  'round.extend': { allowed: [officer], refused: [member] },
  'round.close': { allowed: [clerk], refused: [member] },
  'round.status': { allowed: [chair], refused: [member] },
  'round.submit': { allowed: [member, OWN], refused: [member, NOT_OWN] },
  'round.lateEdit': { allowed: [officer], refused: [member, OWN] },
  'round.delegate': { allowed: [member], refused: [retired] },
  'minutes.record': { allowed: [clerk], refused: [chair] },
  'action.update': { allowed: [member, OWN], refused: [member, NOT_OWN] },
  'action.proposeClose': { allowed: [member, { delegateOfOwner: true }], refused: [member, NOT_OWN] },
  'action.close': { allowed: [officer], refused: [member, OWN] },
  'action.reassign': { allowed: [officer], refused: [chair] },
  'action.drop': { allowed: [officer], refused: [member, OWN] },
  'import.run': { allowed: [officer], refused: [chair] },
  'figure.correct': { allowed: [officer], refused: [member] },
  'digest.post': { allowed: [officer], refused: [chair] },
  'digest.register': { allowed: [clerk], refused: [member] },
  'member.manage': { allowed: [officer], refused: [chair] },
  'member.self': { allowed: [member, OWN], refused: [member, NOT_OWN] },
  'boardPack.get': { allowed: [chair], refused: [member] },
  'boardPack.board': { allowed: [officer], refused: [chair] },
  'reminders.pause': { allowed: [chair], refused: [member] },
  'reminders.snooze': { allowed: [member], refused: [attendee] },
  'audit.read': { allowed: [officer], refused: [chair] },
  'privacy.export': { allowed: [officer], refused: [member] },
  'privacy.remove': { allowed: [officer], refused: [chair] },
  'privacy.purge': { allowed: [officer], refused: [member] },
};

describe('the policy module', () => {
  it('has an allowed and a refused case for every verb', () => {
    expect(Object.keys(CASES).sort()).toEqual([...POLICY_VERBS].sort());
  });

  it.each(POLICY_VERBS.map((v) => [v]))('%s: allows the right person and refuses the wrong one', (verb) => {
    const { allowed, refused } = CASES[verb as PolicyVerb];
    expect(decide(allowed[0], verb as PolicyVerb, allowed[1])).toEqual({ allowed: true });
    const refusal = decide(refused[0], verb as PolicyVerb, refused[1]);
    expect(refusal.allowed).toBe(false);
    expect(refusal.allowed === false && refusal.reason).toMatch(/\w+/);
  });

  it('refuses strangers, attendees and retired people everything', () => {
    for (const verb of POLICY_VERBS) {
      expect(decide(undefined, verb).allowed).toBe(false);
      expect(decide(attendee, verb, OWN).allowed).toBe(false);
      expect(decide(retired, verb, OWN).allowed).toBe(false);
    }
  });

  it('does not let a closed round take answers from partners', () => {
    expect(decide(member, 'round.submit', { owns: true, open: false })).toMatchObject({ allowed: false, reason: expect.stringMatching(/closed/) });
  });
});
