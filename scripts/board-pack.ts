// npm run board-pack -- --meeting YYYY-MM-DD --out FILE.docx [--version public|board] [--partnership SLUG]:
// writes the board pack for a meeting (Word, or Markdown/HTML by the file's extension) from the
// database the settings name (the same settings as npm start).
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.ts';
import { DatabaseLockedError } from '../src/db/directory-lock.ts';
import { openDatabase } from '../src/db/database.ts';
import { applyMigrations } from '../src/db/migrations.ts';
import { DomainError } from '../src/domain-error.ts';
import { renderBoardPack, type PackFormat } from '../src/features/board-pack/board-pack-render.ts';
import { PACK_VERSIONS, type PackVersion } from '../src/features/board-pack/board-pack.model.ts';
import { findMeetingOn } from '../src/features/meetings/meeting-dates.ts';
import { clockFrom } from '../src/time/clock.ts';

class UsageError extends Error {}

const USAGE = 'usage: npm run board-pack -- --meeting YYYY-MM-DD --out FILE.docx|.md|.html [--version public|board] [--partnership SLUG]';
const FORMATS: Record<string, PackFormat> = { '.docx': 'docx', '.md': 'md', '.html': 'html', '.htm': 'html' };

let code = 0;
try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { meeting: { type: 'string' }, out: { type: 'string' }, version: { type: 'string', default: 'public' }, partnership: { type: 'string' } },
  });
  if (positionals.length || !values.meeting || !values.out) throw new UsageError(USAGE);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.meeting)) throw new UsageError(`--meeting must be a date written YYYY-MM-DD (got "${values.meeting}").\n${USAGE}`);
  const format = FORMATS[extname(values.out).toLowerCase()];
  if (!format) throw new UsageError(`--out must end in .docx, .md or .html (got "${values.out}").\n${USAGE}`);
  if (!PACK_VERSIONS.includes(values.version as PackVersion)) throw new UsageError(`--version must be public or board (got "${values.version}").\n${USAGE}`);
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, purpose: 'npm run board-pack' });
  try {
    await applyMigrations(db);
    const partnerships = await db.prisma.partnership.findMany({ where: values.partnership ? { slug: values.partnership } : {}, select: { id: true, slug: true } });
    if (partnerships.length === 0) throw new UsageError(values.partnership ? `There is no partnership "${values.partnership}".` : 'The database holds no partnership: run npm run import first.');
    if (partnerships.length > 1) throw new UsageError(`The database holds several partnerships: say which with --partnership (${partnerships.map((p) => p.slug).join(', ')}).`);
    const meeting = await findMeetingOn(db.prisma, partnerships[0]!.id, values.meeting);
    if (!meeting) throw new UsageError(`There is no meeting on ${values.meeting}.`);
    const started = performance.now();
    const out = await renderBoardPack({ db, clock: clockFrom(config.AS_OF) }, meeting.id, values.version as PackVersion, format);
    await writeFile(values.out, out.body);
    console.log(`Wrote ${values.out} (${out.fileName.endsWith('docx') ? 'Word' : format}, ${values.version} version, ${out.periodLabel}, ${out.body.length.toLocaleString('en-GB')} bytes) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await db.close();
  }
} catch (error) {
  if (error instanceof DomainError) console.error(`No board pack: ${error.userMessage}`);
  else if (error instanceof ConfigError || error instanceof DatabaseLockedError || error instanceof UsageError) console.error(error.message);
  else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) console.error(`${error.message}\n${USAGE}`);
  else if (error instanceof Error && 'code' in error && typeof error.code === 'string' && /^E(ACCES|NOENT|ISDIR|ROFS)$/.test(error.code)) console.error(`Could not write the file: ${error.message}`);
  else throw error;
  code = 1;
}
// The schema engine leaves a timer running; this command is done.
process.exit(code);
