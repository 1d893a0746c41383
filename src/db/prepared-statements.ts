import { createHash } from 'node:crypto';
import type { SqlQuery } from '@prisma/driver-adapter-utils';

/** At most this many distinct statements are kept prepared on each pooled connection. */
export const MAX_PREPARED_STATEMENTS = 500;
/** Statements with more parameters than this (bulk writes, imports) are not kept. */
export const MAX_PREPARED_PARAMETERS = 64;

/**
 * Names statements so that node-postgres prepares each once per connection and PostgreSQL keeps
 * its plan. Unnamed, every statement is parsed and planned again on every run: on the bot's hot
 * paths (the vocabulary stamp, the RAG walk) planning cost the server more CPU than running them.
 * A name is a hash of the statement's text, so one name never stands for two texts (node-postgres
 * refuses that). Texts with long parameter lists vary with the data and would only fill the
 * server's memory, so they stay unnamed ("" is unnamed to node-postgres), as does anything past
 * the cap.
 */
export function statementNames(max = MAX_PREPARED_STATEMENTS, maxParameters = MAX_PREPARED_PARAMETERS): (query: SqlQuery) => string {
  const names = new Map<string, string>();
  return (query) => {
    const known = names.get(query.sql);
    if (known !== undefined) return known;
    if (names.size >= max || query.args.length > maxParameters) return '';
    const name = `pbb_${createHash('sha1').update(query.sql).digest('base64url')}`;
    names.set(query.sql, name);
    return name;
  };
}

/**
 * `?pgbouncer=true` on DATABASE_URL (Prisma's own convention) turns prepared statements off, for
 * a pooler in transaction mode that cannot keep them; the parameter is not passed to the server.
 */
export function preparedStatementsWanted(connectionString: string): { connectionString: string; prepare: boolean } {
  if (!/[?&]pgbouncer=/.test(connectionString)) return { connectionString, prepare: true };
  const url = new URL(connectionString);
  const pgbouncer = url.searchParams.get('pgbouncer');
  url.searchParams.delete('pgbouncer');
  return { connectionString: url.toString(), prepare: pgbouncer !== 'true' };
}
