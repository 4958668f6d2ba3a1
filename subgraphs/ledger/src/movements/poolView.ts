import DataLoader from 'dataloader';
import { notFound, type CallerIdentity, type Logger } from '@poolgraph/platform';
import type { PoolView } from '../access.ts';
import type { LedgerDb, LedgerQueryable } from '../db/index.ts';
import { selectPoolCopies, upsertPoolFacts, type PoolFactsRow } from '../data/poolFacts.ts';
import { upsertPoolMember, type PoolMemberRow } from '../data/poolMembers.ts';
import type { PoolsAnswer, PoolsPeer } from '../peers/pools.ts';

export interface PoolFactsDeps {
  db: LedgerDb;
  pools: PoolsPeer;
  caller: CallerIdentity;
  log: Logger;
  /** The local copy's view, batched across the process's concurrent requests (see below). */
  views: LocalViews;
}

/** The view of `investorId` in the pool, from what selectPoolCopies returned. */
function viewOf(facts: PoolFactsRow | undefined, member: PoolMemberRow | undefined): PoolView {
  const current = member?.member ? member : undefined;
  return { facts, isMember: !!current, commitmentMinor: current?.commitmentMinor ?? null };
}

export type LocalViews = (poolId: string, investorId: string) => Promise<PoolView>;

/**
 * localView for every request of the process: the views asked for in one turn of the event loop
 * are read with one query in all (facts of the pools joined with the memberships of the pairs),
 * not one each. Requests that arrive together are each started by an I/O callback of their own,
 * so the batch is sent from `setImmediate`, after the loop has run every callback that was
 * ready: under load that takes most of the pre-posting reads. Nothing is cached: these reads
 * only decide early refusals and the currency; the posting checks again under the lock.
 */
export function createLocalViews(db: LedgerDb): LocalViews {
  const views = new DataLoader<string, PoolView>(
    async (keys) => {
      const pairs = keys.map((key) => {
        const [poolId = '', investorId = ''] = key.split(':');
        return { poolId, investorId };
      });
      const copies = await selectPoolCopies(
        db,
        pairs.map((p) => p.poolId),
        pairs,
      );
      const facts = new Map(copies.facts.map((f) => [f.poolId, f]));
      const members = new Map(copies.members.map((m) => [`${m.poolId}:${m.investorId}`, m]));
      return pairs.map((p, n) => viewOf(facts.get(p.poolId), members.get(keys[n]!)));
    },
    { cache: false, batchScheduleFn: (dispatch) => setImmediate(dispatch) },
  );
  return (poolId, investorId) => views.load(`${poolId}:${investorId}`);
}

/**
 * Keeps what pools answered, where it is newer than the copy: the pool's facts, and a
 * membership it confirmed (a missing one may only be hidden from this caller, so it is not
 * taken as a removal).
 */
export async function learn(db: LedgerQueryable, answer: PoolsAnswer, investorId: string) {
  await upsertPoolFacts(db, answer.pool);
  if (answer.isMember) {
    await upsertPoolMember(db, {
      poolId: answer.pool.poolId,
      investorId,
      member: true,
      commitmentMinor: answer.commitmentMinor,
      revision: answer.pool.revision,
    });
  }
}

/**
 * Asks pools, as the caller, and keeps what it says: the view merged with the answer, or null
 * when the pool does not exist for the caller. Throws when pools cannot be asked.
 */
export async function askPools(
  deps: PoolFactsDeps,
  poolId: string,
  investorId: string,
): Promise<PoolView | null> {
  const answer = await deps.pools.lookup(poolId, investorId, deps.caller);
  if (!answer) return null;
  await learn(deps.db, answer, investorId);
  return deps.views(poolId, investorId);
}

/**
 * The view of a pool that passes `check`, read-your-writes: the local copy first; when it is
 * missing or refuses (it may lag a join or an opening just made), pools is asked once as the
 * caller, its answer kept, and the check runs again on the merged copy. When pools cannot be
 * asked, a local refusal stands, and a pool the copy does not know is SUBGRAPH_UNAVAILABLE.
 */
export async function checkedView(
  deps: PoolFactsDeps,
  poolId: string,
  investorId: string,
  check: (view: PoolView) => void,
): Promise<PoolView> {
  const local = await deps.views(poolId, investorId);
  try {
    check(local);
    return local;
  } catch (refusal) {
    let merged: PoolView | null;
    try {
      merged = await askPools(deps, poolId, investorId);
    } catch (error) {
      if (local.facts) throw refusal;
      throw error;
    }
    if (!merged) throw notFound('Pool');
    check(merged);
    return merged;
  }
}
