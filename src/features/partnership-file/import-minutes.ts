import { localDate } from '../../time/financial-year.ts';
import { importActions } from './import-actions.ts';
import type { Directory } from './import-lookup.ts';
import type { MeetingIds } from './import-meetings.ts';
import { meetingDate } from './partnership-file.names.ts';
import type { PartnershipFile } from './partnership-file.schemas.ts';
import type { ImportRun } from './sync-record.ts';
import { pruneRows, syncTable } from './sync-table.ts';

/** Minutes by meeting and number, then their actions; minutes the file lacks are reported. */
export async function importMinutes(
  run: ImportRun,
  file: PartnershipFile,
  meetings: MeetingIds,
  directory: Directory,
): Promise<void> {
  run.step = 'meetings[].minutes';
  const { tx, partnershipId } = run;
  const rows = await tx.minute.findMany({
    where: { meeting: { partnershipId } },
    include: { meeting: { select: { startsAt: true } } },
  });
  const refOf = (row: (typeof rows)[number]) =>
    `${row.number} (${localDate(row.meeting.startsAt)})`;
  const { idOf, missing } = await syncTable(run, {
    entity: 'Minute',
    noun: 'minute',
    existing: rows,
    keyOf: (row) => `${row.meetingId}|${row.number}`,
    refOf,
    wanted: file.meetings.flatMap((m) => {
      const meetingId = meetings.byStart.get(m.startsAt)!;
      return m.minutes.map((minute) => ({
        key: `${meetingId}|${minute.number}`,
        ref: `${minute.number} (${meetingDate(m.startsAt)})`,
        data: {
          meetingId,
          number: minute.number,
          title: minute.title,
          text: minute.text,
          resolution: minute.resolution ?? null,
        },
      }));
    }),
    create: (created) => tx.minute.createMany({ data: created }),
    update: (id, changes) => tx.minute.update({ where: { id }, data: changes }),
  });
  await importActions(run, file, { minutes: idOf, meetings }, directory);
  run.step = 'meetings[].minutes';
  await pruneRows(run, missing, { entity: 'Minute', refOf, after: { deleted: true } }, (ids) =>
    tx.minute.deleteMany({ where: { id: { in: ids } } }),
  );
}
