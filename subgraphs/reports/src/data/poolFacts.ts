import { insertRows } from '@poolgraph/platform';
import { sql } from 'drizzle-orm';
import type { PoolChangedPayload } from '@poolgraph/events';
import type { ReportsQueryable } from '../db/index.ts';
import { list, selectRows, toBigInt, toInstant } from './rows.ts';

export interface PoolFactsRow {
  poolId: string;
  name: string;
  currency: string;
  managerId: string;
  status: string;
  committedMinor: bigint;
  calledMinor: bigint;
  memberCount: number;
  /** The earliest snapshot's time seen here (null for pools known before it was kept). */
  createdAt: Date | null;
}

/**
 * upsertPoolFacts: stores PoolChanged snapshots (one statement for any number) unless a newer
 * (or the same) revision is already stored, so redelivered and reordered events change nothing;
 * two snapshots of one pool in the list apply in order. `occurredAt` (the event's time) keeps
 * the earliest snapshot's time: the pool's creation for pools first heard of since it is kept;
 * a row from before stays null (a later snapshot is no creation time).
 */
export async function upsertPoolFacts(
  db: ReportsQueryable,
  snapshots: ReadonlyArray<{ payload: PoolChangedPayload; occurredAt: Date }>,
) {
  const newer = 'VALUES(revision) > revision';
  const pick = (column: string) => `${column} = IF(${newer}, VALUES(${column}), ${column})`;
  await insertRows(
    db,
    'pool_facts',
    [
      'pool_id',
      'revision',
      'name',
      'currency',
      'manager_id',
      'status',
      'target_minor',
      'committed_minor',
      'called_minor',
      'member_count',
      'created_at',
    ],
    snapshots.map(({ payload: p, occurredAt }) => [
      p.poolId,
      p.revision,
      p.name,
      p.currency,
      p.managerId,
      p.status,
      p.targetMinor,
      p.committedMinor,
      p.calledMinor,
      p.memberCount,
      occurredAt,
    ]),
    `ON DUPLICATE KEY UPDATE
      created_at = IF(created_at IS NULL, NULL, LEAST(created_at, VALUES(created_at))),
      ${['name', 'currency', 'manager_id', 'status', 'target_minor', 'committed_minor', 'called_minor', 'member_count'].map(pick).join(', ')},
      revision = GREATEST(revision, VALUES(revision))`,
  );
}

type Raw = {
  pool_id: string;
  name: string;
  currency: string;
  manager_id: string;
  status: string;
  committed_minor: string;
  called_minor: string;
  member_count: number;
  created_at: Date | string | null;
};
const toRow = (r: Raw): PoolFactsRow => ({
  poolId: r.pool_id,
  name: r.name,
  currency: r.currency,
  managerId: r.manager_id,
  status: r.status,
  committedMinor: toBigInt(r.committed_minor),
  calledMinor: toBigInt(r.called_minor),
  memberCount: Number(r.member_count),
  createdAt: r.created_at === null ? null : toInstant(r.created_at),
});

/** selectPoolFactsByIds: the pools' latest snapshots (unknown ids are absent). */
export async function selectPoolFactsByIds(
  db: ReportsQueryable,
  ids: readonly string[],
): Promise<PoolFactsRow[]> {
  if (ids.length === 0) return [];
  const rows = await selectRows<Raw>(
    db,
    sql`SELECT * FROM pool_facts WHERE pool_id IN (${list([...new Set(ids)])})`,
  );
  return rows.map(toRow);
}

/** selectManagedPoolIds: the pools a manager runs, as the pools stream last said. */
export async function selectManagedPoolIds(db: ReportsQueryable, managerId: string) {
  const rows = await selectRows<{ pool_id: string }>(
    db,
    sql`SELECT pool_id FROM pool_facts WHERE manager_id = ${managerId}`,
  );
  return rows.map((r) => r.pool_id);
}
