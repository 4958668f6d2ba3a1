import DataLoader from 'dataloader';
import { notFound, type CallerIdentity, type Logger } from '@poolgraph/platform';
import type { PoolView } from '../access.ts';
import type { LedgerDb, LedgerQueryable } from '../db/index.ts';
import { selectPoolFactsByIds, upsertPoolFacts, type PoolFactsRow } from '../data/poolFacts.ts';
import { selectMembers, upsertPoolMember, type PoolMemberRow } from '../data/poolMembers.ts';
import type { PoolsAnswer, PoolsPeer } from '../peers/pools.ts';

export interface PoolFactsDeps {
  db: LedgerDb;
  pools: PoolsPeer;
  caller: CallerIdentity;
  log: Logger;
  /** The local copy's view, batched across the process's concurrent requests (see below). */
  views: LocalViews;
}

/** The local copy of a pool and whether `investorId` is a member of it, two indexed reads. */
export async function localView(
  db: LedgerQueryable,
  poolId: string,
  investorId: string,
): Promise<PoolView> {
  const [[facts], members] = await Promise.all([
    selectPoolFactsByIds(db, [poolId]),
    selectMembers(db, [{ poolId, investorId }]),
  ]);
  const member = members[0]?.member ? members[0] : undefined;
  return { facts, isMember: !!member, commitmentMinor: member?.commitmentMinor ?? null };
}

export type LocalViews = (poolId: string, investorId: string) => Promise<PoolView>;

/**
 * localView for every request of the process: the views asked for in one tick are read with
 * two queries in all (facts of the pools, memberships of the pairs), not two each — on a busy
 * pool that is most of the pre-posting reads. Nothing is cached across ticks: these reads only
 * decide early refusals and the currency; the posting checks again under the pool's lock.
 */
export function createLocalViews(db: LedgerDb): LocalViews {
  const facts = new DataLoader<string, PoolFactsRow | undefined>(
    async (ids) => {
      const byId = new Map((await selectPoolFactsByIds(db, ids)).map((r) => [r.poolId, r]));
      return ids.map((id) => byId.get(id));
    },
    { cache: false },
  );
  const members = new DataLoader<string, PoolMemberRow | undefined>(
    async (keys) => {
      const pairs = keys.map((key) => {
        const [poolId = '', investorId = ''] = key.split(':');
        return { poolId, investorId };
      });
      const found = new Map(
        (await selectMembers(db, pairs))
          .filter((m) => m.member)
          .map((m) => [`${m.poolId}:${m.investorId}`, m]),
      );
      return keys.map((key) => found.get(key));
    },
    { cache: false },
  );
  return async (poolId, investorId) => {
    const [row, member] = await Promise.all([
      facts.load(poolId),
      members.load(`${poolId}:${investorId}`),
    ]);
    return { facts: row, isMember: !!member, commitmentMinor: member?.commitmentMinor ?? null };
  };
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
