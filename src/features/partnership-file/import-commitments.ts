import type { Lookup } from './import-lookup.ts';
import { sortedSet } from './import-lookup.ts';
import type { PartnershipFile } from './partnership-file.schemas.ts';
import type { ImportRun } from './sync-record.ts';
import { pruneRows, syncTable } from './sync-table.ts';

type FileCommitment = NonNullable<
  PartnershipFile['strategy']
>['priorities'][number]['sections'][number]['commitments'][number];
type Owner = { service: string; lead: boolean };

/**
 * Commitments by reference, with their owning services (one set, the lead marked) and parent.
 * A commitment the file no longer lists is reported; with --prune it is retired, never deleted,
 * so its RAG and narrative history stays. Returns reference → id.
 */
export async function importCommitments(
  run: ImportRun,
  file: PartnershipFile,
  sectionIds: ReadonlyMap<string, string>,
  services: Lookup,
): Promise<Map<string, string>> {
  run.step = 'strategy.priorities[].sections[].commitments';
  const { tx, partnershipId } = run;
  const existing = await loadCommitments(run, services);
  const parents: Array<[string, string | null]> = [];
  const { idOf, missing } = await syncTable(run, {
    entity: 'Commitment',
    noun: 'commitment',
    existing,
    keyOf: (row) => row.ref,
    refOf: (row) => row.ref,
    ignoreIfMissing: (row) => row.retiredAt !== null,
    wanted: wantedCommitments(file, partnershipId, sectionIds, services),
    create: async (created) => {
      await tx.commitment.createMany({
        data: created.map(({ owners: _, parent: __, ...columns }) => columns),
      });
      await tx.commitmentOwner.createMany({
        data: created.flatMap((c) => ownerRows(c.id, c.owners, services)),
      });
      for (const c of created) if (c.parent) parents.push([c.id, c.parent]);
    },
    update: async (id, { owners, parent, ...columns }) => {
      if (Object.keys(columns).length) await tx.commitment.update({ where: { id }, data: columns });
      if (owners) {
        await tx.commitmentOwner.deleteMany({ where: { commitmentId: id } });
        await tx.commitmentOwner.createMany({ data: ownerRows(id, owners, services) });
      }
      if (parent !== undefined) parents.push([id, parent]);
    },
  });
  for (const [id, parent] of parents)
    await tx.commitment.update({
      where: { id },
      data: { parentId: parent ? (idOf.get(parent) ?? null) : null },
    });
  await pruneRows(
    run,
    missing,
    { entity: 'Commitment', refOf: (row) => row.ref, after: { retiredAt: run.now } },
    (ids) => tx.commitment.updateMany({ where: { id: { in: ids } }, data: { retiredAt: run.now } }),
  );
  return idOf;
}

/** Every commitment of the partnership, with its owners and parent as the file writes them. */
async function loadCommitments(run: ImportRun, services: Lookup) {
  const rows = await run.tx.commitment.findMany({
    where: { partnershipId: run.partnershipId },
    include: { owners: true },
  });
  const refById = new Map(rows.map((row) => [row.id, row.ref]));
  return rows.map(({ owners, ...row }) => ({
    ...row,
    owners: sortedSet(
      owners.map((o) => ({ service: services.nameOf(o.serviceId), lead: o.isLead })),
    ),
    parent: row.parentId ? (refById.get(row.parentId) ?? null) : null,
  }));
}

function wantedCommitments(
  file: PartnershipFile,
  partnershipId: string,
  sectionIds: ReadonlyMap<string, string>,
  services: Lookup,
) {
  return (file.strategy?.priorities ?? []).flatMap((p) =>
    p.sections.flatMap((s) =>
      s.commitments.map((c) => ({
        key: c.ref,
        ref: c.ref,
        data: {
          partnershipId,
          sectionId: sectionIds.get(`${p.number}.${s.number}`)!,
          ref: c.ref,
          item: Number(c.ref.split('.').at(-1)),
          text: c.text,
          retiredAt: null as Date | null,
          owners: ownersOf(c, services),
          parent: c.parent ?? null,
        },
      })),
    ),
  );
}

/** The lead is an owner whether or not the file lists it among the owners. */
function ownersOf(c: FileCommitment, services: Lookup): Owner[] {
  const canonical = (name: string) => services.nameOf(services.idOf(name));
  const lead = c.lead ? canonical(c.lead) : undefined;
  const names = new Set([...c.owners.map(canonical), ...(lead ? [lead] : [])]);
  return sortedSet([...names].map((service) => ({ service, lead: service === lead })));
}

function ownerRows(commitmentId: string, owners: Owner[], services: Lookup) {
  return owners.map((o) => ({ commitmentId, serviceId: services.idOf(o.service), isLead: o.lead }));
}
