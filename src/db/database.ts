import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../generated/prisma/client.ts';
import { acquireDirectoryLock } from './directory-lock.ts';
import { preparedStatementsWanted, statementNames } from './prepared-statements.ts';

export { PrismaClient };
export type Backend = 'pglite' | 'postgres';

/** The one database handle: a Prisma client over PGlite or PostgreSQL, same code above it. */
export interface Database {
  prisma: PrismaClient;
  backend: Backend;
  /** For the WASM schema engine (migrations) to reach the same database. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** SQL statements sent so far; only when opened with `countQueries` (the benchmarks). */
  queries?: QueryCounter;
}

export interface QueryCounter {
  count: number;
  /** The most recent statements' SQL (up to 100), to show what a turn sends. */
  recent: string[];
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Who holds the embedded database, shown to a second process that is refused. */
  purpose?: string;
  /** Count every statement Prisma sends (its query events): for the benchmarks, off by default. */
  countQueries?: boolean;
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite database in `dataDir`. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.countQueries) : openPglite(options);
}

/**
 * Every transaction may wait this long for a free connection (Prisma's default is 2 s): a whole
 * board submitting at once queues more transactions than the pool has connections, and waiting a
 * few seconds, inside Teams' 15 s for an invoke, beats refusing (`npm run load` measures it).
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000 };

/** A client, and with `countQueries` a counter fed by Prisma's query events. */
function createClient(adapter: SqlMigrationAwareDriverAdapterFactory, countQueries = false): { prisma: PrismaClient; queries?: QueryCounter } {
  if (!countQueries) return { prisma: new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }) };
  const client = new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS, log: [{ emit: 'event', level: 'query' }] });
  const queries: QueryCounter = { count: 0, recent: [] };
  client.$on('query', (event: { query: string }) => {
    queries.count++;
    queries.recent.push(event.query);
    if (queries.recent.length > 100) queries.recent.shift();
  });
  return { prisma: client as unknown as PrismaClient, queries };
}

function openPostgres(url: string, countQueries?: boolean): Database {
  const { connectionString, prepare } = preparedStatementsWanted(url);
  const adapterFactory = new PrismaPg({ connectionString, max: 10 }, prepare ? { statementNameGenerator: statementNames() } : {});
  const { prisma, queries } = createClient(adapterFactory, countQueries);
  return {
    prisma,
    queries,
    backend: 'postgres',
    adapterFactory,
    ping: async () => {
      await prisma.$queryRaw`SELECT 1`;
    },
    close: () => prisma.$disconnect(),
  };
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  const dir = resolve(options.dataDir);
  mkdirSync(join(dir, 'pgdata'), { recursive: true });
  const release = acquireDirectoryLock(join(dir, 'bot.lock'), options.purpose ?? 'partnership-board-bot');
  try {
    // PGlite (PostgreSQL in WASM) is loaded only by a process that uses it, not on PostgreSQL.
    const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
    const pglite = await PGlite.create(join(dir, 'pgdata'));
    const adapterFactory = new PrismaPGlite(pglite);
    const { prisma, queries } = createClient(adapterFactory, options.countQueries);
    return {
      prisma,
      queries,
      backend: 'pglite',
      adapterFactory,
      ping: async () => {
        await prisma.$queryRaw`SELECT 1`;
      },
      close: async () => {
        await prisma.$disconnect();
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
