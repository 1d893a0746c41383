/**
 * Whether an error means "the database cannot be reached right now" rather than "this request is
 * wrong": the user is told to try again, nothing is half-written (the transaction never
 * committed), and the next turn reconnects by itself. Covers both backends: PostgreSQL through
 * @prisma/adapter-pg (socket errors, FATAL connection-level errors, server shutdown) and PGlite
 * (a closed embedded database).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (matches(e as ErrorLike)) return true;
    e = (e as ErrorLike).cause;
  }
  return false;
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  kind?: unknown;
  severity?: unknown;
  meta?: { driverAdapterError?: { cause?: ErrorLike } };
}

/** Prisma's own "cannot reach / lost / timed out waiting for a connection" codes. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** What the driver adapter reports when the connection itself failed. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseDoesNotExist']);
/** SQLSTATEs of a lost or refused connection: class 08, shutdown (57P01-57P03), too many (53300). */
const SQLSTATE = /^(08...|57P0[1-3]|53300)$/;
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const MESSAGES = /Connection terminated|connection (?:is )?closed|PGlite is closed|not currently accepting connections|Can't reach database server|Timed out fetching a new connection/i;

function matches(e: ErrorLike): boolean {
  const code = typeof e.code === 'string' ? e.code : '';
  if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code)) return true;
  const cause = e.meta?.driverAdapterError?.cause ?? (e.kind !== undefined ? e : undefined);
  if (cause && adapterCauseIsConnection(cause)) return true;
  return typeof e.message === 'string' && MESSAGES.test(e.message);
}

function adapterCauseIsConnection(cause: ErrorLike): boolean {
  if (typeof cause.kind === 'string' && ADAPTER_KINDS.has(cause.kind)) return true;
  if (cause.kind !== 'postgres') return false;
  const code = String(cause.code ?? '');
  // A FATAL error ends the session: the connection is gone whatever the state code says.
  return SQLSTATE.test(code) || cause.severity === 'FATAL';
}
