import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { importPartnershipFile } from '../../src/features/partnership-file/import.service.ts';
import { PartnershipFileError } from '../../src/features/partnership-file/partnership-file.error.ts';
import { FixedClock } from '../../src/time/clock.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../helpers/databases.ts';

const FIXTURE = resolve(import.meta.dirname, '..', 'fixtures', 'partnership-minimal.yaml');
const EXAMPLE = resolve(import.meta.dirname, '..', '..', 'data', 'examples', 'safer-bromley.yaml');
const ORIGINAL = readFileSync(FIXTURE, 'utf8');

/** The fixture with each `[from, to]` replaced; fails loudly if the fixture no longer has `from`. */
function edited(...changes: Array<[string, string]>): string {
  return changes.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`fixture lacks: ${from}`);
    return text.replace(from, to);
  }, ORIGINAL);
}

/** One RAG word, one narrative, one title changed; Robin Guest (and his attendance) removed. */
const EDITED = edited(
  ['    rag: [Amber]', '    rag: [Red]'],
  ['text: Twelve evening patrols ran.', 'text: Thirteen evening patrols ran.'],
  ['title: Director of Example Services', 'title: Chief Executive (made up)'],
  [
    '  - name: Robin Guest\n    title: Visiting Analyst\n    membership: attendee\n    note: "assumption: attends once, not a member"\n',
    '',
  ],
  ['      alsoPresent: [Robin Guest]\n', ''],
);

type Counts = Record<
  | 'partnerships'
  | 'people'
  | 'commitments'
  | 'ratings'
  | 'narratives'
  | 'meetings'
  | 'actions'
  | 'figures'
  | 'audit',
  number
>;

async function tableCounts(db: Database): Promise<Counts> {
  const p = db.prisma;
  const [
    partnerships,
    people,
    commitments,
    ratings,
    narratives,
    meetings,
    actions,
    figures,
    audit,
  ] = await Promise.all([
    p.partnership.count(),
    p.person.count(),
    p.commitment.count(),
    p.ragRating.count(),
    p.narrative.count(),
    p.meeting.count(),
    p.action.count(),
    p.figure.count(),
    p.auditEntry.count(),
  ]);
  return {
    partnerships,
    people,
    commitments,
    ratings,
    narratives,
    meetings,
    actions,
    figures,
    audit,
  };
}

