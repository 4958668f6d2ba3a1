import DataLoader from 'dataloader';
import type { LedgerDb } from './db/index.ts';
import {
  accountKey,
  selectInvestorAccountsByKeys,
  type InvestorAccountRow,
} from './data/investorAccounts.ts';
import { selectHeldByPoolIds } from './data/payments.ts';
import { selectPoolAccountsByIds, type PoolAccountRow } from './data/poolAccounts.ts';
import { selectPoolFactsByIds, type PoolFactsRow } from './data/poolFacts.ts';
import { selectMembers, type PoolMemberRow } from './data/poolMembers.ts';
import {
  selectTransactionPages,
  selectTransactionsByIds,
  type PageKey,
  type TransactionPage,
  type TransactionRow,
} from './data/transactions.ts';

export interface Loaders {
  poolAccountById: DataLoader<string, PoolAccountRow | null>;
  /** The local copy of what pools says about a pool (see movements/poolView.ts). */
  poolFactsById: DataLoader<string, PoolFactsRow | null>;
  /** Each pool's suspense in minor units (payments/suspense.ts). */
  heldByPoolId: DataLoader<string, bigint>;
  /** Keyed by accountKey(poolId, investorId): the ledger's copy of the membership, if any. */
  memberByKey: DataLoader<string, PoolMemberRow | null>;
  /** Keyed by accountKey(poolId, investorId): whether the investor is a member now. */
  isMemberByKey: DataLoader<string, boolean>;
  /** Keyed by accountKey(poolId, investorId). */
  investorAccountByKey: DataLoader<string, InvestorAccountRow | null>;
  transactionById: DataLoader<string, TransactionRow | null>;
  transactionPageByKey: DataLoader<PageKey, TransactionPage, string>;
}

const splitKey = (key: string) => {
  const [poolId = '', investorId = ''] = key.split(':');
  return { poolId, investorId };
};

/** Per-request loaders: every reference and list child in one operation costs one query per kind. */
export function createLoaders(db: LedgerDb): Loaders {
  const memberByKey = new DataLoader<string, PoolMemberRow | null>(async (keys) => {
    const rows = await selectMembers(db, keys.map(splitKey));
    const byKey = new Map(rows.map((r) => [accountKey(r.poolId, r.investorId), r]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
  return {
    memberByKey,
    poolAccountById: new DataLoader(async (ids) => {
      const byId = new Map((await selectPoolAccountsByIds(db, ids)).map((r) => [r.poolId, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    heldByPoolId: new DataLoader(async (ids) => {
      const held = await selectHeldByPoolIds(db, ids);
      return ids.map((id) => held.get(id) ?? 0n);
    }),
    poolFactsById: new DataLoader(async (ids) => {
      const byId = new Map((await selectPoolFactsByIds(db, ids)).map((r) => [r.poolId, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    isMemberByKey: new DataLoader(async (keys) =>
      (await memberByKey.loadMany(keys)).map((row) => {
        if (row instanceof Error) throw row;
        return row?.member ?? false;
      }),
    ),
    investorAccountByKey: new DataLoader(async (keys) => {
      const rows = await selectInvestorAccountsByKeys(db, keys.map(splitKey));
      const byKey = new Map(rows.map((r) => [accountKey(r.poolId, r.investorId), r]));
      return keys.map((key) => byKey.get(key) ?? null);
    }),
    transactionById: new DataLoader(async (ids) => {
      const byId = new Map((await selectTransactionsByIds(db, ids)).map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    transactionPageByKey: new DataLoader((keys) => selectTransactionPages(db, keys), {
      cacheKeyFn: (k) => `${k.poolId}|${k.investorId ?? '*'}|${k.first}|${k.after ?? ''}`,
    }),
  };
}
