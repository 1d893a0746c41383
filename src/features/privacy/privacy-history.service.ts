import { DateTime } from 'luxon';
import { LONDON } from '../../time/financial-year.ts';
import type { Actor } from '../identity/identity.service.ts';
import { authorise, PURGED, type PrivacyCtx } from './privacy-access.ts';

/** One line of "history of 2.3.1": who, when, what changed, from which source. */
export interface HistoryLine {
  when: string;
  who: string;
  what: string;
  changes: string[];
  source: string;
}

export interface History {
  ref: string;
  lines: HistoryLine[];
  /** How many entries there are in all; the card shows the latest HISTORY_LIMIT. */
  total: number;
}

export const HISTORY_LIMIT = 30;
const VALUE_LIMIT = 120;

/**
 * The audit trail of anything people refer to ("2.3.1", "minute 26", a person's name), newest
 * first. Officers only: the trail holds board-only narratives and who did what.
 */
export async function historyOf(ctx: PrivacyCtx, who: Actor | undefined, ref: string): Promise<History> {
  const actor = authorise(who, 'audit.read');
  const said = ref.trim();
  // Imports record a narrative as "2.3.1 Q1 2022/23 Trading Standards #1": the commitment's too.
  const where = {
    partnershipId: actor.partnershipId,
    OR: [{ entityRef: { equals: said, mode: 'insensitive' as const } }, { entityRef: { startsWith: `${said} `, mode: 'insensitive' as const } }],
  };
  const [rows, total] = await Promise.all([
    ctx.db.prisma.auditEntry.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: HISTORY_LIMIT }),
    ctx.db.prisma.auditEntry.count({ where }),
  ]);
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
  const people = await ctx.db.prisma.person.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(people.map((p) => [p.id, p.name]));
  const lines = rows.map((r) => ({
    when: DateTime.fromJSDate(r.at, { zone: LONDON }).toFormat('d MMM yyyy HH:mm'),
    who: (r.actorId && names.get(r.actorId)) || r.actorLabel || 'the bot',
    what: `${r.action.replace(/[._]/g, ' ')} (${r.entity})`,
    changes: describeChanges(r.before, r.after),
    source: sourceOf(r),
  }));
  return { ref: said, lines, total };
}

/** "text: "old" → "new"" per field that differs; "[purged]" where retention removed the words. */
export function describeChanges(before: unknown, after: unknown): string[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => (k in b ? `${k}: ${show(b[k])} → ${show(a[k])}` : `${k}: ${show(a[k])}`));
}

function sourceOf(r: { action: string; sourceActivityId: string | null; actorLabel: string | null }): string {
  if (r.action.startsWith('import.') || r.action === 'metrics.import') return `file import${r.actorLabel ? ` (${r.actorLabel})` : ''}`;
  if (r.sourceActivityId) return `Teams, activity ${r.sourceActivityId.slice(0, 36)}`;
  return r.actorLabel ?? 'the bot';
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function show(v: unknown): string {
  if (v === undefined || v === null) return '(none)';
  if (v === PURGED) return '[purged under the retention policy]';
  const text = typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
  return text.length > VALUE_LIMIT ? `${text.slice(0, VALUE_LIMIT)}…` : text;
}
