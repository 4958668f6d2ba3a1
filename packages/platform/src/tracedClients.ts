import type { Pool } from 'mysql2/promise';
import type { Cluster, Redis } from 'ioredis';
import { inSpan, SpanKind, startClientSpan, tracingEnabled } from './tracing.ts';

const statementOf = (arg: unknown): string => {
  const sql = typeof arg === 'string' ? arg : ((arg as { sql?: string } | undefined)?.sql ?? '');
  // The statement text only (never the parameters), bounded.
  return sql.length > 500 ? `${sql.slice(0, 500)}…` : sql;
};

type Queryable = {
  query: (...args: never[]) => Promise<unknown>;
  execute: (...args: never[]) => Promise<unknown>;
};

function traceQueries(target: Queryable, database: string): void {
  for (const method of ['query', 'execute'] as const) {
    const original = target[method].bind(target) as (...args: unknown[]) => Promise<unknown>;
    (target as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const statement = statementOf(args[0]);
      const operation = /^\s*(\w+)/.exec(statement)?.[1]?.toUpperCase() ?? 'QUERY';
      return inSpan(
        `mysql ${operation}`,
        {
          kind: SpanKind.CLIENT,
          attributes: { 'db.system': 'mariadb', 'db.name': database, 'db.statement': statement },
        },
        () => original(...args),
      );
    };
  }
}

/**
 * With tracing on, a span per statement (the pool's and its connections' `query`/`execute`,
 * which drizzle calls, transactions included). Off: the pool is left as it is.
 */
export function traceMysqlPool(pool: Pool, database: string): void {
  if (!tracingEnabled()) return;
  traceQueries(pool as unknown as Queryable, database);
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = async () => {
    const connection = await getConnection();
    const marked = connection as unknown as { __traced?: boolean } & Queryable;
    if (!marked.__traced) {
      traceQueries(marked, database);
      marked.__traced = true;
    }
    return connection;
  };
}

/** With tracing on, a span per Redis command this client sends (pipelines included). */
export function traceRedis(client: Redis | Cluster): void {
  if (!tracingEnabled()) return;
  // Both clients route every command (a cluster's too, before picking a node) through this.
  const redis = client as unknown as { sendCommand: (...args: unknown[]) => unknown };
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = ((
    command: { name: string; promise: Promise<unknown> },
    ...rest: unknown[]
  ) => {
    const span = startClientSpan(`redis ${command.name.toUpperCase()}`, {
      'db.system': 'redis',
      'db.operation': command.name,
    });
    // Callers await the command's promise, not what sendCommand returns.
    command.promise.then(
      () => span.end(),
      (error: Error) => span.end(error),
    );
    return send(command, ...rest);
  }) as (...args: unknown[]) => unknown;
}
