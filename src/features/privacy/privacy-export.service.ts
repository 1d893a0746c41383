import type { Actor } from '../identity/identity.service.ts';
import { findMember } from '../members/member-people.ts';
import { audit } from '../audit/audit.service.ts';
import { authorise, type PrivacyCtx } from './privacy-access.ts';
import { personRecords } from './privacy-records.ts';

export interface SubjectAccessExport {
  name: string;
  fileName: string;
  /** Each section of the document and how many records it holds: the card's summary. */
  sections: Array<{ title: string; count: number }>;
  document: Record<string, unknown>;
}

/**
 * Everything the bot holds about one person (UK GDPR Art. 15): their record, what they own, wrote
 * and were sent, the audit entries by and about them, and narratives that mention them by name.
 * Officers only; the export itself is audited (who asked, when; never the contents).
 */
export async function exportPerson(ctx: PrivacyCtx, who: Actor | undefined, said: string, sourceActivityId?: string): Promise<SubjectAccessExport> {
  const actor = authorise(who, 'privacy.export');
  const person = await findMember(ctx.db.prisma, actor.partnershipId, said, ['MEMBER', 'ATTENDEE', 'RETIRED']);
  const now = ctx.clock.now();
  const records = await personRecords(ctx.db.prisma, person.id);
  await audit(ctx.db.prisma, { partnershipId: actor.partnershipId, actorId: actor.personId, action: 'privacy.exported', entity: 'Person', entityId: person.id, sourceActivityId, at: now });
  const document = { kind: 'subject-access-export', exportedAt: now.toISOString(), exportedBy: actor.name, ...records };
  const sections = Object.entries(records)
    .filter(([key]) => key !== 'person')
    .map(([key, value]) => ({ title: key, count: Array.isArray(value) ? value.length : 1 }));
  const slug = person.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'person';
  return { name: person.name, fileName: `subject-access-${slug}-${now.toISOString().slice(0, 10)}.json`, sections, document };
}

/**
 * The document as JSON that is inert wherever it is shown: `<`, `>`, `&` and backticks are written
 * as \u escapes (still the same JSON), so no markup, mention or code fence can come out of it.
 */
export function inertJson(document: unknown): string {
  return JSON.stringify(document, null, 1).replace(/[<>&`]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Splits the JSON into messages under Teams' size limit, each a fenced code block. */
export function exportMessages(fileName: string, json: string, limit = 20_000): string[] {
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += limit) parts.push(json.slice(i, i + limit));
  return parts.map((p, i) => `${fileName} (part ${i + 1} of ${parts.length}):\n\`\`\`json\n${p}\n\`\`\``);
}
