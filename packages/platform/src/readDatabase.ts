import { withReplicas } from 'drizzle-orm/mysql-core';
import type { MySql2Database } from 'drizzle-orm/mysql2';
import { drizzle } from 'drizzle-orm/mysql2';
import type { Pool } from 'mysql2/promise';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { ReadinessCheck } from './http.ts';
import type { Logger } from './logger.ts';
import { connectMysql, type Mysql } from './mysql.ts';
import { startLagMonitor, type LagMonitor, type ReplicaStatus } from './replicaLag.ts';

export interface ReadReplicaConfig {
  /** The replica's URL with this service's database (MYSQL_REPLICA_URL); none: reads stay on the primary. */
  mysqlReplicaUrl?: string;
  /** Out of the read rotation above this lag (MYSQL_REPLICA_MAX_LAG_SECONDS, default 5). */
  replicaMaxLagSeconds?: number;
  /** How often the lag monitor polls (default 1,000 ms). */
  replicaPollMs?: number;
}

export interface ReadDatabase<TSchema extends Record<string, unknown>> {
  /**
   * For lag-tolerant reads only: selects go to the replica while it is in rotation, to the
   * primary otherwise; inserts, updates, deletes and transactions always go to the primary
   * (drizzle's `withReplicas`), except raw `execute`, which is taken for a read here.
   * Without a replica it is the primary's `db` itself.
   */
  db: MySql2Database<TSchema>;
  /** The replica's state; undefined without one. */
  status(): ReplicaStatus | undefined;
  /** `mysql-replica` (optional: reported on /readyz, never makes the service unready). */
  readiness: ReadinessCheck[];
  /** `mysql_replica_lag_seconds`, `mysql_replica_in_rotation`, `mysql_replica_reads_total`. */
  registerMetrics(registry: Registry): void;
  close(): Promise<void>;
}

/**
 * Connection-level failures (the replica is restarting or gone) and a database or table the
 * replica has not received yet: the read is repeated on the primary. Anything else (a
 * refused write above all) is the caller's error and stays one.
 */
function replicaUnavailable(error: unknown): boolean {
  const { code, fatal } = error as { code?: string; fatal?: boolean };
  return (
    fatal === true ||
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'PROTOCOL_CONNECTION_LOST'].includes(
      code ?? '',
    ) ||
    ['ER_SERVER_SHUTDOWN', 'ER_CONNECTION_KILLED', 'ER_BAD_DB_ERROR', 'ER_NO_SUCH_TABLE'].includes(
      code ?? '',
    )
  );
}

type PoolCall = (...args: unknown[]) => Promise<unknown>;

/** The replica's pool, with each failed read repeated once on the primary's pool. */
function withFallback(replica: Pool, primary: Pool, onFailure: (error: unknown) => void): Pool {
  const wrap = (method: 'query' | 'execute'): PoolCall => {
    const onReplica = replica[method].bind(replica) as PoolCall;
    const onPrimary = primary[method].bind(primary) as PoolCall;
    return (...args) =>
      onReplica(...args).catch((error: unknown) => {
        if (!replicaUnavailable(error)) throw error;
        onFailure(error);
        return onPrimary(...args);
      });
  };
  const calls: Record<string, PoolCall> = { query: wrap('query'), execute: wrap('execute') };
  return new Proxy(replica, {
    get: (target, property, receiver) =>
      typeof property === 'string' && property in calls
        ? calls[property]
        : Reflect.get(target, property, receiver),
  });
}

/**
 * The read side of a service's database: a replica behind drizzle's read replicas, kept in
 * the rotation only while a lag monitor finds it replicating within `replicaMaxLagSeconds`.
 */
export function openReadDatabase<TSchema extends Record<string, unknown>>(
  primary: Mysql<TSchema>,
  config: ReadReplicaConfig & { log: Logger },
  schema: TSchema,
): ReadDatabase<TSchema> {
  if (!config.mysqlReplicaUrl) {
    return {
      db: primary.db,
      status: () => undefined,
      readiness: [],
      registerMetrics: () => {},
      close: async () => {},
    };
  }
  const log = config.log.child({ component: 'read-replica' });
  const replica = connectMysql({ url: config.mysqlReplicaUrl, connectionLimit: 10 }, schema);
  const monitor: LagMonitor = startLagMonitor({
    primary: primary.pool,
    replica: replica.pool,
    maxLagSeconds: config.replicaMaxLagSeconds ?? 5,
    pollMs: config.replicaPollMs ?? 1_000,
    log,
  });
  let fallbacks = 0;
  const replicaDb = drizzle({
    client: withFallback(replica.pool, primary.pool, (error) => {
      fallbacks++;
      monitor.markUnreachable((error as Error).message);
    }),
    schema,
    mode: 'default',
  });
  const routed = { replica: 0, primary: 0 };
  const pick = () => {
    const inRotation = monitor.status().inRotation;
    routed[inRotation ? 'replica' : 'primary']++;
    return inRotation ? replicaDb : primary.db;
  };
  const replicated = withReplicas(primary.db, [replicaDb], pick);
  // withReplicas sends raw `execute` to the primary, but here it is a read too (reports select
  // through it); a write through this handle is a bug and fails on the SELECT-only replica.
  const execute = ((query) => pick().execute(query)) as typeof replicated.execute;
  const db = Object.assign(replicated, { execute });
  return {
    db,
    status: () => monitor.status(),
    readiness: [
      {
        name: 'mysql-replica',
        optional: true,
        check: async () => {
          const { state, inRotation, lagSeconds, maxLagSeconds, reason } = monitor.status();
          const detail = { state, inRotation, lagSeconds, maxLagSeconds };
          if (inRotation) return detail;
          throw Object.assign(new Error(`read replica ${state}${reason ? `: ${reason}` : ''}`), {
            detail,
          });
        },
      },
    ],
    registerMetrics(registry) {
      new Gauge({
        name: 'mysql_replica_lag_seconds',
        help: 'How far the read replica is behind the primary (-1 when unknown: stopped or unreachable)',
        registers: [registry],
        collect() {
          this.set(monitor.status().lagSeconds ?? -1);
        },
      });
      new Gauge({
        name: 'mysql_replica_in_rotation',
        help: 'Whether lag-tolerant reads go to the replica (1) or to the primary (0)',
        registers: [registry],
        collect() {
          this.set(monitor.status().inRotation ? 1 : 0);
        },
      });
      new Counter({
        name: 'mysql_replica_reads_total',
        help: 'Lag-tolerant reads by where they were sent; fallback: failed on the replica, repeated on the primary',
        labelNames: ['target'],
        registers: [registry],
        collect() {
          this.reset();
          this.inc({ target: 'replica' }, routed.replica);
          this.inc({ target: 'primary' }, routed.primary);
          this.inc({ target: 'fallback' }, fallbacks);
        },
      });
    },
    async close() {
      monitor.stop();
      await replica.close();
    },
  };
}
