import { parseMemberCommand, type HandoverClause } from '../members/members.commands.ts';

/** What an officer can ask of the data-protection duties, in words. */
export type PrivacyCommand =
  | { kind: 'history'; ref: string }
  | { kind: 'export'; person: string }
  | { kind: 'remove'; person: string; handover: HandoverClause[] }
  | { kind: 'purge' }
  | { kind: 'retention'; months: number | null };

const HISTORY = /^(?:show (?:me )?)?(?:the )?(?:history|audit(?: trail| log)?|change log|changes) (?:of|for|to) (.{1,120}?)\s*\??$/i;
const EXPORT = /^(?:(?:export|download|send me)(?: all)?(?: the)?(?: personal)? (?:data|everything|information|what (?:we|you) hold) (?:held )?(?:about|for|on|of)|subject access(?: request| export)*(?: for| about| on)?) ([^,;:]{2,120}?)\.?$/i;
const REMOVE = /^(?:remove|erase|forget)(?: (?:the )?(?:person|member))? (?!my )([^,;:]{2,120}?)(?:\s*[,;:]\s*(.*))?$/i;
const RETENTION = /^(?:set (?:the )?narrative retention (?:to |at )?|keep narratives (?:for )?)(\d{1,3}|forever)(?: months?)?\.?$/i;
const PURGE = /^(?:run |apply )?(?:the )?(?:purge(?: old| expired)? narratives|retention(?: purge| policy)?|narrative retention)(?: now)?\.?$/i;

/**
 * Reads "history of 2.3.1", "export data about Rob Vale", "remove Rob Vale, hand over to Stuart
 * Baker" and "purge old narratives". The handover words are the members feature's own grammar,
 * so removal and retirement read the same.
 */
export function parsePrivacyCommand(raw: string): PrivacyCommand | undefined {
  const t = raw.replace(/\s+/g, ' ').trim();
  if (t.length > 2_000) return undefined;
  if (PURGE.test(t)) return { kind: 'purge' };
  const retention = RETENTION.exec(t);
  if (retention) return { kind: 'retention', months: /^forever$/i.test(retention[1]!) ? null : Number(retention[1]) };
  const history = HISTORY.exec(t);
  if (history) return { kind: 'history', ref: history[1]!.trim() };
  const exported = EXPORT.exec(t);
  if (exported) return { kind: 'export', person: exported[1]!.trim() };
  const removal = REMOVE.exec(t);
  if (!removal) return undefined;
  const person = removal[1]!.trim();
  if (!removal[2]) return { kind: 'remove', person, handover: [] };
  const retire = parseMemberCommand(`retire ${person}, ${removal[2]}`);
  return { kind: 'remove', person, handover: retire?.kind === 'retire' ? (retire.handover ?? []) : [] };
}
