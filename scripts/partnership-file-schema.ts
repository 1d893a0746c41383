// npm run partnership-file:schema: writes docs/partnership-file.schema.json from the zod schema,
// so editors can check a partnership file as it is typed. Run it after changing the schema.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod/v4';
import { PartnershipFileSchema } from '../src/features/partnership-file/partnership-file.schemas.ts';

const OUT = resolve(import.meta.dirname, '..', 'docs', 'partnership-file.schema.json');

// 'input': what a person writes (defaults may be left out), not what the reader returns.
const schema = {
  ...z.toJSONSchema(PartnershipFileSchema, { io: 'input' }),
  title: 'Partnership file',
  description:
    'A partnership board: members, strategy, updates, meetings and metrics. See docs/partnership-file.md.',
};
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(schema, null, 2)}\n`);
console.log(`Wrote ${OUT}`);
