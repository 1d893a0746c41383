import type { Person } from '../../generated/prisma/client.ts';
import { buildLookup, enumOf, isoDate, sortedSet, dateOnly, type Lookup } from './import-lookup.ts';
import {
  nameIndex,
  organisationNames,
  personEmail,
  personNames,
} from './partnership-file.names.ts';
import type { PartnershipFile } from './partnership-file.schemas.ts';
import type { ImportRun } from './sync-record.ts';
import { pruneRows, syncTable } from './sync-table.ts';

type FilePerson = PartnershipFile['people'][number];
type LeaveSpan = { from: string; to: string };
type PersonRow = Person & { leave: LeaveSpan[]; deputy: string | null };

export interface PeopleLookups {
  organisations: Lookup;
  people: Lookup;
}

/** Organisations, then people (by name, or by email for someone renamed), their leave and deputies. */
export async function importPeople(run: ImportRun, file: PartnershipFile): Promise<PeopleLookups> {
  run.step = 'organisations';
  const organisations = await importOrganisations(run, file);
  run.step = 'people';
  const people = await importPersons(run, file, organisations);
  return { organisations, people };
}

async function importOrganisations(run: ImportRun, file: PartnershipFile): Promise<Lookup> {
  const { tx, partnershipId } = run;
  const existing = await tx.organisation.findMany({ where: { partnershipId } });
  const { idOf, missing } = await syncTable(run, {
    entity: 'Organisation',
    noun: 'organisation',
    existing,
    keyOf: (row) => row.name,
    refOf: (row) => row.name,
    wanted: file.organisations.map((o) => ({
      key: o.name,
      ref: o.name,
      data: { partnershipId, name: o.name, shortName: o.shortName ?? null, aliases: o.aliases },
    })),
    create: (rows) => tx.organisation.createMany({ data: rows }),
    update: (id, changes) => tx.organisation.update({ where: { id }, data: changes }),
  });
  await pruneRows(
    run,
    missing,
    { entity: 'Organisation', refOf: (row) => row.name, after: { deleted: true } },
    (ids) => tx.organisation.deleteMany({ where: { id: { in: ids } } }),
  );
  return buildLookup(file.organisations, organisationNames, idOf, existing);
}

async function importPersons(
  run: ImportRun,
  file: PartnershipFile,
  organisations: Lookup,
): Promise<Lookup> {
  const { tx, partnershipId } = run;
  const { rows, existing } = await loadPeople(run);
  const byName = nameIndex(file.people, personNames);
  const deputies: Array<[string, string | null]> = [];
  const { idOf, missing } = await syncTable(run, {
    entity: 'Person',
    noun: 'person',
    existing,
    keyOf: (row) => row.name,
    altKeyOf: (row) => row.email.toLowerCase(),
    refOf: (row) => row.name,
    ignoreIfMissing: (row) => row.membership === 'RETIRED',
    wanted: file.people.map((p) => ({
      key: p.name,
      altKey: personEmail(p).toLowerCase(),
      ref: p.name,
      data: personData(
        p,
        partnershipId,
        organisations,
        p.deputy ? byName.get(p.deputy)!.name : null,
      ),
    })),
    prepare: (data, row) => ({
      ...data,
      retiredAt: data.membership === 'RETIRED' ? (row?.retiredAt ?? run.now) : null,
    }),
    ...personWriters(run, deputies),
  });
  // Deputies are set once everyone exists: a deputy may be listed after the person.
  for (const [id, deputy] of deputies)
    await tx.person.update({
      where: { id },
      data: { deputyId: deputy ? (idOf.get(deputy) ?? null) : null },
    });
  await pruneRows(
    run,
    missing,
    { entity: 'Person', refOf: (row) => row.name, after: { membership: 'RETIRED' } },
    (ids) =>
      tx.person.updateMany({
        where: { id: { in: ids } },
        data: { membership: 'RETIRED', retiredAt: run.now },
      }),
  );
  return buildLookup(file.people, personNames, idOf, rows);
}

type PersonData = ReturnType<typeof personData>;

/** People are written with their leave; deputies are noted in `deputies`, to be set afterwards. */
function personWriters(run: ImportRun, deputies: Array<[string, string | null]>) {
  const { tx } = run;
  return {
    create: async (created: Array<PersonData & { id: string }>) => {
      await tx.person.createMany({
        data: created.map(({ leave: _, deputy: __, ...columns }) => columns),
      });
      await tx.leave.createMany({ data: created.flatMap((p) => leaveRows(p.id, p.leave)) });
      for (const p of created) if (p.deputy) deputies.push([p.id, p.deputy]);
    },
    update: async (id: string, { leave, deputy, ...columns }: Partial<PersonData>) => {
      if (Object.keys(columns).length) await tx.person.update({ where: { id }, data: columns });
      if (leave) await replaceLeave(run, id, leave);
      if (deputy !== undefined) deputies.push([id, deputy]);
    },
  };
}

/** Every person of the partnership, with their leave and deputy as the file writes them. */
async function loadPeople(run: ImportRun): Promise<{ rows: Person[]; existing: PersonRow[] }> {
  const found = await run.tx.person.findMany({
    where: { partnershipId: run.partnershipId },
    include: { leave: true },
  });
  const nameById = new Map(found.map((row) => [row.id, row.name]));
  const existing = found.map(({ leave, ...row }) => ({
    ...row,
    leave: sortedSet(leave.map((l) => ({ from: isoDate(l.startsOn), to: isoDate(l.endsOn) }))),
    deputy: row.deputyId ? (nameById.get(row.deputyId) ?? null) : null,
  }));
  return { rows: found.map(({ leave: _, ...row }) => row), existing };
}

function personData(
  p: FilePerson,
  partnershipId: string,
  organisations: Lookup,
  deputy: string | null,
) {
  return {
    partnershipId,
    name: p.name,
    honorific: p.honorific ?? null,
    title: p.title ?? null,
    titleNote: p.titleNote ?? null,
    organisationId: p.organisation ? organisations.idOf(p.organisation) : null,
    email: personEmail(p),
    membership: enumOf(p.membership),
    roles: p.roles.map(enumOf),
    retiredAt: null as Date | null,
    leave: sortedSet(p.leave.map(({ from, to }) => ({ from, to }))),
    deputy,
  };
}

function leaveRows(personId: string, leave: LeaveSpan[]) {
  return leave.map((l) => ({ personId, startsOn: dateOnly(l.from), endsOn: dateOnly(l.to) }));
}

async function replaceLeave(run: ImportRun, personId: string, leave: LeaveSpan[]): Promise<void> {
  await run.tx.leave.deleteMany({ where: { personId } });
  await run.tx.leave.createMany({ data: leaveRows(personId, leave) });
}