describe.each(BACKENDS)('partnership file import on %s', (backend) => {
  let test: TestDatabase;
  let dir: string;
  let ctx: Parameters<typeof importPartnershipFile>[0];
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    test = await freshDatabase(backend);
    dir = mkdtempSync(join(tmpdir(), 'pbb-import-'));
    ctx = {
      db: test.db,
      clock: new FixedClock('2022-11-01T09:00:00Z'),
      log: pino({ level: 'silent' }),
    };
  });
  afterAll(async () => {
    await test?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports the minimal file', async () => {
    const report = await importPartnershipFile(ctx, FIXTURE, { actorLabel: 'test' });
    expect(report).toMatchObject({
      partnership: 'example-town',
      updated: 0,
      unchanged: 0,
      pruned: 0,
      missingFromFile: [],
    });
    expect(report.counts).toMatchObject({
      people: 5,
      commitments: 5,
      ragRatings: 4,
      narratives: 6,
      actions: 3,
      figures: 2,
    });
    const p = test.db.prisma;
    expect(await p.auditEntry.count({ where: { action: 'import.created' } })).toBe(report.created);
    const jamie = await p.person.findFirstOrThrow({ where: { name: "Jamie O'Malley" } });
    expect(jamie.email).toBe('jamie.omalley@example.org');
    expect(jamie.roles).toEqual(['VICE_CHAIR']);
    const sam = await p.person.findFirstOrThrow({ where: { name: 'Sam Page' } });
    expect([sam.honorific, sam.email]).toEqual(['Councillor', 'sam.page@example.org']);
    expect(
      (await p.person.findFirstOrThrow({ where: { name: 'Priya Officer-Smith' } })).email,
    ).toBe('priya.officer-smith@example.org');
    const q1 = await p.reportingPeriod.findFirstOrThrow({
      where: { fiscalYear: 2022, quarter: 1 },
    });
    expect([q1.startsOn.toISOString(), q1.endsOn.toISOString()]).toEqual([
      '2022-04-01T00:00:00.000Z',
      '2022-06-30T00:00:00.000Z',
    ]);
    const split = await p.ragRating.findFirstOrThrow({
      where: { commitment: { ref: '1.1.1' }, period: { quarter: 2 } },
    });
    expect([split.words, split.status, split.version, split.source]).toEqual([
      ['In Process', 'Achieved'],
      'AMBER',
      1,
      'IMPORT',
    ]);
    expect(
      (await p.ragRating.findFirstOrThrow({ where: { commitment: { ref: '2.1.1' } } })).status,
    ).toBe('ACHIEVED');
    const meeting = await p.meeting.findFirstOrThrow({
      where: { status: 'HELD' },
      include: { attendance: true },
    });
    expect(meeting.startsAt.toISOString()).toBe('2022-08-17T15:00:00.000Z');
    expect(meeting.attendance.map((a) => a.kind).sort()).toEqual([
      'ALSO_PRESENT',
      'APOLOGIES',
      'PRESENT',
      'PRESENT',
      'PRESENT',
    ]);
    const owners = await p.actionOwner.findMany({ orderBy: { kind: 'asc' } });
    expect(owners.map((o) => o.kind).sort()).toEqual(['GROUP', 'ORGANISATION', 'PERSON', 'ROLE']);
    expect(owners.find((o) => o.kind === 'ROLE')).toMatchObject({
      role: 'CLERK',
      ownerKey: 'CLERK',
      asWritten: 'Clerk',
    });
    const narratives = await p.narrative.findMany({
      where: { commitment: { ref: '1.1.1' }, period: { quarter: 1 } },
      orderBy: { slot: 'asc' },
    });
    expect(narratives.map((n) => n.slot.split(':')[1]).sort()).toEqual(['0', '0', '1']);
    const figure = await p.figure.findFirstOrThrow({ where: { periodLabel: 'Jan 22' } });
    expect([
      figure.periodEnd.toISOString().slice(0, 10),
      figure.area,
      Number(figure.value),
      figure.publishedChange,
      figure.source,
    ]).toEqual(['2022-01-31', 'Example Town', 1100, '+10', 'PUBLISHED']);
    const child = await p.commitment.findFirstOrThrow({
      where: { ref: '1.2.1.1' },
      include: { parent: true },
    });
    expect(child.parent?.ref).toBe('1.2.1');
  });

  it('re-importing the same file changes nothing', async () => {
    const before = await tableCounts(test.db);
    const report = await importPartnershipFile(ctx, FIXTURE);
    expect([report.created, report.updated, report.pruned, report.missingFromFile]).toEqual([
      0,
      0,
      0,
      [],
    ]);
    expect(await tableCounts(test.db)).toEqual(before);
  });

  it('an edited file updates in place, versions RAG and narratives, and only lists what it lacks', async () => {
    const p = test.db.prisma;
    const before = await tableCounts(test.db);
    const report = await importPartnershipFile(ctx, write('edited.yaml', EDITED), {
      actorLabel: 'test',
    });
    expect(report).toMatchObject({
      created: 0,
      updated: 4,
      pruned: 0,
      missingFromFile: ['person: Robin Guest'],
    });
    const after = await tableCounts(test.db);
    expect(after).toEqual({
      ...before,
      ratings: before.ratings + 1,
      narratives: before.narratives + 1,
      audit: before.audit + 4,
    });
    const ratings = await p.ragRating.findMany({
      where: { commitment: { ref: '1.1.2' } },
      orderBy: { version: 'asc' },
    });
    expect(ratings.map((r) => [r.version, r.status, r.supersededAt === null])).toEqual([
      [1, 'AMBER', false],
      [2, 'RED', true],
    ]);
    const texts = await p.narrative.findMany({
      where: { text: { contains: 'evening patrols ran' } },
      orderBy: { version: 'asc' },
    });
    expect(texts.map((n) => [n.version, n.text, n.supersededAt === null])).toEqual([
      [1, 'Twelve evening patrols ran.', false],
      [2, 'Thirteen evening patrols ran.', true],
    ]);
    const alex = await p.person.findFirstOrThrow({ where: { name: 'Alex Chair' } });
    expect(alex.title).toBe('Chief Executive (made up)');
    const audit = await p.auditEntry.findFirstOrThrow({
      where: { entity: 'Person', action: 'import.updated' },
    });
    expect(audit).toMatchObject({
      entityId: alex.id,
      actorLabel: 'test',
      before: { title: 'Director of Example Services' },
      after: { title: 'Chief Executive (made up)' },
    });
    expect((await p.person.findFirstOrThrow({ where: { name: 'Robin Guest' } })).membership).toBe(
      'ATTENDEE',
    );
  });

  it('with prune, retires what the file lacks, audited, and then has nothing more to do', async () => {
    const p = test.db.prisma;
    const path = write('edited.yaml', EDITED);
    const report = await importPartnershipFile(ctx, path, { prune: true });
    expect(report).toMatchObject({
      created: 0,
      updated: 0,
      pruned: 1,
      missingFromFile: ['person: Robin Guest'],
    });
    const robin = await p.person.findFirstOrThrow({ where: { name: 'Robin Guest' } });
    expect([robin.membership, robin.retiredAt?.toISOString()]).toEqual([
      'RETIRED',
      '2022-11-01T09:00:00.000Z',
    ]);
    expect(
      await p.auditEntry.count({ where: { action: 'import.pruned', entityId: robin.id } }),
    ).toBe(1);
    const again = await importPartnershipFile(ctx, path, { prune: true });
    expect([again.created, again.updated, again.pruned, again.missingFromFile]).toEqual([
      0,
      0,
      0,
      [],
    ]);
  });

  it('refuses an invalid file and leaves the database as it was', async () => {
    const before = await tableCounts(test.db);
    const bad = write(
      'bad.yaml',
      edited(
        ['    rag: [Green]', '    rag: [Gren]'],
        ['title: Patrol the Centre', 'title: Patrols'],
      ),
    );
    const error = await importPartnershipFile(ctx, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnershipFileError);
    expect((error as Error).message).toMatch(
      /updates\[0\]\.rag\[0\], line \d+: "Gren" is not in the partnership's RAG vocabulary/,
    );
    expect(await tableCounts(test.db)).toEqual(before);
    expect(
      (
        await test.db.prisma.section.findFirstOrThrow({
          where: { number: 1, priority: { number: 1 } },
        })
      ).title,
    ).toBe('Patrol the Centre');
  });

  it('rolls everything back when the database refuses the file half-way', async () => {
    const p = test.db.prisma;
    const before = await tableCounts(test.db);
    // A value too large for the figures column: the file is valid, only PostgreSQL's numeric(14,2)
    // refuses it, and figures are written last, after the partnership, people and RAG changes.
    const failing = write(
      'overflow.yaml',
      edited(
        ['name: Example Town Partnership', 'name: Renamed Town Partnership'],
        ['title: Inspector', 'title: Chief Inspector'],
        ['    rag: [Green]', '    rag: [Red]'],
        ['label: Jan 21, value: 1000 }', 'label: Jan 21, value: 99999999999999 }'],
      ),
    );
    const error = await importPartnershipFile(ctx, failing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnershipFileError);
    expect((error as Error).message).toMatch(
      /metrics\[\]\.figures: the database refused this part of the file .*rolled back/,
    );
    expect(await tableCounts(test.db)).toEqual(before);
    expect((await p.partnership.findFirstOrThrow()).name).toBe('Example Town Partnership');
    expect((await p.person.findFirstOrThrow({ where: { name: "Jamie O'Malley" } })).title).toBe(
      'Inspector',
    );
  });

  it('keeps a renamed person (same email) as the same person, updated in place', async () => {
    const p = test.db.prisma;
    const jamie = await p.person.findFirstOrThrow({ where: { name: "Jamie O'Malley" } });
    const renamed = EDITED.replaceAll("Jamie O'Malley", 'Jamie O’Malley');
    const report = await importPartnershipFile(ctx, write('renamed.yaml', renamed));
    expect(report).toMatchObject({ created: 0, updated: 1, missingFromFile: [] });
    const after = await p.person.findUniqueOrThrow({ where: { id: jamie.id } });
    expect([after.name, after.email]).toEqual(['Jamie O’Malley', 'jamie.omalley@example.org']);
  });
});

