import { packDocx } from './board-pack.docx.ts';
import { packHtml } from './board-pack.html.ts';
import { layoutBoardPack, packFileName } from './board-pack.layout.ts';
import { packMarkdown } from './board-pack.markdown.ts';
import type { PackVersion } from './board-pack.model.ts';
import { buildBoardPack, type PackContext } from './board-pack.service.ts';

export type PackFormat = 'docx' | 'md' | 'html';

/** The pack for a meeting in one format, with the file name to give it. */
export async function renderBoardPack(ctx: PackContext, meetingId: string, version: PackVersion, format: PackFormat): Promise<{ body: Buffer; fileName: string; periodLabel: string }> {
  const pack = await buildBoardPack(ctx, meetingId, version);
  const doc = layoutBoardPack(pack);
  const body = format === 'docx' ? await packDocx(doc) : Buffer.from(format === 'md' ? packMarkdown(doc) : packHtml(doc), 'utf8');
  return { body, fileName: packFileName(pack, format), periodLabel: pack.period.label };
}
