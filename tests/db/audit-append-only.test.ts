import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../helpers/databases.ts';

/** Runs work in a transaction that has switched the purge setting on, as the retention purge does. */
async function asPurge<T>(prisma: PrismaClient, work: (tx: any) => Promise<T>): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.audit_purge', 'on', true)`;
    return work(tx);
  });
}

describe.each(BACKENDS)('the audit log on %s', (backend) => {
  let t: TestDatabase;
  let id: bigint;
  const prisma = () => t.db.prisma;
  const row = () => prisma().auditEntry.findUniqueOrThrow({ where: { id } });

  beforeAll(async () => {
    t = await freshDatabase(backend);
    const p = await prisma().partnership.create({ data: { slug: 'audit', name: 'Audit Town' } });
    const entry = await prisma().auditEntry.create({
      data: {
        partnershipId: p.id, at: new Date('2022-10-20T09:00:00Z'), actorId: 'person-1', action: 'narrative.recorded',
        entity: 'Narrative', entityId: 'n-1', entityRef: '2.3.1', sourceActivityId: 'act-1',
        before: { text: 'Old words about a victim', version: 1 }, after: { text: 'New words', version: 2, tags: ['a'] },
      },
    });
    id = entry.id;
  });
  afterAll(async () => t.dispose());

  it('refuses to change or delete an entry', async () => {
    await expect(prisma().auditEntry.update({ where: { id }, data: { action: 'something.else' } })).rejects.toThrow(/append-only/);
    await expect(prisma().auditEntry.delete({ where: { id } })).rejects.toThrow(/append-only/);
    await expect(prisma().auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(prisma().$executeRawUnsafe('TRUNCATE "AuditEntry"')).rejects.toThrow(/append-only/);
    expect((await row()).action).toBe('narrative.recorded');
  });

  it('refuses even the purge when it would change metadata or more than text', async () => {
    await expect(asPurge(prisma(), (tx) => tx.auditEntry.update({ where: { id }, data: { actorId: 'someone-else' } }))).rejects.toThrow(/append-only/);
    await expect(asPurge(prisma(), (tx) => tx.auditEntry.update({ where: { id }, data: { after: { text: 'Rewritten history', version: 2, tags: ['a'] } } }))).rejects.toThrow(/append-only/);
    await expect(asPurge(prisma(), (tx) => tx.auditEntry.update({ where: { id }, data: { after: { text: '[purged]' } } }))).rejects.toThrow(/append-only/);
    await expect(asPurge(prisma(), (tx) => tx.auditEntry.delete({ where: { id } }))).rejects.toThrow(/append-only/);
    expect((await row()).after).toEqual({ text: 'New words', version: 2, tags: ['a'] });
  });

  it('lets the purge redact text and nothing else, and only inside its own transaction', async () => {
    await asPurge(prisma(), (tx) =>
      tx.auditEntry.update({ where: { id }, data: { before: { text: '[purged]', version: 1 }, after: { text: '[purged]', version: 2, tags: ['a'] } } }),
    );
    const after = await row();
    expect(after).toMatchObject({ action: 'narrative.recorded', actorId: 'person-1', entityRef: '2.3.1', sourceActivityId: 'act-1' });
    expect(after.before).toEqual({ text: '[purged]', version: 1 });
    expect(after.after).toEqual({ text: '[purged]', version: 2, tags: ['a'] });
    // SET LOCAL ends with the transaction: the next statement is refused again.
    await expect(prisma().auditEntry.update({ where: { id }, data: { before: { text: '[purged]', version: 1 } } })).rejects.toThrow(/append-only/);
  });
});
