// Generates the Prisma client without downloading anything. The Prisma CLI insists on locating a
// native schema engine before every command; generation never uses it, so we hand it a stub that
// explains itself. Migrations use the WASM schema engine instead (src/db/migrations.ts).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = join(tmpdir(), 'partnership-bot-prisma');
mkdirSync(dir, { recursive: true });
const stub = join(dir, 'schema-engine-stub');
writeFileSync(
  stub,
  '#!/bin/sh\necho "migrations use the WASM schema engine: npm run db:migrate (see README)" >&2\nexit 1\n',
);
chmodSync(stub, 0o755);

const result = spawnSync('npx', ['--no-install', 'prisma', 'generate', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: stub,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
