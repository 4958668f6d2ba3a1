import { createRedisClient, type RedisClient } from '@poolgraph/platform';
import type { Pool } from 'mysql2/promise';
import { ledgerEventsStream } from '@poolgraph/events';

export interface Databases {
  ledger: Pool;
  alerts: Pool;
  reports: Pool;
}

export const count = async (pool: Pool, sql: string, params: unknown[] = []) => {
  const [rows] = await pool.query(sql, params);
  return Number((rows as Array<{ n: unknown }>)[0]?.n ?? 0);
};

interface GroupState {
  name: string;
  lag: number;
  pending: number;
}

/** Each consumer group of the ledger's stream: entries not delivered yet, and not acknowledged. */
async function groupsOf(redis: RedisClient, stream: string): Promise<GroupState[]> {
  const reply = (await redis.xinfo('GROUPS', stream)) as unknown[][];
  return Promise.all(
    reply.map(async (fields) => {
      const value = (name: string) => fields[fields.indexOf(name) + 1];
      const last = String(value('last-delivered-id'));
      // Redis leaves `lag` nil after deletions in the range (the trim): count instead.
      const lag =
        value('lag') == null
          ? (await redis.xrange(stream, `(${last}`, '+', 'COUNT', 10_000)).length
          : Number(value('lag'));
      return { name: String(value('name')), lag, pending: Number(value('pending')) };
    }),
  );
}

export interface Quiescence {
  quiet: boolean;
  waitedMs: number;
  /** Why it was not quiet at the deadline. */
  state: string;
}

/**
 * Polls until everything the load caused has gone through: no unpublished outbox row, every
 * consumer group of `ledger.events` (alerts, reports) with nothing undelivered or pending, and
 * each of their applied-event tables as long as the ledger's list of posted events.
 */
export async function waitForQuiescence(
  dbs: Databases,
  redisUrl: string,
  redisPrefix: string,
  timeoutMs: number,
): Promise<Quiescence> {
  const started = Date.now();
  const redis = createRedisClient(redisUrl, { maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  const stream = ledgerEventsStream(redisPrefix);
  let state = '';
  try {
    while (Date.now() - started < timeoutMs) {
      try {
        const unpublished = await count(
          dbs.ledger,
          'SELECT COUNT(*) AS n FROM outbox WHERE published_at IS NULL',
        );
        const groups = await groupsOf(redis, stream);
        const posted = await count(
          dbs.ledger,
          "SELECT COUNT(*) AS n FROM transactions WHERE status = 'POSTED'",
        );
        const alerts = await count(dbs.alerts, 'SELECT COUNT(*) AS n FROM processed_events');
        const reports = await count(dbs.reports, 'SELECT COUNT(*) AS n FROM applied_transactions');
        state =
          `unpublished ${unpublished}; ` +
          groups.map((g) => `${g.name} lag ${g.lag} pending ${g.pending}`).join(', ') +
          `; posted ${posted}, alerts applied ${alerts}, reports applied ${reports}`;
        const caughtUp =
          unpublished === 0 &&
          ['alerts', 'reports'].every((name) => groups.some((g) => g.name === name)) &&
          groups.every((g) => g.lag === 0 && g.pending === 0) &&
          alerts >= posted &&
          reports >= posted;
        if (caughtUp) return { quiet: true, waitedMs: Date.now() - started, state };
      } catch (error) {
        state = `not readable yet: ${(error as Error).message}`;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return { quiet: false, waitedMs: Date.now() - started, state };
  } finally {
    redis.disconnect();
  }
}
