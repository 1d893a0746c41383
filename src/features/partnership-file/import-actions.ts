import type { ActionOwner, BoardRole, OwnerKind } from '../../generated/prisma/client.ts';
import { londonWallTime } from '../../time/financial-year.ts';
import { importActionUpdates } from './import-action-updates.ts';
import { dateOnly, enumOf, sortedSet, type Directory } from './import-lookup.ts';
import type { MeetingIds } from './import-meetings.ts';
import type { PartnershipFile } from './partnership-file.schemas.ts';
import type { ImportRun } from './sync-record.ts';
import { pruneRows, syncTable } from './sync-table.ts';

type FileAction = PartnershipFile['meetings'][number]['minutes'][number]['actions'][number];
type FileOwner = FileAction['owners'][number];
/** An owner as the comparison and the audit log see it: a kind and a name (or role). */
type Owner = { kind: OwnerKind; owner: string; asWritten: string | null };

export interface ActionPlaces {
  /** `meetingId|minute number` → minute id. */
  minutes: ReadonlyMap<string, string>;
  meetings: MeetingIds;
}

/**
 * Actions by minute and position in the minute's list, their owners (one set per action) and
 * their updates. Status, due meeting and closure come from the file as written.
 */
export async function importActions(
  run: ImportRun,
  file: PartnershipFile,
  places: ActionPlaces,
  directory: Directory,
): Promise<void> {
  run.step = 'meetings[].minutes[].actions';
  const { tx, partnershipId } = run;
  const rows = await tx.action.findMany({
    where: { partnershipId },
    include: { owners: true, minute: { select: { number: true } } },
  });
  const existing = rows.map(({ owners, ...row }) => ({
    ...row,
    owners: sortedSet(owners.map((o) => ownerOfRow(o, directory))),
  }));
  const refOf = (row: { seq: number; minute: { number: number } }) =>
    `minute ${row.minute.number} #${row.seq}`;
  const { idOf, missing } = await syncTable(run, {
    entity: 'Action',
    noun: 'action',
    existing,
    keyOf: (row) => `${row.minuteId}|${row.seq}`,
    refOf,
    wanted: wantedActions(file, partnershipId, places, directory),
    ...actionWriters(run, directory),
  });
  await importActionUpdates(run, file, { actions: idOf, ...places }, directory.people);
  run.step = 'meetings[].minutes[].actions';
  await pruneRows(run, missing, { entity: 'Action', refOf, after: { deleted: true } }, (ids) =>
    tx.action.deleteMany({ where: { id: { in: ids } } }),
  );
}

function wantedActions(
  file: PartnershipFile,
  partnershipId: string,
  places: ActionPlaces,
  directory: Directory,
) {
  return file.meetings.flatMap((m) =>
    m.minutes.flatMap((minute) => {
      const minuteId = places.minutes.get(
        `${places.meetings.byStart.get(m.startsAt)}|${minute.number}`,
      )!;
      return minute.actions.map((a, i) => ({
        key: `${minuteId}|${i + 1}`,
        ref: `minute ${minute.number} #${i + 1}`,
        data: actionData(a, { partnershipId, minuteId, seq: i + 1 }, places.meetings, directory),
      }));
    }),
  );
}

type ActionData = ReturnType<typeof actionData>;

/** Actions are written with their owners, replaced as a whole when they change. */
function actionWriters(run: ImportRun, directory: Directory) {
  const { tx } = run;
  return {
    create: async (created: Array<ActionData & { id: string }>) => {
      await tx.action.createMany({ data: created.map(({ owners: _, ...columns }) => columns) });
      await tx.actionOwner.createMany({
        data: created.flatMap((a) => a.owners.map((o) => ownerRow(a.id, o, directory))),
      });
    },
    update: async (id: string, { owners, ...columns }: Partial<ActionData>) => {
      if (Object.keys(columns).length) await tx.action.update({ where: { id }, data: columns });
      if (!owners) return;
      await tx.actionOwner.deleteMany({ where: { actionId: id } });
      await tx.actionOwner.createMany({ data: owners.map((o) => ownerRow(id, o, directory)) });
    },
  };
}

function actionData(
  a: FileAction,
  at: { partnershipId: string; minuteId: string; seq: number },
  meetings: MeetingIds,
  directory: Directory,
) {
  const closedAtMeeting = a.closedOn ? meetings.byDate.get(a.closedOn) : undefined;
  return {
    ...at,
    text: a.text,
    status: enumOf(a.status),
    dueOn: a.due ? dateOnly(a.due) : null,
    dueMeetingId: a.dueMeeting ? meetings.byDate.get(a.dueMeeting)!.id : null,
    closedAt: a.closedOn
      ? (closedAtMeeting?.startsAt ?? londonWallTime(`${a.closedOn}T00:00`))
      : null,
    closedReason: a.closedReason ?? null,
    closedAtMeetingId: closedAtMeeting?.id ?? null,
    note: a.note ?? null,
    owners: sortedSet(a.owners.map((o) => ownerOfFile(o, directory))),
  };
}

function ownerOfFile(o: FileOwner, d: Directory): Owner {
  const asWritten = o.asWritten ?? null;
  if ('person' in o)
    return { kind: 'PERSON', owner: d.people.nameOf(d.people.idOf(o.person)), asWritten };
  if ('organisation' in o)
    return {
      kind: 'ORGANISATION',
      owner: d.organisations.nameOf(d.organisations.idOf(o.organisation)),
      asWritten,
    };
  if ('group' in o)
    return { kind: 'GROUP', owner: d.services.nameOf(d.services.idOf(o.group)), asWritten };
  return { kind: 'ROLE', owner: enumOf(o.role), asWritten };
}

function ownerOfRow(o: ActionOwner, d: Directory): Owner {
  const names: Record<OwnerKind, () => string> = {
    PERSON: () => d.people.nameOf(o.personId ?? o.ownerKey),
    ORGANISATION: () => d.organisations.nameOf(o.organisationId ?? o.ownerKey),
    GROUP: () => d.services.nameOf(o.serviceId ?? o.ownerKey),
    ROLE: () => o.role ?? o.ownerKey,
  };
  return { kind: o.kind, owner: names[o.kind](), asWritten: o.asWritten };
}

/** ownerKey makes (action, owner) unique: the id of who acts, or the role's name. */
function ownerRow(actionId: string, o: Owner, d: Directory) {
  const base = { actionId, kind: o.kind, asWritten: o.asWritten };
  switch (o.kind) {
    case 'PERSON': {
      const personId = d.people.idOf(o.owner);
      return { ...base, ownerKey: personId, personId };
    }
    case 'ORGANISATION': {
      const organisationId = d.organisations.idOf(o.owner);
      return { ...base, ownerKey: organisationId, organisationId };
    }
    case 'GROUP': {
      const serviceId = d.services.idOf(o.owner);
      return { ...base, ownerKey: serviceId, serviceId };
    }
    case 'ROLE':
      return { ...base, ownerKey: o.owner, role: o.owner as BoardRole };
  }
}
