import { and, asc, countDistinct, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { ReportsQueryable } from '../db/index.ts';
import { contributions } from '../db/schema.ts';

/** A posted CONTRIBUTION as the read model keeps it. */
export interface ContributionRow {
  transactionId: string;
  investorId: string;
  poolId: string;
  currency: string;
  amountMinor: bigint;
  occurredAt: Date;
}

export interface InvestorRankingRow {
  investorId: string;
  uniquePools: number;
  totalMinor: bigint;
  currency: string;
}

/** Rows per INSERT statement: keeps each statement far below max_allowed_packet. */
const INSERT_BATCH = 1_000;

/**
 * insertContributions: adds contributions to the read model, idempotently by transaction id.
 * A row whose transaction is already present is left exactly as it was (the first write wins),
 * so redelivered ledger events change nothing.
 */
export async function insertContributions(
  db: ReportsQueryable,
  rows: readonly ContributionRow[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    await db
      .insert(contributions)
      .values(rows.slice(start, start + INSERT_BATCH))
      // A no-op update rather than INSERT IGNORE, which would also swallow real errors.
      .onDuplicateKeyUpdate({ set: { transactionId: sql`${contributions.transactionId}` } });
  }
}

export interface RankingQuery {
  currency: string;
  limit: number;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

/**
 * selectTopInvestors: investors by distinct pools desc, then total invested desc, then
 * investor id asc, over one currency and an optional time window.
 */
export async function selectTopInvestors(
  db: ReportsQueryable,
  query: RankingQuery,
): Promise<InvestorRankingRow[]> {
  const conditions: SQL[] = [eq(contributions.currency, query.currency)];
  if (query.from) conditions.push(gte(contributions.occurredAt, query.from));
  if (query.to) conditions.push(lt(contributions.occurredAt, query.to));
  const uniquePools = countDistinct(contributions.poolId);
  // SUM of BIGINT is a DECIMAL: it comes back as an exact string, never a float.
  const total = sql<string>`sum(${contributions.amountMinor})`;
  const rows = await db
    .select({ investorId: contributions.investorId, uniquePools, total })
    .from(contributions)
    .where(and(...conditions))
    .groupBy(contributions.investorId)
    .orderBy(desc(uniquePools), desc(total), asc(contributions.investorId))
    .limit(query.limit);
  return rows.map((row) => ({
    investorId: row.investorId,
    uniquePools: row.uniquePools,
    totalMinor: BigInt(row.total),
    currency: query.currency,
  }));
}
