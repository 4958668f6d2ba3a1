import { sql } from 'drizzle-orm';
import type { LedgerQueryable } from '../db/index.ts';
import { investorAccounts } from '../db/schema.ts';
import { values } from './rows.ts';

export type InvestorAccountRow = typeof investorAccounts.$inferSelect;

/** A Membership reference: the composite key, plus pool.currency where @requires asks. */
export interface MembershipRef {
  pool: { id: string; currency?: string | null };
  investor: { id: string };
}

/** What a Position resolves from: minor units in the pool's currency. */
export interface PositionValue {
  poolId: string;
  investorId: string;
  currency: string;
  contributed: bigint;
  distributed: bigint;
  fees: bigint;
  withdrawn: bigint;
  capital: bigint;
}

export const positionKey = (poolId: string, investorId: string) => `${poolId}:${investorId}`;

export function positionOf(
  poolId: string,
  investorId: string,
  currency: string,
  account: InvestorAccountRow | null,
): PositionValue {
  return {
    poolId,
    investorId,
    currency,
    contributed: account?.contributed ?? 0n,
    distributed: account?.distributed ?? 0n,
    fees: account?.fees ?? 0n,
    withdrawn: account?.withdrawn ?? 0n,
    capital: account?.capitalBalance ?? 0n,
  };
}

/** selectInvestorAccountsByKeys: positions for any number of (pool, investor) pairs, one query. */
export async function selectInvestorAccountsByKeys(
  db: LedgerQueryable,
  keys: ReadonlyArray<{ poolId: string; investorId: string }>,
): Promise<InvestorAccountRow[]> {
  if (keys.length === 0) return [];
  const pairs = values(keys.map((k) => [k.poolId, k.investorId]));
  return db
    .select()
    .from(investorAccounts)
    .where(sql`(${investorAccounts.poolId}, ${investorAccounts.investorId}) IN (${pairs})`);
}
