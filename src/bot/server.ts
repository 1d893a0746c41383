import type { AddressInfo } from 'node:net';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import restify from 'restify';
import type { AppContext } from '../app-context.ts';
import { pendingMigrations } from '../db/migrations.ts';
import { downloadBoardPack } from '../features/board-pack/board-pack-download.ts';
import { gatherAfterReply } from './after-reply.ts';
import type { BotApp } from './app.ts';

export interface HttpServer {
  url: string;
  /** Stops accepting requests and waits for the turns in flight. */
  drain(): Promise<void>;
}

/** The HTTP edge: messages from Teams, and the health probes for the host. */
export async function listen(ctx: AppContext, adapter: TeamsAdapter, app: BotApp): Promise<HttpServer> {
  const server = restify.createServer({ name: 'partnership-board-bot' });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1_000_000, mapParams: false }));
  const inFlight = new Set<Promise<unknown>>();
  let draining = false;

  server.post('/api/messages', async (req, res) => {
    if (draining) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    let afterReply: Promise<void>[] = [];
    // The request is in flight until the turn's after-reply bookkeeping ends, after the response.
    const turn = adapter
      .process(req, res, async (context) => {
        afterReply = gatherAfterReply(context);
        await app.run(context);
      })
      .finally(() => Promise.allSettled(afterReply));
    inFlight.add(turn);
    try {
      await turn;
    } finally {
      inFlight.delete(turn);
    }
  });

  // Signed board pack links: the handler checks the token and returns plain {status, headers, body}.
  server.get('/downloads/:token', async (req, res) => {
    const reply = await downloadBoardPack(ctx, String(req.params.token ?? ''));
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'up' });
  });

  server.get('/readyz', async (_req, res) => {
    try {
      await ctx.db.ping();
      const pending = await pendingMigrations(ctx.db);
      if (pending.length > 0) {
        res.send(503, { status: 'migrations pending', pending });
        return;
      }
      res.send(200, { status: 'ready', database: ctx.db.backend });
    } catch {
      res.send(503, { status: 'database unreachable', database: ctx.db.backend });
    }
  });

  // Local mode accepts unauthenticated traffic, so it listens on loopback only.
  const host = ctx.config.localMode ? '127.0.0.1' : '0.0.0.0';
  await new Promise<void>((resolve) => server.listen(ctx.config.PORT, host, resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    drain: async () => {
      draining = true;
      await Promise.allSettled([...inFlight]);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
