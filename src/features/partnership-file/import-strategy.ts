import { importCommitments } from './import-commitments.ts';
import type { Lookup } from './import-lookup.ts';
import type { PartnershipFile } from './partnership-file.schemas.ts';
import type { ImportRun } from './sync-record.ts';
import { pruneRows, syncTable } from './sync-table.ts';

export interface StrategyIds {
  /** Priority number → id. */
  priorities: Map<string, string>;
  /** Commitment reference → id. */
  commitments: Map<string, string>;
}

/**
 * The strategy (by title), its priorities (by number) and sections (by priority and number), then
 * the commitments. A strategy, priority or section the file lacks is pruned only once it holds no
 * commitments: retired commitments keep their place, and their history, in it.
 */
export async function importStrategy(
  run: ImportRun,
  file: PartnershipFile,
  services: Lookup,
): Promise<StrategyIds> {
  run.step = 'strategy';
  const strategy = await importStrategyRow(run, file);
  const strategyId = strategy.idOf.get(file.strategy?.title ?? '') ?? '';
  const priorities = await importPriorities(run, file, strategyId);
  const sections = await importSections(run, file, strategyId, priorities.idOf);
  const commitments = await importCommitments(run, file, sections.idOf, services);
  await pruneEmptyPlaces(run, {
    sections: sections.missing,
    priorities: priorities.missing,
    strategies: strategy.missing,
  });
  return { priorities: priorities.idOf, commitments };
}

async function importStrategyRow(run: ImportRun, file: PartnershipFile) {
  const { tx, partnershipId } = run;
  const s = file.strategy;
  const data = s && {
    partnershipId,
    title: s.title,
    startYear: s.startYear ?? null,
    endYear: s.endYear ?? null,
  };
  return syncTable(run, {
    entity: 'Strategy',
    noun: 'strategy',
    existing: await tx.strategy.findMany({ where: { partnershipId } }),
    keyOf: (row) => row.title,
    refOf: (row) => row.title,
    wanted: data ? [{ key: data.title, ref: data.title, data }] : [],
    create: (rows) => tx.strategy.createMany({ data: rows }),
    update: (id, changes) => tx.strategy.update({ where: { id }, data: changes }),
  });
}

/** With --prune, deletes the sections, priorities and strategies the file lacks that hold no commitment. */
async function pruneEmptyPlaces(
  run: ImportRun,
  missing: {
    sections: Array<{ id: string; ref: string }>;
    priorities: Array<{ id: string; number: number }>;
    strategies: Array<{ id: string; title: string }>;
  },
): Promise<void> {
  if (!run.prune) return;
  const { tx } = run;
  const occupied = await occupiedPlaces(run);
  const empty = <R extends { id: string }>(rows: R[]) =>
    rows.filter((row) => !occupied.has(row.id));
  const deleted = { deleted: true };
  await pruneRows(
    run,
    empty(missing.sections),
    { entity: 'Section', refOf: (r) => r.ref, after: deleted },
    (ids) => tx.section.deleteMany({ where: { id: { in: ids } } }),
  );
  await pruneRows(
    run,
    empty(missing.priorities),
    { entity: 'Priority', refOf: (r) => String(r.number), after: deleted },
    (ids) => tx.priority.deleteMany({ where: { id: { in: ids } } }),
  );
  await pruneRows(
    run,
    empty(missing.strategies),
    { entity: 'Strategy', refOf: (r) => r.title, after: deleted },
    (ids) => tx.strategy.deleteMany({ where: { id: { in: ids } } }),
  );
}

async function importPriorities(run: ImportRun, file: PartnershipFile, strategyId: string) {
  const { tx } = run;
  const existing = strategyId ? await tx.priority.findMany({ where: { strategyId } }) : [];
  return syncTable(run, {
    entity: 'Priority',
    noun: 'priority',
    existing,
    keyOf: (row) => String(row.number),
    refOf: (row) => String(row.number),
    wanted: (file.strategy?.priorities ?? []).map((p) => ({
      key: String(p.number),
      ref: String(p.number),
      data: {
        strategyId,
        number: p.number,
        title: p.title,
        shortName: p.shortName ?? null,
        aliases: p.aliases,
        leadPartners: p.leadPartners ?? null,
        aims: p.aims ?? null,
      },
    })),
    create: (rows) => tx.priority.createMany({ data: rows }),
    update: (id, changes) => tx.priority.update({ where: { id }, data: changes }),
  });
}

async function importSections(
  run: ImportRun,
  file: PartnershipFile,
  strategyId: string,
  priorityIds: Map<string, string>,
) {
  const { tx } = run;
  const rows = strategyId
    ? await tx.section.findMany({
        where: { priority: { strategyId } },
        include: { priority: { select: { number: true } } },
      })
    : [];
  const existing = rows.map(({ priority, ...row }) => ({
    ...row,
    ref: `${priority.number}.${row.number}`,
  }));
  return syncTable(run, {
    entity: 'Section',
    noun: 'section',
    existing,
    keyOf: (row) => row.ref,
    refOf: (row) => row.ref,
    wanted: (file.strategy?.priorities ?? []).flatMap((p) =>
      p.sections.map((s) => ({
        key: `${p.number}.${s.number}`,
        ref: `${p.number}.${s.number}`,
        data: {
          priorityId: priorityIds.get(String(p.number))!,
          number: s.number,
          title: s.title,
          description: s.description ?? null,
        },
      })),
    ),
    create: (created) => tx.section.createMany({ data: created }),
    update: (id, changes) => tx.section.update({ where: { id }, data: changes }),
  });
}

/** Ids of the sections, priorities and strategies that still hold a commitment. */
async function occupiedPlaces(run: ImportRun): Promise<Set<string>> {
  const held = await run.tx.commitment.findMany({
    where: { partnershipId: run.partnershipId },
    select: {
      sectionId: true,
      section: { select: { priorityId: true, priority: { select: { strategyId: true } } } },
    },
  });
  return new Set(
    held.flatMap((c) => [c.sectionId, c.section.priorityId, c.section.priority.strategyId]),
  );
}
