import { buildLookup, enumOf, sortedSet, type Lookup } from './import-lookup.ts';
import { serviceNames } from './partnership-file.names.ts';
import type { PartnershipFile } from './partnership-file.schemas.ts';
import type { ImportRun } from './sync-record.ts';
import { pruneRows, syncTable } from './sync-table.ts';

/**
 * Services and groups, with who answers for each. The answerers are compared as one set, so a
 * change of answerer is one audited update of the service; unchanged answerers keep their `since`.
 */
export async function importServices(
  run: ImportRun,
  file: PartnershipFile,
  people: Lookup,
): Promise<Lookup> {
  run.step = 'services';
  const { tx, partnershipId } = run;
  const rows = await tx.service.findMany({
    where: { partnershipId },
    include: { answerers: true },
  });
  const existing = rows.map(({ answerers, ...row }) => ({
    ...row,
    answeredBy: sortedSet(answerers.map((a) => people.nameOf(a.personId))),
  }));
  const { idOf, missing } = await syncTable(run, {
    entity: 'Service',
    noun: 'service',
    existing,
    keyOf: (row) => row.name,
    refOf: (row) => row.name,
    wanted: file.services.map((s) => ({
      key: s.name,
      ref: s.name,
      data: serviceData(s, partnershipId, people),
    })),
    create: async (created) => {
      await tx.service.createMany({
        data: created.map(({ answeredBy: _, ...columns }) => columns),
      });
      await tx.serviceAnswerer.createMany({
        data: created.flatMap((s) => answererRows(run, s.id, s.answeredBy, people)),
      });
    },
    update: async (id, { answeredBy, ...columns }) => {
      if (Object.keys(columns).length) await tx.service.update({ where: { id }, data: columns });
      if (answeredBy) await setAnswerers(run, id, answeredBy, people);
    },
  });
  await pruneRows(
    run,
    missing,
    { entity: 'Service', refOf: (row) => row.name, after: { deleted: true } },
    (ids) => tx.service.deleteMany({ where: { id: { in: ids } } }),
  );
  return buildLookup(file.services, serviceNames, idOf, rows);
}

function serviceData(
  s: PartnershipFile['services'][number],
  partnershipId: string,
  people: Lookup,
) {
  return {
    partnershipId,
    name: s.name,
    kind: enumOf(s.kind),
    aliases: s.aliases,
    allMembers: s.allMembers,
    note: s.note ?? null,
    answeredBy: sortedSet(s.answeredBy.map((name) => people.nameOf(people.idOf(name)))),
  };
}

function answererRows(run: ImportRun, serviceId: string, names: string[], people: Lookup) {
  return names.map((name) => ({ serviceId, personId: people.idOf(name), since: run.now }));
}

/** Only the answerers who changed are touched, so the others keep the date they started. */
async function setAnswerers(
  run: ImportRun,
  serviceId: string,
  names: string[],
  people: Lookup,
): Promise<void> {
  const personIds = names.map((name) => people.idOf(name));
  await run.tx.serviceAnswerer.deleteMany({ where: { serviceId, personId: { notIn: personIds } } });
  await run.tx.serviceAnswerer.createMany({
    data: answererRows(run, serviceId, names, people),
    skipDuplicates: true,
  });
}
