import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { sql } from 'drizzle-orm';
import { bigint, datetime, index, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import type { GraphQLFieldResolver } from 'graphql';
import type { Logger } from 'pino';
import { callShape } from './auditShape.ts';
import { connectionOf, pageRequest, type Connection, type PageRule } from './connection.ts';
import { badUserInput, forbidden, unauthenticated } from './errors.ts';
import type { MysqlPool } from './mysql.ts';

/**
 * Every mutation a subgraph served: who, which fields ran (with their arguments' shape), when,
 * from where, how it ended. Declared by each subgraph in its own schema (`export const auditLog
 * = auditLogTable()`), so it lives in that subgraph's database. Argument values are never
 * stored: they can hold passwords, tokens and keys. The operation name is the client's claim
 * and has its own column; the description (`operation`) is built from what executed.
 */
export function auditLogTable(name = 'audit_log') {
  return mysqlTable(
    name,
    {
      id: bigint('id', { mode: 'bigint', unsigned: true }).autoincrement().primaryKey(),
      at: datetime('at', { mode: 'date', fsp: 3 })
        .notNull()
        .default(sql`CURRENT_TIMESTAMP(3)`),
      requestId: varchar('request_id', { length: 128 }).notNull(),
      /** The user id or a partner key's id (for signUp and logIn, the account signed in); null when anonymous. */
      actorId: varchar('actor_id', { length: 36 }),
      actorRoles: varchar('actor_roles', { length: 64 }).notNull(),
      /** What ran: `mutation` and the fields that executed (`mutation createPool`). */
      operation: varchar('operation', { length: 200 }).notNull(),
      /** The operation name the client sent: its claim, null when it sent none. */
      clientOperationName: varchar('client_operation_name', { length: 200 }),
      /** The Mutation fields of this subgraph that executed (after @include/@skip), comma-separated. */
      fields: varchar('fields', { length: 1000 }).notNull(),
      /** Each executed field with its arguments' shape, never their values, one per line. */
      calls: varchar('calls', { length: 4000 }).notNull().default(''),
      clientAddress: varchar('client_address', { length: 64 }).notNull(),
      /** `ok`, or the error codes, comma-separated. */
      outcome: varchar('outcome', { length: 200 }).notNull(),
    },
    (t) => [index(`${name}_at`).on(t.at)],
  );
}

export interface AuditEntry {
  id: string;
  at: Date;
  requestId: string;
  actorId: string | null;
  actorRoles: string[];
  operation: string;
  clientOperationName: string | null;
  fields: string[];
  calls: string[];
  clientAddress: string;
  outcome: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

export interface AuditLog {
  /** Queues the entry; it is written within `FLUSH_EVERY_MS`, with others, in one INSERT. */
  record(entry: NewAuditEntry): void;
  /** Writes what is queued now (stop calls it before the pool closes). */
  flush(): Promise<void>;
  /** Newest first; `before` is an entry id (paging backwards). */
  list(options: { first: number; before?: string }): Promise<AuditEntry[]>;
}

/** Entries wait at most this long, so a burst of mutations costs one commit, not one each. */
export const AUDIT_FLUSH_EVERY_MS = 100;
/** Queued entries beyond this (MySQL down for long) are dropped, and the drop is logged. */
const MAX_QUEUED = 10_000;
const MAX_ROWS_PER_INSERT = 500;

const cut = (text: string, length: number) => text.slice(0, length);
const rowOf = (entry: NewAuditEntry) => [
  cut(entry.requestId, 128),
  entry.actorId,
  cut(entry.actorRoles.join(','), 64),
  cut(entry.operation, 200),
  entry.clientOperationName === null ? null : cut(entry.clientOperationName, 200),
  cut(entry.fields.join(','), 1000),
  cut(entry.calls.join('\n'), 4000),
  cut(entry.clientAddress, 64),
  cut(entry.outcome, 200),
];

export function createAuditLog(pool: MysqlPool, log: Logger, table = 'audit_log'): AuditLog {
  let queue: NewAuditEntry[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  async function write(entries: NewAuditEntry[]) {
    for (let i = 0; i < entries.length; i += MAX_ROWS_PER_INSERT) {
      const batch = entries.slice(i, i + MAX_ROWS_PER_INSERT);
      try {
        // insertAuditEntries
        await pool.query(
          `INSERT INTO \`${table}\` (request_id, actor_id, actor_roles, operation, client_operation_name, fields, calls, client_address, outcome) VALUES ?`,
          [batch.map(rowOf)],
        );
      } catch (error) {
        log.error({ err: error, entries: batch.length }, 'audit entries not written');
      }
    }
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const entries = queue;
    queue = [];
    writing = writing.then(() => (entries.length ? write(entries) : undefined));
    return writing;
  }

  return {
    record(entry) {
      if (queue.length >= MAX_QUEUED) {
        log.error({ operation: entry.operation }, 'audit queue full; entry dropped');
        return;
      }
      queue.push(entry);
      timer ??= setTimeout(() => void flush(), AUDIT_FLUSH_EVERY_MS);
    },
    flush,
    async list({ first, before }) {
      // selectAuditEntries
      const [rows] = await pool.query(
        `SELECT id, at, request_id, actor_id, actor_roles, operation, client_operation_name, fields, calls, client_address, outcome
         FROM \`${table}\` ${before ? 'WHERE id < ?' : ''} ORDER BY id DESC LIMIT ?`,
        before ? [before, first] : [first],
      );
      return (rows as Array<Record<string, string | Date | null>>).map((row) => ({
        id: String(row.id),
        at: row.at as Date,
        requestId: row.request_id as string,
        actorId: row.actor_id as string | null,
        actorRoles: (row.actor_roles as string).split(',').filter(Boolean),
        operation: row.operation as string,
        clientOperationName: row.client_operation_name as string | null,
        fields: (row.fields as string).split(',').filter(Boolean),
        calls: (row.calls as string).split('\n').filter(Boolean),
        clientAddress: row.client_address as string,
        outcome: row.outcome as string,
      }));
    },
  };
}

type Actor = { viewer?: { userId: string; roles: string[] } | null };
const headerOf = (value: string | undefined) => value?.split(',')[0]?.trim() || 'unknown';

/**
 * Records one entry per mutation operation after its response is built (so with its outcome).
 * The fields are those whose resolvers ran, as execution saw them (so after @include/@skip,
 * through fragments, none when the request failed before executing), not those the document
 * names. Writing is batched and never delays or fails the response: the mutation has happened.
 */
export function auditPlugin(audit: AuditLog): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const executed: Array<{ field: string; call: string }> = [];
      return {
        async executionDidStart({ operation }) {
          if (operation.operation !== 'mutation') return;
          return {
            willResolveField({ info, args }) {
              if (info.path.prev !== undefined || info.fieldName.startsWith('__')) return;
              executed.push({ field: info.fieldName, call: callShape(info.fieldName, args) });
            },
          };
        },
        async willSendResponse({ request, operation, operationName, contextValue, errors }) {
          if (operation?.operation !== 'mutation') return;
          const fields = executed.map((e) => e.field);
          const codes = new Set(
            (errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')),
          );
          const viewer = (contextValue as Actor).viewer;
          const headers = request.http?.headers;
          audit.record({
            requestId: headerOf(headers?.get('x-request-id')),
            actorId: viewer?.userId ?? null,
            actorRoles: viewer?.roles ?? [],
            operation: fields.length ? `mutation ${fields.join(', ')}` : 'mutation (nothing ran)',
            // The gateway names a subgraph's part of an operation `<name>__<subgraph>__<n>`.
            clientOperationName: operationName?.replace(/__\w+__\d+$/, '') ?? null,
            fields,
            calls: executed.map((e) => e.call),
            clientAddress: headerOf(headers?.get('x-forwarded-for')),
            outcome: codes.size ? [...codes].join(',') : 'ok',
          });
        },
      };
    },
  };
}

function requireAdmin(context: Actor): void {
  if (!context.viewer) throw unauthenticated();
  if (!context.viewer.roles.includes('ADMIN')) throw forbidden('The audit log is for admins.');
}

/** The audit log's connection pages newest first by entry id (increasing within a log). */
export const AUDIT_PAGE: PageRule<AuditEntry, string> = {
  kind: 'audit',
  defaultSize: 50,
  maxSize: 500,
  keyOf: (entry) => [entry.id],
  parseKey: ([id, ...rest]) => (id && rest.length === 0 && /^\d{1,20}$/.test(id) ? id : null),
};

/** `<name>AuditLogConnection(first, after)`: the audit log in the graph's one pagination shape. */
export function auditLogConnectionResolver(
  audit: AuditLog,
): GraphQLFieldResolver<unknown, Actor, { first?: number | null; after?: string | null }> {
  return async (_source, args, context): Promise<Connection<AuditEntry>> => {
    requireAdmin(context);
    const request = pageRequest(args, AUDIT_PAGE);
    const rows = await audit.list({ first: request.first + 1, before: request.after ?? undefined });
    return connectionOf(rows, request, AUDIT_PAGE);
  };
}

/** The ADMIN-only query field that reads a subgraph's audit log (`<name>AuditLog(first, before)`). */
export function auditLogResolver(audit: AuditLog): GraphQLFieldResolver<unknown, Actor> {
  return (_source, args: { first?: number | null; before?: string | null }, context) => {
    requireAdmin(context);
    const first = args.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > 500) {
      throw badUserInput('first', 'must be between 1 and 500.');
    }
    if (args.before != null && !/^\d{1,20}$/.test(args.before)) {
      throw badUserInput('before', 'must be an audit entry id.');
    }
    return audit.list({ first, before: args.before ?? undefined });
  };
}
