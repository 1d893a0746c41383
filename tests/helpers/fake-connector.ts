import { setTimeout as sleep } from 'node:timers/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId?: string;
  /** The activity the bot sent (for send, reply and update). */
  activity?: Record<string, any>;
  body?: unknown;
  authorization?: string;
  /** The status the connector answered with (unset while a hung request is open). */
  status?: number;
}

/** Scripted answer for the next matching call (429, 403, 500, …) instead of success. */
export interface ScriptedFault {
  /** Ignored when `hang` is set. */
  status: number;
  /** Never answer: the request stays open until the connector stops. */
  hang?: boolean;
  /** Answer as usual, only this much later (`status` is then ignored). */
  delayMs?: number;
  headers?: Record<string, string>;
  body?: unknown;
  match?: (call: ConnectorCall) => boolean;
}

/**
 * A real HTTP server on loopback that speaks enough of the Bot Connector REST API for the bot:
 * send and reply to activities, update them, create conversations, read members. It records
 * every call; faults can be scripted for delivery tests.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  readonly members = new Map<string, Record<string, unknown>>();
  /** Activities the connector accepted (answered 200): what people actually received. */
  readonly delivered: ConnectorCall[] = [];
  /** Requests answered 429 because they broke the enforced limits (see `enforceLimits`). */
  rejectedForRate = 0;
  private limits?: { perConversation: number; perTenant: number; retryAfterSeconds: number };
  private readonly recent: Array<{ at: number; conversationId?: string }> = [];
  private readonly hung = new Set<ServerResponse>();
  private faults: ScriptedFault[] = [];
  private server?: Server;
  private nextId = 1;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.hung.clear();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  fail(fault: ScriptedFault): void {
    this.faults.push(fault);
  }

  /** The same fault for the next `times` matching calls. */
  failTimes(times: number, fault: ScriptedFault): void {
    for (let i = 0; i < times; i++) this.faults.push(fault);
  }

  /**
   * Behaves like Teams' rate limiter: more than `perConversation` activities to one conversation,
   * or `perTenant` requests overall, within any one second gets a 429 with Retry-After.
   */
  enforceLimits(limits: { perConversation: number; perTenant: number; retryAfterSeconds?: number }): void {
    this.limits = { retryAfterSeconds: 1, ...limits };
  }

  /** Answers the hung requests now (with 500), as a connector that recovers would. */
  releaseHung(): void {
    for (const res of this.hung) send(res, 500, { error: { code: 'ServiceUnavailable' } });
    this.hung.clear();
  }

  /** Counts the request against a one-second sliding window; true when it breaks a limit. */
  private overLimit(call: ConnectorCall): boolean {
    if (!this.limits) return false;
    const now = performance.now();
    while (this.recent.length && this.recent[0]!.at <= now - 1000) this.recent.shift();
    const inConversation = this.recent.filter((r) => r.conversationId === call.conversationId).length;
    if (this.recent.length >= this.limits.perTenant || (call.activity && inConversation >= this.limits.perConversation)) return true;
    this.recent.push({ at: now, conversationId: call.conversationId });
    return false;
  }

  /** Delivered activities per conversation id. */
  deliveredTo(conversationId: string): Array<Record<string, any>> {
    return this.delivered.filter((c) => c.conversationId === conversationId).map((c) => c.activity!);
  }

  /** Activities the bot sent (messages, cards, updates), in order. */
  sentActivities(since = 0): Array<Record<string, any>> {
    return this.calls.slice(since).flatMap((c) => (c.activity ? [c.activity] : []));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const path = (req.url ?? '').split('?')[0]!;
    const conversationId = /\/v3\/conversations\/([^/]+)/.exec(path)?.[1];
    const call: ConnectorCall = {
      method: req.method ?? 'GET',
      path,
      conversationId: conversationId ? decodeURIComponent(conversationId) : undefined,
      body,
      authorization: req.headers.authorization,
    };
    const isActivity = /\/activities(\/[^/]+)?$/.test(path) && (req.method === 'POST' || req.method === 'PUT');
    if (isActivity) call.activity = body as Record<string, any>;
    this.calls.push(call);

    const faultIndex = this.faults.findIndex((f) => !f.match || f.match(call));
    if (faultIndex >= 0) {
      const [fault] = this.faults.splice(faultIndex, 1);
      if (fault!.hang) return void this.hung.add(res);
      if (fault!.delayMs !== undefined) await sleep(fault!.delayMs);
      else {
        call.status = fault!.status;
        return send(res, fault!.status, fault!.body ?? { error: { code: 'Scripted', message: 'scripted fault' } }, fault!.headers);
      }
    }
    if (this.overLimit(call)) {
      this.rejectedForRate++;
      call.status = 429;
      return send(res, 429, { error: { code: 'TooManyRequests' } }, { 'retry-after': String(this.limits!.retryAfterSeconds) });
    }
    if (isActivity) {
      this.delivered.push(call);
      call.status = 200;
      return send(res, 200, { id: `activity-${this.nextId++}` });
    }
    if (req.method === 'POST' && path === '/v3/conversations')
      return send(res, 200, { id: `a:created-${this.nextId++}`, serviceUrl: this.url });
    const member = /\/members\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && member) {
      const found = this.members.get(decodeURIComponent(member[1]!));
      return found ? send(res, 200, found) : send(res, 404, { error: { code: 'MemberNotFoundInConversation' } });
    }
    if (req.method === 'GET' && /\/pagedmembers$/.test(path))
      return send(res, 200, { members: [...this.members.values()] });
    send(res, 404, { error: { code: 'NotFound', message: `fake connector has no ${req.method} ${path}` } });
  }
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : undefined);
      } catch {
        resolve(text);
      }
    });
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
