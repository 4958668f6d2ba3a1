import DataLoader from 'dataloader';
import type { PoolsDb } from './db/index.ts';
import {
  selectCallItemsByCallIds,
  selectCallTotalsByMembers,
  selectCapitalCallsByPoolIds,
  type CapitalCallItemRow,
  type CapitalCallRow,
  type MemberCallTotals,
} from './data/capitalCalls.ts';
import {
  countMembersByPoolIds,
  memberKey,
  selectMembershipsByIds,
  selectMembershipsByInvestorIds,
  selectMembershipsByKeys,
  selectMembershipsByPoolIds,
  type MemberKey,
  type MembershipRow,
} from './data/memberships.ts';
import {
  selectInvitationsByPoolIds,
  selectInvitedKeys,
  type InvitationRow,
} from './data/invitations.ts';
import { selectPoolsByIds, selectPoolsByManagerIds, type PoolRow } from './data/pools.ts';
import { selectTermsByPoolIds, type PoolTermsRow } from './data/poolTerms.ts';

export interface Loaders {
  poolById: DataLoader<string, PoolRow | null>;
  poolsByManagerId: DataLoader<string, PoolRow[]>;
  membershipById: DataLoader<string, MembershipRow | null>;
  membershipByKey: DataLoader<MemberKey, MembershipRow | null, string>;
  membershipsByPoolId: DataLoader<string, MembershipRow[]>;
  membershipsByInvestorId: DataLoader<string, MembershipRow[]>;
  memberCountByPoolId: DataLoader<string, number>;
  capitalCallsByPoolId: DataLoader<string, CapitalCallRow[]>;
  callItemsByCallId: DataLoader<string, CapitalCallItemRow[]>;
  callTotalsByMember: DataLoader<MemberKey, MemberCallTotals | null, string>;
  /** Whether the investor holds a live invitation to the pool (the visibility rule). */
  invitedByKey: DataLoader<MemberKey, boolean, string>;
  invitationsByPoolId: DataLoader<string, InvitationRow[]>;
  /** Every version of a pool's terms, newest first (the first is in force). */
  termsByPoolId: DataLoader<string, PoolTermsRow[]>;
}

function byId<T>(rows: T[], key: (row: T) => string): Map<string, T> {
  return new Map(rows.map((row) => [key(row), row]));
}

function grouped<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * Per-request loaders: every list child and every entity reference in one operation costs one
 * query per loader, whatever the number of parents. Pools and memberships loaded in lists are
 * primed into the by-id loaders so later lookups of them cost nothing.
 */
export function createLoaders(db: PoolsDb): Loaders {
  const poolById = new DataLoader<string, PoolRow | null>(async (ids) => {
    const rows = byId(await selectPoolsByIds(db, ids), (r) => r.id);
    return ids.map((id) => rows.get(id) ?? null);
  });
  const membershipById = new DataLoader<string, MembershipRow | null>(async (ids) => {
    const rows = byId(await selectMembershipsByIds(db, ids), (r) => r.id);
    return ids.map((id) => rows.get(id) ?? null);
  });
  const membershipByKey = new DataLoader<MemberKey, MembershipRow | null, string>(
    async (keys) => {
      const rows = byId(await selectMembershipsByKeys(db, keys), memberKey);
      return keys.map((key) => rows.get(memberKey(key)) ?? null);
    },
    { cacheKeyFn: memberKey },
  );
  const primePools = (rows: PoolRow[]) => {
    for (const row of rows) poolById.prime(row.id, row);
    return rows;
  };
  const primeMemberships = (rows: MembershipRow[]) => {
    for (const row of rows) {
      membershipById.prime(row.id, row);
      membershipByKey.prime(row, row);
    }
    return rows;
  };

  return {
    poolById,
    membershipById,
    membershipByKey,
    poolsByManagerId: new DataLoader(async (ids) => {
      const groups = grouped(
        primePools(await selectPoolsByManagerIds(db, ids)),
        (r) => r.managerId,
      );
      return ids.map((id) => groups.get(id) ?? []);
    }),
    membershipsByPoolId: new DataLoader(async (ids) => {
      const rows = primeMemberships(await selectMembershipsByPoolIds(db, ids));
      const groups = grouped(rows, (r) => r.poolId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    membershipsByInvestorId: new DataLoader(async (ids) => {
      const rows = primeMemberships(await selectMembershipsByInvestorIds(db, ids));
      const groups = grouped(rows, (r) => r.investorId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    memberCountByPoolId: new DataLoader(async (ids) => {
      const counts = await countMembersByPoolIds(db, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    capitalCallsByPoolId: new DataLoader(async (ids) => {
      const groups = grouped(await selectCapitalCallsByPoolIds(db, ids), (r) => r.poolId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    callItemsByCallId: new DataLoader(async (ids) => {
      const groups = grouped(await selectCallItemsByCallIds(db, ids), (r) => r.callId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    callTotalsByMember: new DataLoader(
      async (keys) => {
        const rows = byId(await selectCallTotalsByMembers(db, keys), memberKey);
        return keys.map((key) => rows.get(memberKey(key)) ?? null);
      },
      { cacheKeyFn: memberKey },
    ),
    invitedByKey: new DataLoader(
      async (keys) => {
        const found = new Set((await selectInvitedKeys(db, keys, new Date())).map(memberKey));
        return keys.map((key) => found.has(memberKey(key)));
      },
      { cacheKeyFn: memberKey },
    ),
    invitationsByPoolId: new DataLoader(async (ids) => {
      const groups = grouped(await selectInvitationsByPoolIds(db, ids), (r) => r.poolId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    termsByPoolId: new DataLoader(async (ids) => {
      const groups = grouped(await selectTermsByPoolIds(db, ids), (r) => r.poolId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
  };
}
