import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import { verifyLink } from './board-pack-links.ts';

/** An HTTP answer as plain data: the edge (src/bot/server.ts) writes it out. */
export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const message = (status: number, text: string): HttpReply => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  body: `${text}\n`,
});

/**
 * GET /downloads/<token>: checks the signed token, then generates the pack now (so it holds what
 * the bot holds at the moment of download) and returns the Word file. Refusals say why and what to do.
 */
export async function downloadBoardPack(ctx: Pick<AppContext, 'config' | 'db' | 'clock' | 'log'>, token: string): Promise<HttpReply> {
  const secret = ctx.config.LINK_SIGNING_SECRET;
  if (!secret) return message(404, 'Download links are not configured on this bot.');
  const check = verifyLink(secret, token, ctx.clock.now());
  if (!check.ok) {
    ctx.log.info({ event: 'boardPack.download_refused', reason: check.reason }, 'download refused');
    if (check.reason === 'expired') return message(410, 'This download link has expired (links work for 15 minutes). Ask the bot for the board pack again to get a new one.');
    return message(403, 'This download link is not valid: it may have been altered or copied incompletely. Ask the bot for the board pack again.');
  }
  const { meetingId, version } = check.claims;
  try {
    const started = performance.now();
    // docx is loaded when a pack is first asked for, not by every process at start.
    const { renderBoardPack } = await import('./board-pack-render.ts');
    const { body, fileName } = await renderBoardPack(ctx, meetingId, version, 'docx');
    ctx.log.info({ event: 'boardPack.downloaded', meetingId, version, ms: Math.round(performance.now() - started), bytes: body.length }, 'board pack generated');
    return {
      status: 200,
      headers: {
        'Content-Type': DOCX_TYPE,
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Content-Length': String(body.length),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
      body,
    };
  } catch (error) {
    if (error instanceof DomainError) return message(error.status === 404 ? 404 : 400, error.userMessage);
    throw error;
  }
}
