import { resolve } from 'node:path';
import type { AppContext } from '../../app-context.ts';
import { importPartnershipFile } from './import.service.ts';

export const EXAMPLE_FILE = resolve(import.meta.dirname, '..', '..', '..', 'data', 'examples', 'safer-bromley.yaml');

/** On an empty database, loads the example partnership (SEED=example), and says so. */
export async function seedIfEmpty(ctx: AppContext): Promise<boolean> {
  const existing = await ctx.db.prisma.partnership.count();
  if (existing > 0) return false;
  const report = await importPartnershipFile(ctx, EXAMPLE_FILE, { actorLabel: 'seed' });
  ctx.log.info({ event: 'seed.loaded', partnership: report.partnership, counts: report.counts }, 'example partnership loaded');
  return true;
}
