import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { applyMigrations } from '../../src/db/migrations.ts';
import { loadVocabulary, vocabularyStampOfPerson } from '../../src/features/queries/vocabulary.service.ts';
import { BACKENDS, databaseEnv, type DatabaseEnv } from '../helpers/databases.ts';

const Q1 = { startsOn: new Date('2022-04-01'), endsOn: new Date('2022-06-30') };
const Q2 = { startsOn: new Date('2022-07-01'), endsOn: new Date('2022-09-30') };

describe.each(BACKENDS)('the vocabulary cache on %s', (backend) => {
  let target: DatabaseEnv;
  let db: Database;
  let partnershipId: string;
  let commitmentId: string;
  const prisma = () => db.prisma;

  /** Loads the vocabulary and counts the statements it took. */
  async function load(id = partnershipId) {
    const before = db.queries!.count;
    const vocabulary = await loadVocabulary(prisma(), id);
    return { vocabulary, statements: db.queries!.count - before };
  }

  beforeAll(async () => {
    target = await databaseEnv(backend);
    db = await openDatabase({ databaseUrl: target.env.DATABASE_URL, dataDir: target.env.DATA_DIR, purpose: 'tests', countQueries: true });
    await applyMigrations(db);
    const p = await prisma().partnership.create({ data: { slug: 'vocab', name: 'Vocab Town' } });
    partnershipId = p.id;
    const strategy = await prisma().strategy.create({ data: { partnershipId, title: 'Plan', startYear: 2022 } });
    const priority = await prisma().priority.create({ data: { strategyId: strategy.id, number: 1, title: 'Safer Streets' } });
    const section = await prisma().section.create({ data: { priorityId: priority.id, number: 1, title: 'Patrols' } });
    commitmentId = (await prisma().commitment.create({ data: { partnershipId, sectionId: section.id, ref: '1.1.1', item: 1, text: 'Patrol' } })).id;
    await prisma().service.create({ data: { partnershipId, name: 'Trading Standards' } });
    await prisma().person.create({ data: { partnershipId, name: 'Rob Vale', email: 'rob.vale@example.org' } });
    await prisma().metric.create({ data: { partnershipId, key: 'hate-crime', name: 'Hate Crime' } });
    const q1 = await prisma().reportingPeriod.create({ data: { partnershipId, fiscalYear: 2022, quarter: 1, ...Q1 } });
    await prisma().ragRating.create({ data: { commitmentId, periodId: q1.id, words: ['Green'], status: 'GREEN', source: 'IMPORT' } });
  });
  afterAll(async () => {
    await db.close().catch(() => {});
    await target.dispose();
  });

  it('reads the words once, then only checks in one statement that they are unchanged', async () => {
    const first = await load();
    expect(first.vocabulary.services.map((s) => s.name)).toEqual(['Trading Standards']);
    const second = await load();
    expect(second.vocabulary).toBe(first.vocabulary);
    expect(second.statements).toBe(1);
  });

  it('reads them again after a change to services, people, metrics or priorities', async () => {
    const before = (await load()).vocabulary;
    await prisma().service.updateMany({ where: { partnershipId }, data: { aliases: ['TS'] } });
    const afterAlias = (await load()).vocabulary;
    expect(afterAlias).not.toBe(before);
    expect(afterAlias.services[0]!.aliases).toEqual(['TS']);

    await prisma().person.updateMany({ where: { partnershipId }, data: { membership: 'RETIRED' } });
    expect((await load()).vocabulary.people).toEqual([]);
    await prisma().person.updateMany({ where: { partnershipId }, data: { membership: 'MEMBER', honorific: 'Mr' } });
    expect((await load()).vocabulary.people).toEqual([{ name: 'Rob Vale', honorific: 'Mr' }]);

    await prisma().metric.create({ data: { partnershipId, key: 'asb', name: 'Anti-social Behaviour' } });
    expect((await load()).vocabulary.metrics.map((m) => m.key).sort()).toEqual(['asb', 'hate-crime']);

    await prisma().priority.updateMany({ data: { shortName: 'Streets' } });
    expect((await load()).vocabulary.priorities[0]!.shortName).toBe('Streets');
  });

  it('learns a period when its first update arrives, not when the period is made', async () => {
    const q2 = await prisma().reportingPeriod.create({ data: { partnershipId, fiscalYear: 2022, quarter: 2, ...Q2 } });
    expect((await load()).vocabulary.periods).toEqual([{ fiscalYear: 2022, quarter: 1 }]);
    await prisma().ragRating.create({ data: { commitmentId, periodId: q2.id, words: ['Amber'], status: 'AMBER', source: 'CARD' } });
    const { vocabulary } = await load();
    expect(vocabulary.periods).toHaveLength(2);
    expect(vocabulary.periods).toContainEqual({ fiscalYear: 2022, quarter: 2 });
  });

  it('keeps partnerships apart, and sees what another process wrote to the same database', async () => {
    const other = await prisma().partnership.create({ data: { slug: 'other', name: 'Other Town' } });
    await prisma().service.create({ data: { partnershipId: other.id, name: 'Housing' } });
    expect((await load(other.id)).vocabulary.services.map((s) => s.name)).toEqual(['Housing']);
    expect((await load()).vocabulary.services.map((s) => s.name)).toEqual(['Trading Standards']);
    const everyone = await loadVocabulary(prisma());
    expect(everyone.services.map((s) => s.name).sort()).toEqual(['Housing', 'Trading Standards']);

    if (backend !== 'postgres') return; // PGlite is one process's database
    const second = await openDatabase({ databaseUrl: target.env.DATABASE_URL, dataDir: target.env.DATA_DIR, purpose: 'tests' });
    try {
      await load();
      await second.prisma.service.updateMany({ where: { partnershipId }, data: { name: 'Trading Standards Service' } });
      expect((await load()).vocabulary.services.map((s) => s.name)).toEqual(['Trading Standards Service']);
    } finally {
      await second.close();
    }
  });
  it('takes a stamp read by the asker\'s Entra object id before the turn knows who they are, for their own partnership only', async () => {
    await prisma().person.updateMany({ where: { partnershipId }, data: { aadObjectId: 'aad-vocab-rob' } });
    const early = () => vocabularyStampOfPerson(prisma(), 'aad-vocab-rob');
    const cached = (await load()).vocabulary;
    const before = db.queries!.count;
    expect(await loadVocabulary(prisma(), partnershipId, early())).toBe(cached);
    expect(db.queries!.count - before).toBe(1);
    await prisma().service.updateMany({ where: { partnershipId }, data: { aliases: ['TSS'] } });
    expect((await loadVocabulary(prisma(), partnershipId, early())).services[0]!.aliases).toEqual(['TSS']);
    // Asked for another partnership (or by a stranger), the early stamp is not this one's: read afresh.
    const other = await prisma().partnership.findUniqueOrThrow({ where: { slug: 'other' } });
    expect((await loadVocabulary(prisma(), other.id, early())).services.map((s) => s.name)).toEqual(['Housing']);
    expect(await vocabularyStampOfPerson(prisma(), 'aad-nobody')).toMatchObject({ partnershipId: null });
  });
});
