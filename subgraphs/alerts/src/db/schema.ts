import { sql } from 'drizzle-orm';
import { char, datetime, double, index, int, mysqlTable, varchar } from 'drizzle-orm/mysql-core';

export const ALERT_KINDS = ['LARGE_TRANSACTION', 'TRANSACTION_SPIKE'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

const now = sql`CURRENT_TIMESTAMP(3)`;

/**
 * Raised alerts. `manager_id` is copied from the pool when the alert is raised: no subgraph
 * reads another's tables, and "alerts of the pools I manage" must be one indexed query here.
 * Pools never change manager in this design; if they ever do, the pools subgraph must publish
 * an event and this table must be updated from it.
 * Kind and status are VARCHAR, not ENUM, so adding a value needs no table rebuild.
 */
export const alerts = mysqlTable(
  'alerts',
  {
    id: char('id', { length: 36 }).primaryKey(),
    poolId: char('pool_id', { length: 36 }).notNull(),
    managerId: char('manager_id', { length: 36 }).notNull(),
    kind: varchar('kind', { length: 32 }).$type<AlertKind>().notNull(),
    message: varchar('message', { length: 500 }).notNull(),
    transactionId: char('transaction_id', { length: 36 }),
    observedCount: int('observed_count'),
    baselineCount: double('baseline_count'),
    status: varchar('status', { length: 16 }).$type<AlertStatus>().notNull().default('OPEN'),
    raisedAt: datetime('raised_at', { mode: 'date', fsp: 3 }).notNull().default(now),
    acknowledgedAt: datetime('acknowledged_at', { mode: 'date', fsp: 3 }),
    acknowledgedBy: char('acknowledged_by', { length: 36 }),
  },
  (t) => [
    // Serve "my alerts" and "this pool's alerts", newest first, from an index each.
    index('alerts_manager_raised').on(t.managerId, t.raisedAt),
    index('alerts_pool_raised').on(t.poolId, t.raisedAt),
    index('alerts_raised').on(t.raisedAt),
  ],
);
