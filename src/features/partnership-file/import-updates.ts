import {
  parseQuarterLabel,
  quarterBounds,
  quarterLabel,
  type Quarter,
} from '../../time/financial-year.ts';
import { dateOnly, enumOf, type Lookup } from './import-lookup.ts';
import type { PartnershipFile } from './partnership-file.schemas.ts';
import { normaliseRag } from './rag-words.ts';
import type { ImportRun } from './sync-record.ts';
import { syncTable } from './sync-table.ts';
import { syncVersioned } from './sync-versioned.ts';

type Update = PartnershipFile['updates'][number];
type PeriodRow = { fiscalYear: number; quarter: number };

const labelOf = (p: PeriodRow) =>
  quarterLabel({ fiscalYear: p.fiscalYear, quarter: p.quarter as Quarter['quarter'] });

/**
 * Reporting periods, then each update's RAG rating and narratives as new versions where they differ
 * from the current ones. Only what an import wrote can be missing: updates made in Teams are not
 * expected in the file, and are never pruned.
 */
export async function importUpdates(
  run: ImportRun,
  file: PartnershipFile,
  commitments: ReadonlyMap<string, string>,
  services: Lookup,
): Promise<void> {
  const periods = await importPeriods(run, file);
  const ids = (u: Update) => ({
    commitmentId: commitments.get(u.ref)!,
    periodId: periods.get(u.period)!,
  });
  await importRatings(run, file, ids);
  await importNarratives(run, file, ids, services);
}

async function importPeriods(run: ImportRun, file: PartnershipFile): Promise<Map<string, string>> {
  run.step = 'periods';
  const { tx, partnershipId } = run;
  const existing = await tx.reportingPeriod.findMany({ where: { partnershipId } });
  const { idOf } = await syncTable(run, {
    entity: 'ReportingPeriod',
    noun: 'period',
    existing,
    reportMissing: false,
    keyOf: (row) => labelOf(row),
    refOf: (row) => labelOf(row),
    wanted: file.periods.map((p) => {
      const q = parseQuarterLabel(p.period)!;
      const bounds = quarterBounds(q, file.partnership.fyStartMonth);
      const data = {
        partnershipId,
        fiscalYear: q.fiscalYear,
        quarter: q.quarter,
        note: p.note ?? null,
      };
      return {
        key: p.period,
        ref: p.period,
        data: { ...data, startsOn: dateOnly(bounds.startsOn), endsOn: dateOnly(bounds.endsOn) },
      };
    }),
    create: (rows) => tx.reportingPeriod.createMany({ data: rows }),
    update: (id, changes) => tx.reportingPeriod.update({ where: { id }, data: changes }),
  });
  return idOf;
}

type Ids = (u: Update) => { commitmentId: string; periodId: string };

async function importRatings(run: ImportRun, file: PartnershipFile, ids: Ids): Promise<void> {
  run.step = 'updates[].rag';
  const { tx, partnershipId } = run;
  const vocabulary = file.partnership.ragVocabulary;
  const rows = await tx.ragRating.findMany({
    where: { commitment: { partnershipId } },
    include: {
      commitment: { select: { ref: true } },
      period: { select: { fiscalYear: true, quarter: true } },
    },
  });
  await syncVersioned(run, {
    entity: 'RagRating',
    noun: 'RAG',
    rows,
    keyOf: (row) => `${row.commitmentId}|${row.periodId}`,
    refOf: (row) => `${row.commitment.ref} ${labelOf(row.period)}`,
    ignoreIfMissing: (row) => row.source !== 'IMPORT',
    wanted: file.updates.flatMap((u) => {
      if (!u.rag) return [];
      const { commitmentId, periodId } = ids(u);
      const data = {
        commitmentId,
        periodId,
        words: u.rag,
        status: normaliseRag(u.rag, vocabulary),
      };
      return [{ key: `${commitmentId}|${periodId}`, ref: `${u.ref} ${u.period}`, data }];
    }),
    create: (created) =>
      tx.ragRating.createMany({
        data: created.map((r) => ({ ...r, source: 'IMPORT' as const, recordedAt: run.now })),
      }),
    supersede: (idList, at) =>
      tx.ragRating.updateMany({ where: { id: { in: idList } }, data: { supersededAt: at } }),
  });
}

async function importNarratives(
  run: ImportRun,
  file: PartnershipFile,
  ids: Ids,
  services: Lookup,
): Promise<void> {
  run.step = 'updates[].narratives';
  const { tx, partnershipId } = run;
  const rows = await tx.narrative.findMany({
    where: { commitment: { partnershipId } },
    include: {
      commitment: { select: { ref: true } },
      period: { select: { fiscalYear: true, quarter: true } },
      service: { select: { name: true } },
    },
  });
  await syncVersioned(run, {
    entity: 'Narrative',
    noun: 'narrative',
    rows,
    keyOf: (row) => `${row.commitmentId}|${row.periodId}|${row.slot}`,
    refOf: (row) =>
      `${row.commitment.ref} ${labelOf(row.period)} ${row.service?.name ?? 'no service'} #${row.seq + 1}`,
    ignoreIfMissing: (row) => row.source !== 'IMPORT',
    wanted: file.updates.flatMap((u) => wantedNarratives(u, ids(u), services)),
    create: (created) =>
      tx.narrative.createMany({
        data: created.map((n) => ({ ...n, source: 'IMPORT' as const, recordedAt: run.now })),
      }),
    supersede: (idList, at) =>
      tx.narrative.updateMany({ where: { id: { in: idList } }, data: { supersededAt: at } }),
  });
}

/** A narrative's slot is its service and its place among that service's blocks in the update. */
function wantedNarratives(
  u: Update,
  at: { commitmentId: string; periodId: string },
  services: Lookup,
) {
  const seqs = new Map<string, number>();
  return u.narratives.map((n) => {
    const serviceId = n.service ? services.idOf(n.service) : null;
    const seq = seqs.get(serviceId ?? '-') ?? 0;
    seqs.set(serviceId ?? '-', seq + 1);
    const slot = `${serviceId ?? '-'}:${seq}`;
    const who = serviceId ? services.nameOf(serviceId) : 'no service';
    return {
      key: `${at.commitmentId}|${at.periodId}|${slot}`,
      ref: `${u.ref} ${u.period} ${who} #${seq + 1}`,
      data: {
        ...at,
        serviceId,
        slot,
        seq,
        kind: enumOf(n.kind),
        label: n.label ?? null,
        text: n.text,
        boardOnly: n.boardOnly,
        supportNeeded: n.supportNeeded,
      },
    };
  });
}
