import { localDate, londonWallTime } from '../../time/financial-year.ts';
import { enumOf, type Lookup } from './import-lookup.ts';
import type { MeetingIds } from './import-meetings.ts';
import type { PartnershipFile } from './partnership-file.schemas.ts';
import type { ImportRun } from './sync-record.ts';
import { pruneRows, syncTable } from './sync-table.ts';

export interface UpdatePlaces {
  /** `minuteId|seq` → action id. */
  actions: ReadonlyMap<string, string>;
  minutes: ReadonlyMap<string, string>;
  meetings: MeetingIds;
}

/**
 * The updates recorded against actions, matched by action, date, kind and text. An update given
 * on a meeting's date is tied to that meeting. Updates made in Teams are never missing or pruned.
 */
export async function importActionUpdates(
  run: ImportRun,
  file: PartnershipFile,
  places: UpdatePlaces,
  people: Lookup,
): Promise<void> {
  run.step = 'meetings[].minutes[].actions[].updates';
  const { tx, partnershipId } = run;
  const rows = await tx.actionUpdate.findMany({
    where: { action: { partnershipId } },
    include: { action: { select: { seq: true, minute: { select: { number: true } } } } },
  });
  const refOf = (row: (typeof rows)[number]) =>
    `minute ${row.action.minute.number} #${row.action.seq} ${localDate(row.createdAt)}`;
  const { missing } = await syncTable(run, {
    entity: 'ActionUpdate',
    noun: 'action update',
    existing: rows,
    keyOf: (row) => `${row.actionId}|${localDate(row.createdAt)}|${row.kind}|${row.text}`,
    refOf,
    ignoreIfMissing: (row) => row.sourceActivityId !== null,
    wanted: wantedUpdates(file, places, people),
    create: (created) => tx.actionUpdate.createMany({ data: created }),
    update: (id, changes) => tx.actionUpdate.update({ where: { id }, data: changes }),
  });
  await pruneRows(
    run,
    missing,
    { entity: 'ActionUpdate', refOf, after: { deleted: true } },
    (ids) => tx.actionUpdate.deleteMany({ where: { id: { in: ids } } }),
  );
}

function wantedUpdates(file: PartnershipFile, places: UpdatePlaces, people: Lookup) {
  return file.meetings.flatMap((m) =>
    m.minutes.flatMap((minute) => {
      const minuteId = places.minutes.get(
        `${places.meetings.byStart.get(m.startsAt)}|${minute.number}`,
      )!;
      return minute.actions.flatMap((a, i) => {
        const actionId = places.actions.get(`${minuteId}|${i + 1}`)!;
        return a.updates.map((u) => {
          const meeting = places.meetings.byDate.get(u.date);
          const kind = enumOf(u.kind);
          return {
            key: `${actionId}|${u.date}|${kind}|${u.text}`,
            ref: `minute ${minute.number} #${i + 1} ${u.date}`,
            data: {
              actionId,
              kind,
              text: u.text,
              authorId: u.author ? people.idOf(u.author) : null,
              meetingId: meeting?.id ?? null,
              createdAt: meeting?.startsAt ?? londonWallTime(`${u.date}T00:00`),
            },
          };
        });
      });
    }),
  );
}
