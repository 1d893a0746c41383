import type { ActionOwnerRef, BoardRoleName, Intent } from './intent.ts';
import type { Candidate } from './mentions.ts';
import { pick, type Reading } from './reading.ts';

function actionOwner(c: Candidate): ActionOwnerRef {
  if (c.kind === 'person') return { kind: 'person', name: c.id };
  if (c.kind === 'organisation') return { kind: 'organisation', name: c.id };
  if (c.kind === 'role') return { kind: 'role', role: c.id as BoardRoleName };
  return { kind: 'group', name: c.id };
}

/** "outstanding actions", "Mimi's actions", "what's overdue", "my actions", "actions for the chair". */
export function actionsIntent(r: Reading, overdue: boolean, mine: boolean): Intent {
  const owner = pick(r, [['person'], ['role'], ['organisation'], ['group', 'service']]);
  if (owner && 'ambiguous' in owner) return owner.ambiguous;
  if (owner) return { kind: 'actions-outstanding', owner: actionOwner(owner.found), overdue };
  if (mine) return { kind: 'actions-outstanding', owner: { kind: 'me' }, overdue };
  return { kind: 'actions-outstanding', overdue };
}

/** "who is the chair", "who answers for Trading Standards", "who is Rob Vale", "members". */
export function whoIntent(r: Reading, members: boolean): Intent {
  const found = pick(r, [['person'], ['service', 'group'], ['role'], ['organisation']]);
  if (found && 'ambiguous' in found) return found.ambiguous;
  if (!found)
    return members || r.mentions.length === 0
      ? { kind: 'who-is', target: { kind: 'members' } }
      : { kind: 'unknown' };
  const c = found.found;
  if (c.kind === 'person') return { kind: 'who-is', target: { kind: 'person', name: c.id } };
  if (c.kind === 'role')
    return { kind: 'who-is', target: { kind: 'role', role: c.id as BoardRoleName } };
  if (c.kind === 'organisation')
    return { kind: 'who-is', target: { kind: 'organisation', name: c.id } };
  if (c.kind === 'service' || c.kind === 'group')
    return { kind: 'who-is', target: { kind: 'service', name: c.id } };
  return { kind: 'who-is', target: { kind: 'members' } };
}
