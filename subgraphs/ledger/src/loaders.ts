import DataLoader from 'dataloader';
import type { LedgerDb } from './db/index.ts';
import { selectPoolAccountsByIds, type PoolAccountRow } from './data/pools.ts';
import {
  positionKey,
  selectInvestorAccountsByKeys,
  type InvestorAccountRow,
} from './data/positions.ts';
import {
  selectTransactionPages,
  selectTransactionsByIds,
  type PageKey,
  type TransactionPage,
  type TransactionRow,
} from './data/transactions.ts';

export interface Loaders {
  poolAccountById: DataLoader<string, PoolAccountRow | null>;
  /** Keyed by positionKey(poolId, investorId). */
  investorAccountByKey: DataLoader<string, InvestorAccountRow | null>;
  transactionById: DataLoader<string, TransactionRow | null>;
  transactionPageByKey: DataLoader<PageKey, TransactionPage, string>;
}

/** Per-request loaders: every reference and list child in one operation costs one query per kind. */
export function createLoaders(db: LedgerDb): Loaders {
  return {
    poolAccountById: new DataLoader(async (ids) => {
      const byId = new Map((await selectPoolAccountsByIds(db, ids)).map((r) => [r.poolId, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    investorAccountByKey: new DataLoader(async (keys) => {
      const pairs = keys.map((key) => {
        const [poolId = '', investorId = ''] = key.split(':');
        return { poolId, investorId };
      });
      const rows = await selectInvestorAccountsByKeys(db, pairs);
      const byKey = new Map(rows.map((r) => [positionKey(r.poolId, r.investorId), r]));
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
