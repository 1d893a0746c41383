import type { TeamsUser } from './activities.ts';
import type { TestBot } from './bot-harness.ts';

/** The example's email rule: firstname.lastname@example.org, lower case, apostrophes dropped. */
export function exampleEmail(name: string): string {
  return `${name.toLowerCase().replace(/['’]/g, '').replace(/\s+/g, '.')}@example.org`;
}

/**
 * A Teams user for a person of the example partnership, registered in the fake connector's
 * roster (what TeamsInfo.getMember answers) so the bot can match them by email.
 */
export function teamsUser(t: TestBot, name: string, email = exampleEmail(name)): TeamsUser {
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
  const user = { id: `29:${slug}`, name, aadObjectId: `aad-${slug}` };
  t.connector.members.set(user.id, { ...user, email, userPrincipalName: email });
  return user;
}

/** The card attachments the bot sent into a person's personal chat. */
export function cardsSentTo(t: TestBot, user: TeamsUser, since = 0): Array<Record<string, any>> {
  return t.connector.calls
    .slice(since)
    .filter((c) => c.activity && c.conversationId === `a:personal-${user.aadObjectId}`)
    .flatMap((c) => (c.activity!.attachments ?? []).map((a: { content: Record<string, any> }) => a.content));
}

/** Every Action.Execute in a card, with its verb and data. */
export function executeActions(card: Record<string, any>): Array<{ title: string; verb: string; data: Record<string, any> }> {
  return (card.actions ?? []).filter((a: { type: string }) => a.type === 'Action.Execute');
}

/** All the text a card shows, flattened, for assertions about what a person reads. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'text' || k === 'title' || k === 'value' || k === 'label') && typeof v === 'string') out.push(v);
        else walk(v);
      }
    }
  };
  walk(card);
  return out.join('\n');
}
