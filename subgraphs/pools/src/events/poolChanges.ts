import {
  insertOutboxEvents,
  type CapitalCalledPayload,
  type MembershipChangedPayload,
  type OutboxInsert,
  type PoolChangedPayload,
  type PoolTermsFacts,
} from '@poolgraph/events';
import { uuidv7 } from '@poolgraph/platform';
import type { PoolsTx } from '../db/index.ts';
import {
  bumpRevision,
  lockPool,
  selectPoolTotals,
  type PoolRow,
  type PoolTotals,
} from '../data/pools.ts';
import { selectCurrentTerms, type PoolTermsRow } from '../data/poolTerms.ts';

/** The terms in force as the event states them (the version and its fields, no audit columns). */
function termsFacts(row: PoolTermsRow | undefined): PoolTermsFacts | null {
  if (!row) return null;
  const { poolId: _p, poolStatus: _s, setBy: _b, setAt: _a, ...facts } = row;
  return facts;
}

/** The membership a change touched, as it is after the change (member false: removed). */
export interface MembershipChange {
  investorId: string;
  membershipId: string;
  commitmentMinor: bigint;
  member: boolean;
}

/**
 * Records that a pool (and perhaps one of its memberships) changed, inside the change's own
 * transaction and under the pool's row lock, which every change holds: the revision goes up by
 * one and a snapshot of the pool as committed — plus the membership's, when one changed — goes
 * to the outbox. Consumers (ledger, alerts, reports) keep the newest revision they have seen.
 */
export async function recordPoolChange(
  tx: PoolsTx,
  poolId: string,
  membership?: MembershipChange,
): Promise<void> {
  await bumpRevision(tx, poolId);
  const pool = (await lockPool(tx, poolId))!;
  const totals = await selectPoolTotals(tx, poolId);
  const terms = termsFacts(await selectCurrentTerms(tx, poolId));
  const now = new Date();
  // The membership's snapshot goes first: a consumer that ends a removal in progress on the
  // pool's snapshot has then already applied the removal itself.
  const events: OutboxInsert[] = [];
  if (membership) {
    const payload: MembershipChangedPayload = {
      poolId,
      investorId: membership.investorId,
      membershipId: membership.membershipId,
      revision: pool.revision,
      member: membership.member,
      commitmentMinor: membership.commitmentMinor.toString(),
    };
    events.push({
      id: uuidv7(),
      type: 'MembershipChanged',
      aggregateId: poolId,
      payload,
      occurredAt: now,
    });
  }
  events.push(poolChanged(pool, totals, terms, now));
  await insertOutboxEvents(tx, events);
}

/**
 * Records pools created in this transaction at revision 1, in bulk (imports): a new pool has
 * no members, calls or terms, so its snapshot is its row, and one statement writes them all.
 */
export async function recordPoolsCreated(tx: PoolsTx, created: readonly PoolRow[]): Promise<void> {
  const none: PoolTotals = { committedMinor: 0n, calledMinor: 0n, memberCount: 0 };
  const now = new Date();
  await insertOutboxEvents(
    tx,
    created.map((pool) => poolChanged(pool, none, null, now)),
  );
}

/** A pool's snapshot as of its row (revision included), with its totals and terms. */
function poolChanged(
  pool: PoolRow,
  totals: PoolTotals,
  terms: PoolTermsFacts | null,
  occurredAt: Date,
): OutboxInsert {
  const payload: PoolChangedPayload = {
    poolId: pool.id,
    revision: pool.revision,
    name: pool.name,
    currency: pool.currency,
    managerId: pool.managerId,
    status: pool.status,
    visibility: pool.visibility,
    targetMinor: pool.targetMinor?.toString() ?? null,
    committedMinor: totals.committedMinor.toString(),
    calledMinor: totals.calledMinor.toString(),
    memberCount: totals.memberCount,
    terms,
  };
  return { id: uuidv7(), type: 'PoolChanged', aggregateId: pool.id, payload, occurredAt };
}

/**
 * Records a capital call as a fact (CapitalCalled), in the call's transaction: each member's
 * exact part, so that a consumer (alerts' notices) tells every member what they owe without
 * asking pools. Written before the pool's snapshot of the same change.
 */
export async function recordCapitalCalled(
  tx: PoolsTx,
  call: Omit<CapitalCalledPayload, 'items'> & {
    occurredAt: Date;
    items: Array<{ investorId: string; calledMinor: bigint }>;
  },
): Promise<void> {
  const { occurredAt, items, ...rest } = call;
  const payload: CapitalCalledPayload = {
    ...rest,
    items: items.map((i) => ({ investorId: i.investorId, calledMinor: i.calledMinor.toString() })),
  };
  await insertOutboxEvents(tx, [
    { id: uuidv7(), type: 'CapitalCalled', aggregateId: call.poolId, payload, occurredAt },
  ]);
}
