import { DateTime } from 'luxon';
import { LONDON, londonWallTime } from '../../time/financial-year.ts';
import { enumOf, sortedSet, type Directory, type Lookup } from './import-lookup.ts';
import { meetingDate } from './partnership-file.names.ts';
import type { PartnershipFile } from './partnership-file.schemas.ts';
import { attendeeName } from './references-meetings.ts';
import { importMinutes } from './import-minutes.ts';
import type { ImportRun } from './sync-record.ts';
import { pruneRows, syncTable } from './sync-table.ts';

type Meeting = PartnershipFile['meetings'][number];
type Attending = {
  person: string;
  kind: 'PRESENT' | 'ALSO_PRESENT' | 'APOLOGIES';
  titleAsWritten: string | null;
};

const KINDS = { present: 'PRESENT', alsoPresent: 'ALSO_PRESENT', apologies: 'APOLOGIES' } as const;

/** Meetings by their start; `byDate` finds the meeting an action or update refers to by date. */
export interface MeetingIds {
  byStart: Map<string, string>;
  byDate: Map<string, { id: string; startsAt: Date }>;
}

/** "2022-08-17T16:00": how the file writes a meeting's start, in London time. */
export function localStart(at: Date): string {
  return DateTime.fromJSDate(at, { zone: LONDON }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** Meetings (by start, London wall time), their attendance (one set per meeting) and agenda. */
export async function importMeetings(
  run: ImportRun,
  file: PartnershipFile,
  directory: Directory,
): Promise<MeetingIds> {
  const { people } = directory;
  run.step = 'meetings';
  const { tx, partnershipId } = run;
  const rows = await loadMeetings(run, people);
  const { idOf, missing } = await syncTable(run, {
    entity: 'Meeting',
    noun: 'meeting',
    existing: rows,
    keyOf: (row) => localStart(row.startsAt),
    refOf: (row) => localStart(row.startsAt),
    wanted: file.meetings.map((m) => ({
      key: m.startsAt,
      ref: m.startsAt,
      data: meetingData(m, partnershipId, people),
    })),
    prepare: (data, row) => ({
      ...data,
      heldAt: data.status === 'HELD' ? (row?.heldAt ?? data.startsAt) : null,
    }),
    ...meetingWriters(run, people),
  });
  const ids = meetingIds(file, idOf);
  await importAgenda(run, file, ids);
  await importMinutes(run, file, ids, directory);
  run.step = 'meetings';
  await pruneRows(
    run,
    missing,
    { entity: 'Meeting', refOf: (row) => localStart(row.startsAt), after: { deleted: true } },
    (list) => tx.meeting.deleteMany({ where: { id: { in: list } } }),
  );
  return ids;
}

async function loadMeetings(run: ImportRun, people: Lookup) {
  const rows = await run.tx.meeting.findMany({
    where: { partnershipId: run.partnershipId },
    include: { attendance: true },
  });
  return rows.map(({ attendance, ...row }) => ({
    ...row,
    attendance: sortedSet(
      attendance.map((a) => ({
        person: people.nameOf(a.personId),
        kind: a.kind,
        titleAsWritten: a.titleAsWritten,
      })),
    ),
  }));
}

/** Meetings are written with their attendance, which is replaced as a whole when it changes. */
function meetingWriters(run: ImportRun, people: Lookup) {
  const { tx } = run;
  return {
    create: async (created: Array<ReturnType<typeof meetingData> & { id: string }>) => {
      await tx.meeting.createMany({
        data: created.map(({ attendance: _, ...columns }) => columns),
      });
      await tx.attendance.createMany({
        data: created.flatMap((m) => attendanceRows(m.id, m.attendance, people)),
      });
    },
    update: async (
      id: string,
      { attendance, ...columns }: Partial<ReturnType<typeof meetingData>>,
    ) => {
      if (Object.keys(columns).length) await tx.meeting.update({ where: { id }, data: columns });
      if (!attendance) return;
      await tx.attendance.deleteMany({ where: { meetingId: id } });
      await tx.attendance.createMany({ data: attendanceRows(id, attendance, people) });
    },
  };
}

function meetingIds(file: PartnershipFile, idOf: Map<string, string>): MeetingIds {
  const ids: MeetingIds = { byStart: idOf, byDate: new Map() };
  for (const m of file.meetings)
    ids.byDate.set(meetingDate(m.startsAt), {
      id: idOf.get(m.startsAt)!,
      startsAt: londonWallTime(m.startsAt),
    });
  return ids;
}

function meetingData(m: Meeting, partnershipId: string, people: Lookup) {
  const attendance: Attending[] = (Object.keys(KINDS) as Array<keyof typeof KINDS>).flatMap(
    (kind) =>
      m.attendance[kind].map((a) => ({
        person: people.nameOf(people.idOf(attendeeName(a))),
        kind: KINDS[kind],
        titleAsWritten: typeof a === 'string' ? null : (a.titleAsWritten ?? null),
      })),
  );
  return {
    partnershipId,
    startsAt: londonWallTime(m.startsAt),
    place: m.place ?? null,
    title: m.title ?? null,
    status: enumOf(m.status),
    heldAt: null as Date | null,
    note: m.note ?? null,
    attendance: sortedSet(attendance),
  };
}

function attendanceRows(meetingId: string, attendance: Attending[], people: Lookup) {
  return attendance.map((a) => ({
    meetingId,
    personId: people.idOf(a.person),
    kind: a.kind,
    titleAsWritten: a.titleAsWritten,
  }));
}

async function importAgenda(
  run: ImportRun,
  file: PartnershipFile,
  meetings: MeetingIds,
): Promise<void> {
  const { tx, partnershipId } = run;
  const rows = await tx.agendaItem.findMany({
    where: { meeting: { partnershipId } },
    include: { meeting: { select: { startsAt: true } } },
  });
  const refOf = (row: (typeof rows)[number]) =>
    `${localStart(row.meeting.startsAt).slice(0, 10)} item ${row.number}`;
  const { missing } = await syncTable(run, {
    entity: 'AgendaItem',
    noun: 'agenda item',
    existing: rows,
    keyOf: (row) => `${row.meetingId}|${row.number}`,
    refOf,
    wanted: file.meetings.flatMap((m) => {
      const meetingId = meetings.byStart.get(m.startsAt)!;
      return m.agenda.map((a, seq) => ({
        key: `${meetingId}|${a.number}`,
        ref: `${meetingDate(m.startsAt)} item ${a.number}`,
        data: {
          meetingId,
          number: a.number,
          title: a.title,
          presenter: a.presenter ?? null,
          note: a.note ?? null,
          seq,
        },
      }));
    }),
    create: (created) => tx.agendaItem.createMany({ data: created }),
    update: (id, changes) => tx.agendaItem.update({ where: { id }, data: changes }),
  });
  await pruneRows(run, missing, { entity: 'AgendaItem', refOf, after: { deleted: true } }, (ids) =>
    tx.agendaItem.deleteMany({ where: { id: { in: ids } } }),
  );
}
