import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RagAnswer } from '../../src/features/queries/answers.ts';
import { loadLatestRag } from '../../src/features/queries/rag-latest.ts';
import { answerRag } from '../../src/features/queries/rag.service.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../helpers/databases.ts';

const quarter = (q: number) => ({
  fiscalYear: 2022,
  quarter: q,
  startsOn: new Date(Date.UTC(2022, 3 * q, 1)),
  endsOn: new Date(Date.UTC(2022, 3 * q + 3, 0)),
});

describe.each(BACKENDS)("each commitment's latest RAG on %s", (backend) => {
  let t: TestDatabase;
  let partnershipId: string;
  const prisma = () => t.db.prisma;
  const ask = async (period?: { fiscalYear: number; quarter: 1 | 2 | 3 | 4 }) =>
    (await answerRag(prisma(), partnershipId, { kind: 'priority', number: 1 }, period)) as RagAnswer;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    partnershipId = (await prisma().partnership.create({ data: { slug: 'rag', name: 'Rag Town' } })).id;
    const strategy = await prisma().strategy.create({ data: { partnershipId, title: 'Plan' } });
    const priority = await prisma().priority.create({ data: { strategyId: strategy.id, number: 1, title: 'Safer Streets' } });
    const section = await prisma().section.create({ data: { priorityId: priority.id, number: 1, title: 'Patrols' } });
    const commitment = (ref: string, item: number) =>
      prisma().commitment.create({ data: { partnershipId, sectionId: section.id, ref, item, text: `Commitment ${ref}` } });
    const rated = await commitment('1.1.1', 1);
    await commitment('1.1.2', 2);
    const [housing, police] = await Promise.all(
      ['Housing', 'Police'].map((name) => prisma().service.create({ data: { partnershipId, name } })),
    );
    await prisma().commitmentOwner.create({ data: { commitmentId: rated.id, serviceId: police!.id, isLead: true } });
    // Q3 is made ahead (as opening a round does) with nothing recorded yet: it is not the latest.
    const [q1, q2] = await Promise.all([1, 2, 3].map((q) => prisma().reportingPeriod.create({ data: { partnershipId, ...quarter(q) } })));
    const rating = (periodId: string, status: 'RED' | 'AMBER' | 'GREEN', version = 1, supersededAt: Date | null = null) =>
      prisma().ragRating.create({ data: { commitmentId: rated.id, periodId, words: [status[0] + status.slice(1).toLowerCase()], status, source: 'IMPORT', version, supersededAt } });
    await rating(q1!.id, 'RED');
    await rating(q2!.id, 'AMBER', 1, new Date('2022-10-01'));
    await rating(q2!.id, 'GREEN', 2);
    const narrative = (periodId: string, serviceId: string) =>
      prisma().narrative.create({ data: { commitmentId: rated.id, periodId, serviceId, slot: `${serviceId}:0`, text: 'Update', source: 'IMPORT' } });
    await narrative(q1!.id, police!.id);
    await narrative(q2!.id, housing!.id);
  });
  afterAll(async () => t.dispose());

  it("shows the latest period's current rating and who reported it, never an older or superseded one", async () => {
    const answer = await ask();
    expect(answer.periods).toEqual(['Q2 2022/23']);
    expect(answer.rows.map((r) => [r.ref, r.status, r.written, r.period, r.reporters])).toEqual([
      ['1.1.1', 'GREEN', ['Green'], 'Q2 2022/23', ['Housing']],
      ['1.1.2', 'NOT_REPORTED', [], '', []],
    ]);
  });

  it('shows the asked period only, with that period’s reporters', async () => {
    const answer = await ask({ fiscalYear: 2022, quarter: 1 });
    expect(answer.rows[0]).toMatchObject({ ref: '1.1.1', status: 'RED', period: 'Q1 2022/23', reporters: ['Police'] });
    const none = await answerRag(prisma(), partnershipId, { kind: 'overall' }, { fiscalYear: 2022, quarter: 3 });
    expect(none).toEqual({ kind: 'notice', text: 'No RAG was recorded for Q3 2022/23.' });
  });

  it('falls back to the lead owner where no service wrote a narrative, and scopes by reference', async () => {
    await prisma().narrative.updateMany({ data: { purgedAt: new Date() } });
    const answer = (await answerRag(prisma(), partnershipId, { kind: 'ref', ref: '1.1' })) as RagAnswer;
    expect(answer.rows.map((r) => [r.ref, r.reporters])).toEqual([
      ['1.1.1', ['Police']],
      ['1.1.2', []],
    ]);
  });

  it("gives each commitment its owners and leads by name, and none to one nobody owns", async () => {
    const housing = await prisma().service.findFirstOrThrow({ where: { partnershipId, name: 'Housing' } });
    const rated = await prisma().commitment.findFirstOrThrow({ where: { partnershipId, ref: '1.1.1' } });
    await prisma().commitmentOwner.create({ data: { commitmentId: rated.id, serviceId: housing.id, isLead: false } });
    // Another partnership's services and owners stay out of this one's answer.
    const other = await prisma().partnership.create({ data: { slug: 'rag-other', name: 'Other Town' } });
    const strategy = await prisma().strategy.create({ data: { partnershipId: other.id, title: 'Plan' } });
    const priority = await prisma().priority.create({ data: { strategyId: strategy.id, number: 1, title: 'Elsewhere' } });
    const section = await prisma().section.create({ data: { priorityId: priority.id, number: 1, title: 'Patrols' } });
    const theirs = await prisma().commitment.create({ data: { partnershipId: other.id, sectionId: section.id, ref: '1.1.1', item: 1, text: 'Theirs' } });
    const fire = await prisma().service.create({ data: { partnershipId: other.id, name: 'Fire' } });
    await prisma().commitmentOwner.create({ data: { commitmentId: theirs.id, serviceId: fire.id, isLead: true } });
    const rows = await loadLatestRag(prisma(), partnershipId, { kind: 'overall' });
    expect(rows.map((r) => [r.ref, r.owners, r.leads]).sort()).toEqual([
      ['1.1.1', ['Housing', 'Police'], ['Police']],
      ['1.1.2', [], []],
    ]);
  });
});
