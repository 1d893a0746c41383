import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type * as Bg from '@prisma/schema-engine-wasm/schema_engine_bg';

export const PRISMA_DIR = resolve(import.meta.dirname, '..', '..', 'prisma');
export const MIGRATIONS_DIR = join(PRISMA_DIR, 'migrations');
export const SCHEMA_PATH = join(PRISMA_DIR, 'schema.prisma');
export const LOCKFILE = 'migration_lock.toml';
export const NO_FILTERS = { externalTables: [], externalEnums: [] };

// The global exists in Node 20; @types/node 20 leaves it to lib.dom, which this project does not load.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let loaded: Promise<typeof Bg> | undefined;

/**
 * Loads Prisma's schema engine compiled to WebAssembly (shipped in an npm package), so that
 * migrations need no native engine download. Its main entry imports a .wasm file, which Node 20
 * cannot, so the module is instantiated by hand. Loaded only when migrations are to be applied:
 * a start with nothing pending never pays for it.
 */
function loadWasm(): Promise<typeof Bg> {
  loaded ??= (async () => {
    const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const require = createRequire(import.meta.url);
    const entry = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = join(dirname(entry), 'schema_engine_bg.wasm');
    const bytes = readFileSync(wasmPath);
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports as never);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return loaded;
}

/** The engine, and a way to end it that also closes every connection it opened. */
export interface SchemaEngineSession {
  engine: Bg.SchemaEngine;
  close(): Promise<void>;
}

/**
 * Starts the schema engine on the database's driver adapter. `engine.free()` leaves the
 * connections it opened alive, and one of them holds Prisma's migration advisory lock: the next
 * migration run would wait 10 s for it. So every connection is tracked and released on close.
 */
export async function createSchemaEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngineSession> {
  const bg = await loadWasm();
  const opened: SqlDriverAdapter[] = [];
  const track = async (connect: Promise<SqlDriverAdapter>) => {
    const adapter = await connect;
    opened.push(adapter);
    return adapter;
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(factory.connect()),
    connectToShadowDb: () => track(factory.connectToShadowDb()),
  };
  const schema = readFileSync(SCHEMA_PATH, 'utf8');
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
    },
  };
}

/** The migrations folder as the engine wants it, read from disk. */
export function readMigrationsList(dir = MIGRATIONS_DIR) {
  let names: string[] = [];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    names = [];
  }
  let lock: string | null = null;
  try {
    lock = readFileSync(join(dir, LOCKFILE), 'utf8');
  } catch {
    lock = null;
  }
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: lock },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: readFileSync(join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

export function migrationNames(dir = MIGRATIONS_DIR): string[] {
  return readMigrationsList(dir).migrationDirectories.map((d) => d.path);
}
