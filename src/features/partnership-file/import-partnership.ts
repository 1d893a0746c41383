import { randomUUID } from 'node:crypto';
import type { PartnershipFile } from './partnership-file.schemas.ts';
import { ragWordKey } from './rag-words.ts';
import type { ImportRun } from './sync-record.ts';
import { pruneRows, syncTable } from './sync-table.ts';

/**
 * The partnership itself, found by slug, and its RAG vocabulary (matched by word whatever its
 * case, so re-casing a word updates it). Sets `run.partnershipId` for everything after it.
 */
export async function importPartnership(run: ImportRun, file: PartnershipFile): Promise<void> {
  run.step = 'partnership';
  const { tx } = run;
  const p = file.partnership;
  const found = await tx.partnership.findUnique({ where: { slug: p.slug } });
  run.partnershipId = found?.id ?? randomUUID();
  const data = {
    slug: p.slug,
    name: p.name,
    timezone: p.timezone,
    fyStartMonth: p.fyStartMonth,
    quorum: p.quorum ?? null,
    borough: p.borough ?? null,
  };
  await syncTable(run, {
    entity: 'Partnership',
    noun: 'partnership',
    existing: found ? [found] : [],
    keyOf: (row) => row.slug,
    refOf: (row) => row.slug,
    wanted: [{ key: p.slug, id: run.partnershipId, ref: p.slug, data }],
    create: (rows) => tx.partnership.createMany({ data: rows }),
    update: (id, changes) => tx.partnership.update({ where: { id }, data: changes }),
  });
  await importVocabulary(run, file);
}

async function importVocabulary(run: ImportRun, file: PartnershipFile): Promise<void> {
  const { tx, partnershipId } = run;
  const existing = await tx.ragTerm.findMany({ where: { partnershipId } });
  const wanted = file.partnership.ragVocabulary.map((term, sortOrder) => ({
    key: ragWordKey(term.word),
    ref: term.word,
    data: {
      partnershipId,
      word: term.word,
      status: term.status,
      selectable: term.selectable,
      sortOrder,
    },
  }));
  const { missing } = await syncTable(run, {
    entity: 'RagTerm',
    noun: 'RAG word',
    existing,
    keyOf: (row) => ragWordKey(row.word),
    refOf: (row) => row.word,
    wanted,
    create: (rows) => tx.ragTerm.createMany({ data: rows }),
    update: (id, changes) => tx.ragTerm.update({ where: { id }, data: changes }),
  });
  await pruneRows(
    run,
    missing,
    { entity: 'RagTerm', refOf: (row) => row.word, after: { deleted: true } },
    (ids) => tx.ragTerm.deleteMany({ where: { id: { in: ids } } }),
  );
}
