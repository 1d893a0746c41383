import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { preparedStatementsWanted, statementNames } from '../../src/db/prepared-statements.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../helpers/databases.ts';

const query = (sql: string, parameters = 1) => ({ sql, args: Array.from({ length: parameters }, () => 1), argTypes: [] }) as unknown as Parameters<ReturnType<typeof statementNames>>[0];

describe('statement names', () => {
  it('gives one text one name, and two texts two names', () => {
    const name = statementNames();
    const first = name(query('SELECT $1::int'));
    expect(first).toMatch(/^pbb_[\w-]{27}$/);
    expect(name(query('SELECT $1::int'))).toBe(first);
    expect(name(query('SELECT $1::int + 1'))).not.toBe(first);
  });

  it('leaves unnamed what varies with the data, and everything past the cap', () => {
    const name = statementNames(2, 3);
    expect(name(query('INSERT … VALUES ($1),($2),($3),($4)', 4))).toBe('');
    expect(name(query('SELECT 1'))).not.toBe('');
    expect(name(query('SELECT 2'))).not.toBe('');
    expect(name(query('SELECT 3'))).toBe('');
    expect(name(query('SELECT 1'))).not.toBe('');
  });

  it('turns them off for ?pgbouncer=true, without passing the parameter on', () => {
    expect(preparedStatementsWanted('postgresql://u@h:5432/db')).toEqual({ connectionString: 'postgresql://u@h:5432/db', prepare: true });
    expect(preparedStatementsWanted('postgresql://u@h:6432/db?sslmode=require&pgbouncer=true')).toEqual({ connectionString: 'postgresql://u@h:6432/db?sslmode=require', prepare: false });
    expect(preparedStatementsWanted('postgresql://u@h:6432/db?pgbouncer=false').prepare).toBe(true);
  });
});

/** The statements prepared on one pooled connection: the ones a transaction ran, and older ones. */
async function preparedInTransaction(db: Database): Promise<string[]> {
  return db.prisma.$transaction(async (tx) => {
    await tx.partnership.findMany({ where: { slug: 'nobody' } });
    await tx.partnership.findMany({ where: { slug: 'nobody' } });
    const rows = await tx.$queryRaw<Array<{ statement: string }>>`SELECT statement FROM pg_prepared_statements`;
    return rows.map((r) => r.statement);
  });
}

describe.runIf(BACKENDS.includes('postgres'))('prepared statements on PostgreSQL', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase('postgres');
  });
  afterAll(async () => t?.dispose());

  it('keeps a statement prepared on its connection, so it is planned once', async () => {
    const statements = await preparedInTransaction(t.db);
    expect(statements.filter((s) => s.includes('FROM "public"."Partnership"'))).toHaveLength(1);
  });

  it('prepares nothing behind ?pgbouncer=true', async () => {
    const url = new URL(t.env.DATABASE_URL!);
    url.searchParams.set('pgbouncer', 'true');
    const db = await openDatabase({ databaseUrl: url.toString(), dataDir: t.env.DATA_DIR! });
    try {
      expect(await preparedInTransaction(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
