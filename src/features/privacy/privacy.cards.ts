import { cardAttachment, renderTemplate } from '../../cards/card-templates.ts';
import { escapeCardText } from '../../cards/escape.ts';
import type { History } from './privacy-history.service.ts';
import type { SubjectAccessExport } from './privacy-export.service.ts';
import type { PurgeOutcome } from './privacy-retention.service.ts';
import type { RemovalOutcome } from './privacy-removal.service.ts';

const esc = escapeCardText;
const lines = (texts: string[]) => texts.map((line) => ({ line: esc(line) }));

/** "History of 2.3.1": who, when, what changed, from which source; every value escaped. */
export function renderHistory(history: History) {
  const shown = history.lines.length;
  const summary = history.total === 0
    ? `Nothing in the audit log is recorded against "${history.ref}". Try a commitment reference such as 2.3.1.`
    : `${history.total} change${history.total === 1 ? '' : 's'}, newest first${shown < history.total ? `; the latest ${shown} are shown` : ''}.`;
  return cardAttachment(
    renderTemplate('privacy-history', {
      title: `History of ${esc(history.ref)}`,
      summary: esc(summary),
      lines: history.lines.map((l) => ({ heading: esc(`${l.when} · ${l.who}`), what: esc(l.what), changes: lines(l.changes), source: esc(`Source: ${l.source}`) })),
    }),
  );
}

export function renderExportSummary(result: SubjectAccessExport, parts: number) {
  return notice(`Data held about ${esc(result.name)}`, `The whole document (${esc(result.fileName)}) follows in ${parts} message${parts === 1 ? '' : 's'} as JSON. Save it and send it to them securely; do not forward it in Teams.`,
    result.sections.map((s) => ({ title: esc(s.title), value: String(s.count) })),
    ['This export was recorded in the audit log (who asked and when, not its contents).']);
}

export function renderRemoval(outcome: RemovalOutcome) {
  const handed = outcome.retired?.handedOver.map((h) => esc(`${h.label} → ${h.to}`)) ?? [];
  const orphaned = outcome.retired?.orphaned.map((o) => `Left unowned: ${esc(o)}`) ?? [];
  return notice(`${esc(outcome.name)} removed`, `Their personal details were erased; the partnership's records (narratives, minutes, the audit trail) are kept and now show "Removed person".`,
    Object.entries(outcome.erased).map(([title, n]) => ({ title, value: String(n) })),
    [...handed, ...orphaned, ...(outcome.retired?.notes ?? []).map(esc)]);
}

export function renderPurge(outcome: PurgeOutcome) {
  if (outcome.kind === 'no-retention')
    return notice('Nothing purged', 'The partnership sets no retention period for narratives (narrativeRetentionMonths in the partnership file), so they are all kept.', [], []);
  return notice('Retention purge done', `Narratives about periods that ended before ${outcome.cutoff} have had their text removed. Who wrote what, when, the RAG and the audit metadata are kept.`,
    [{ title: 'Narratives', value: String(outcome.narratives) }, { title: 'Audit entries redacted', value: String(outcome.auditEntries) }, { title: 'Round snapshots', value: String(outcome.snapshots) }], []);
}

/** Callers escape what came from people (names, labels); the rest is the bot's own words. */
function notice(title: string, text: string, facts: Array<{ title: string; value: string }>, notes: string[]) {
  return cardAttachment(renderTemplate('privacy-notice', { title, text, facts, notes: notes.map((line) => ({ line })) }));
}
