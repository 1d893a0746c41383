import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import type { Actor } from '../identity/identity.service.ts';
import { decide, type PolicyVerb } from '../policy/policy.ts';

export type PrivacyCtx = Pick<AppContext, 'db' | 'clock'>;

/** Asks the policy module; a refusal becomes the user's message and nothing is read. */
export function authorise(actor: Actor | undefined, verb: PolicyVerb): Actor {
  const decision = decide(actor, verb);
  if (!decision.allowed) throw new DomainError('privacy.forbidden', decision.reason, 403);
  return actor!;
}

/** The text put where purged narrative text was, in the audit log (the trigger allows only this). */
export const PURGED = '[purged]';
