import type { AppContext } from '../../app-context.ts';
import { refreshStatistics } from '../../db/statistics.ts';
import { importMeetings } from './import-meetings.ts';
import { importMetrics } from './import-metrics.ts';
import { importPartnership } from './import-partnership.ts';
import { importPeople } from './import-people.ts';
import { importServices } from './import-services.ts';
import { importStrategy } from './import-strategy.ts';
import { importUpdates } from './import-updates.ts';
import { PartnershipFileError } from './partnership-file.error.ts';
import { readPartnershipFile } from './partnership-file.read.ts';
import type { PartnershipFile } from './partnership-file.schemas.ts';
import type { ImportRun, Tx } from './sync-record.ts';

export interface ImportOptions {
  /** Retire or delete what the database has and the file lacks; without it, only list it. */
  prune?: boolean;
  /** Who the audit log says did it ("npm run import", "seed"). */
  actorLabel?: string;
}

export interface ImportReport {
  /** The partnership's slug. */
  partnership: string;
  created: number;
  updated: number;
  unchanged: number;
  /** What the database has that the file lacks, e.g. "person: Jamie O'Malley", "commitment: 1.2.3". */
  missingFromFile: string[];
  pruned: number;
  /** How many of each kind of record the file holds. */
  counts: Record<string, number>;
}

/**
 * Loads a partnership file: all of it or nothing, in one transaction. Records are matched by
 * their natural keys, so importing the same file again changes nothing and an edited file
 * updates in place, with an audit entry per change. A file that cannot be read, or that the
 * database refuses part-way, throws a PartnershipFileError and leaves the database as it was.
 */
export async function importPartnershipFile(
  ctx: Pick<AppContext, 'db' | 'clock' | 'log'>,
  filePath: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const started = performance.now();
  const file = await readPartnershipFile(filePath);
  const report = await ctx.db.prisma.$transaction(
    async (tx) => {
      const run = newRun(tx, filePath, ctx.clock.now(), options);
      try {
        await writeAll(run, file);
        run.step = 'the audit log';
        await tx.auditEntry.createMany({ data: run.audit });
      } catch (error) {
        ctx.log.warn(
          { event: 'import.failed', step: run.step, partnershipId: run.partnershipId || undefined },
          'import rolled back',
        );
        throw explainFailure(run, error);
      }
      return { ...reportOf(run, file), partnershipId: run.partnershipId };
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
  const { partnershipId, ...result } = report;
  await refreshStatistics(ctx.db.prisma);
  const { created, updated, unchanged, pruned } = result;
  const ms = Math.round(performance.now() - started);
  ctx.log.info(
    {
      event: 'import.done',
      partnershipId,
      created,
      updated,
      unchanged,
      pruned,
      missing: result.missingFromFile.length,
      ms,
    },
    'partnership file imported',
  );
  return result;
}

function newRun(tx: Tx, file: string, now: Date, options: ImportOptions): ImportRun {
  return {
    tx,
    file,
    partnershipId: '',
    actorLabel: options.actorLabel ?? 'import',
    now,
    prune: options.prune ?? false,
    tally: { created: 0, updated: 0, unchanged: 0, pruned: 0 },
    missing: [],
    audit: [],
    step: 'partnership',
  };
}

/** In dependency order: each part refers to what the parts before it wrote. */
async function writeAll(run: ImportRun, file: PartnershipFile): Promise<void> {
  await importPartnership(run, file);
  const { organisations, people } = await importPeople(run, file);
  const services = await importServices(run, file, people);
  const strategy = await importStrategy(run, file, services);
  await importUpdates(run, file, strategy.commitments, services);
  await importMeetings(run, file, { organisations, people, services });
  await importMetrics(run, file, strategy.priorities);
}

/** A database refusal part-way is reported like a file problem: where, what, and that nothing was kept. */
function explainFailure(run: ImportRun, error: unknown): unknown {
  if (error instanceof PartnershipFileError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^P\d{4}$/.test(code)) return error;
  const detail =
    code === 'P2002'
      ? 'a value that must be unique (such as an email address) is already used by another record in the database'
      : lastLine(error instanceof Error ? error.message : String(error));
  const message = `the database refused this part of the file (${code}: ${detail}), so the whole import was rolled back`;
  return new PartnershipFileError(run.file, [{ path: run.step, message }], { cause: error });
}

function lastLine(message: string): string {
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return (lines.at(-1) ?? message).slice(0, 300);
}

function reportOf(run: ImportRun, file: PartnershipFile): ImportReport {
  return {
    partnership: file.partnership.slug,
    ...run.tally,
    missingFromFile: run.missing,
    counts: countsOf(file),
  };
}

function countsOf(file: PartnershipFile): Record<string, number> {
  const priorities = file.strategy?.priorities ?? [];
  const sections = priorities.flatMap((p) => p.sections);
  const minutes = file.meetings.flatMap((m) => m.minutes);
  const actions = minutes.flatMap((m) => m.actions);
  return {
    ragTerms: file.partnership.ragVocabulary.length,
    organisations: file.organisations.length,
    people: file.people.length,
    services: file.services.length,
    priorities: priorities.length,
    sections: sections.length,
    commitments: sections.reduce((n, s) => n + s.commitments.length, 0),
    periods: file.periods.length,
    ragRatings: file.updates.filter((u) => u.rag).length,
    narratives: file.updates.reduce((n, u) => n + u.narratives.length, 0),
    meetings: file.meetings.length,
    agendaItems: file.meetings.reduce((n, m) => n + m.agenda.length, 0),
    minutes: minutes.length,
    actions: actions.length,
    actionUpdates: actions.reduce((n, a) => n + a.updates.length, 0),
    metrics: file.metrics.length,
    figures: file.metrics.reduce((n, m) => n + m.figures.length, 0),
  };
}