describe.skipIf(!existsSync(EXAMPLE)).each(BACKENDS)(
  'the Safer Bromley example on %s',
  (backend) => {
    let test: TestDatabase;
    const ctx = () => ({
      db: test.db,
      clock: new FixedClock('2022-10-20T09:00:00Z'),
      log: pino({ level: 'silent' }),
    });

    beforeAll(async () => {
      test = await freshDatabase(backend);
    });
    afterAll(async () => {
      await test?.dispose();
    });

    it('imports, with the members, priorities, minutes and open actions of the papers', async () => {
      const report = await importPartnershipFile(ctx(), EXAMPLE, { actorLabel: 'test' });
      expect([report.partnership, report.updated, report.missingFromFile]).toEqual([
        'safer-bromley',
        0,
        [],
      ]);
      const p = test.db.prisma;
      expect(await p.person.count({ where: { membership: 'MEMBER' } })).toBeGreaterThanOrEqual(35);
      expect(await p.priority.count()).toBe(4);
      const minutes = await p.minute.findMany({ select: { number: true } });
      const numbers = new Set(minutes.map((m) => m.number));
      for (let n = 20; n <= 33; n++) expect(numbers.has(n), `minute ${n}`).toBe(true);
      for (const number of [26, 30])
        expect(
          await p.action.count({ where: { minute: { number }, status: 'OPEN' } }),
          `open action under minute ${number}`,
        ).toBeGreaterThan(0);
      expect(await p.auditEntry.count()).toBe(report.created);
    });

    it('changes nothing when imported again', async () => {
      const audit = await test.db.prisma.auditEntry.count();
      const report = await importPartnershipFile(ctx(), EXAMPLE);
      expect([report.created, report.updated, report.missingFromFile]).toEqual([0, 0, []]);
      expect(await test.db.prisma.auditEntry.count()).toBe(audit);
    });
  },
);
