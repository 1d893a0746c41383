import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.ts';
import { acquireDirectoryLock } from './directory-lock.ts';

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
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Who holds the embedded database, shown to a second process that is refused. */
  purpose?: string;
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite database in `dataDir`. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options);
}

function openPostgres(connectionString: string): Database {
  const adapterFactory = new PrismaPg({ connectionString, max: 10 });
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
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
    const pglite = await PGlite.create(join(dir, 'pgdata'));
    const adapterFactory = new PrismaPGlite(pglite);
    const prisma = new PrismaClient({ adapter: adapterFactory });
    return {
      prisma,
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
