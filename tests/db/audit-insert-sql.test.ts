import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, auditInsertSql, type AuditInput } from '../../src/features/audit/audit.service.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../helpers/databases.ts';

describe.each(BACKENDS)('audit entries written inside one statement on %s', (backend) => {
  let t: TestDatabase;
  let partnershipId: string;
  const prisma = () => t.db.prisma;
  const entries = (entityId: string): AuditInput[] => [
    { partnershipId, actorId: 'person-1', action: 'narrative.recorded', entity: 'Narrative', entityId, entityRef: '2.3.1', sourceActivityId: 'act-1', before: null, after: { text: 'New words', tags: ['a'] }, at: new Date('2022-10-20T09:00:00.123Z') },
    { partnershipId, actorLabel: 'import', action: 'rag.recorded', entity: 'RagRating', entityId, before: { words: ['Amber'] }, at: new Date('2023-03-26T01:30:00Z') },
  ];
  const written = async (entityId: string) =>
    (await prisma().auditEntry.findMany({ where: { entityId }, orderBy: { id: 'asc' } })).map(({ id: _id, entityId: _e, ...row }) => row);

  beforeAll(async () => {
    t = await freshDatabase(backend);
    partnershipId = (await prisma().partnership.create({ data: { slug: 'audit-sql', name: 'Audit Town' } })).id;
  });
  afterAll(async () => t.dispose());

  it('writes the same rows as audit(), in the order given', async () => {
    await audit(prisma(), entries('by-client'));
    await prisma().$executeRaw`WITH audited AS (${auditInsertSql(entries('by-statement'))}) SELECT count(*) FROM audited`;
    const byStatement = await written('by-statement');
    expect(byStatement.map((r) => r.action)).toEqual(['narrative.recorded', 'rag.recorded']);
    expect(byStatement).toEqual(await written('by-client'));
    expect(byStatement[0]!.at.toISOString()).toBe('2022-10-20T09:00:00.123Z');
  });

  it('writes nothing when the statement\'s gating step wrote nothing', async () => {
    await prisma().$executeRaw`WITH gate AS (SELECT 1 WHERE false), audited AS (${auditInsertSql(entries('gated'), 'gate')}) SELECT count(*) FROM audited`;
    expect(await written('gated')).toEqual([]);
    await prisma().$executeRaw`WITH gate AS (SELECT 1), audited AS (${auditInsertSql(entries('open'), 'gate')}) SELECT count(*) FROM audited`;
    expect(await written('open')).toHaveLength(2);
  });
});
