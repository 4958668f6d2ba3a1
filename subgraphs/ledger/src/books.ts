import { sql, type SQL } from 'drizzle-orm';
import type { LedgerDb } from './db/index.ts';

/** A carry DISTRIBUTION's capital leg on another account than the manager's it pays. */
const BORNE = sql.raw('(t.carry AND e.investor_id <> t.investor_id)');

/**
 * Each query returns the rows that break one rule of the books (at most 5 of them). They read
 * everything, so they are for tests, benchmarks and operators, not for request paths.
 */
const RULES: Array<{ rule: string; query: SQL }> = [
  {
    rule: "a transaction's entries sum to zero per currency",
    query: sql`SELECT transaction_id, currency, SUM(amount) AS total FROM entries
      GROUP BY transaction_id, currency HAVING SUM(amount) <> 0 LIMIT 5`,
  },
  {
    rule: 'all entries sum to zero per currency',
    query: sql`SELECT currency, SUM(amount) AS total FROM entries GROUP BY currency HAVING SUM(amount) <> 0`,
  },
  {
    rule: 'every POSTED transaction has entries, and the cash leg of its amount',
    query: sql`SELECT t.id, t.type, t.amount, c.amount AS cash FROM transactions t
      LEFT JOIN entries c ON c.transaction_id = t.id AND c.investor_id IS NULL
      WHERE t.status = 'POSTED' AND (c.id IS NULL OR ABS(c.amount) <> t.amount
        OR (t.type IN ('CONTRIBUTION', 'PROCEEDS')) <> (c.amount > 0)) LIMIT 5`,
  },
  {
    rule: 'PENDING and VOIDED transactions have no entries; posted-for-less never exceeds its reservation',
    query: sql`SELECT t.id, t.status, t.amount, t.reserved_amount FROM transactions t
      WHERE (t.status <> 'POSTED' AND EXISTS (SELECT 1 FROM entries e WHERE e.transaction_id = t.id))
        OR (t.reserved_amount IS NOT NULL AND (t.amount > t.reserved_amount OR t.amount <= 0))
        OR (t.status = 'PENDING' AND (t.reserved_amount IS NULL OR t.amount <> t.reserved_amount))
      LIMIT 5`,
  },
  {
    rule: "a waterfall distribution's tiers are all set, on a member's DISTRIBUTION only, never negative, and sum to its amount",
    query: sql`SELECT id, type, carry, amount, tier_return_of_capital, tier_preferred_return,
        tier_profit_share FROM transactions
      WHERE (tier_return_of_capital IS NULL) <> (tier_preferred_return IS NULL)
        OR (tier_return_of_capital IS NULL) <> (tier_profit_share IS NULL)
        OR (tier_return_of_capital IS NOT NULL AND (type <> 'DISTRIBUTION' OR carry
          OR LEAST(tier_return_of_capital, tier_preferred_return, tier_profit_share) < 0
          OR tier_return_of_capital + tier_preferred_return + tier_profit_share <> amount))
      LIMIT 5`,
  },
  {
    rule: "a pool's pending money equals its PENDING transactions, and pending payouts fit its cash",
    query: sql`SELECT p.pool_id, p.pending_in, p.pending_out, p.cash_balance, t.pin, t.pout
      FROM pool_accounts p
      LEFT JOIN (SELECT pool_id,
          SUM(IF(type = 'CONTRIBUTION', amount, 0)) AS pin,
          SUM(IF(type <> 'CONTRIBUTION', amount, 0)) AS pout
        FROM transactions WHERE status = 'PENDING' GROUP BY pool_id) t ON t.pool_id = p.pool_id
      WHERE p.pending_in <> COALESCE(t.pin, 0) OR p.pending_out <> COALESCE(t.pout, 0)
        OR p.cash_balance - p.pending_out < 0 LIMIT 5`,
  },
  {
    rule: "an investor's pending money equals their PENDING transactions",
    query: sql`SELECT a.pool_id, a.investor_id, a.pending_in, a.pending_out, t.pin, t.pout
      FROM investor_accounts a
      LEFT JOIN (SELECT pool_id, investor_id,
          SUM(IF(type = 'CONTRIBUTION', amount, 0)) AS pin,
          SUM(IF(type <> 'CONTRIBUTION', amount, 0)) AS pout
        FROM transactions WHERE status = 'PENDING' GROUP BY pool_id, investor_id) t
        ON t.pool_id = a.pool_id AND t.investor_id = a.investor_id
      WHERE a.pending_in <> COALESCE(t.pin, 0) OR a.pending_out <> COALESCE(t.pout, 0) LIMIT 5`,
  },
  {
    rule: "a pool's stored cash and totals equal the sums of its entries and transactions",
    query: sql`SELECT p.pool_id, p.cash_balance, e.cash, p.total_contributed, p.total_distributed,
        p.total_fees, p.total_withdrawn, p.total_proceeds
      FROM pool_accounts p
      LEFT JOIN (SELECT pool_id, SUM(amount) AS cash FROM entries WHERE investor_id IS NULL
        GROUP BY pool_id) e ON e.pool_id = p.pool_id
      LEFT JOIN (SELECT pool_id,
          SUM(IF(type = 'CONTRIBUTION', amount, 0)) AS contributed,
          SUM(IF(type = 'DISTRIBUTION', amount, 0)) AS distributed,
          SUM(IF(type = 'FEE', amount, 0)) AS fees,
          SUM(IF(type = 'WITHDRAWAL', amount, 0)) AS withdrawn,
          SUM(IF(type = 'PROCEEDS', amount, 0)) AS proceeds
        FROM transactions WHERE status = 'POSTED' GROUP BY pool_id) t ON t.pool_id = p.pool_id
      WHERE p.cash_balance <> COALESCE(e.cash, 0)
        OR p.total_contributed <> COALESCE(t.contributed, 0)
        OR p.total_distributed <> COALESCE(t.distributed, 0)
        OR p.total_fees <> COALESCE(t.fees, 0)
        OR p.total_withdrawn <> COALESCE(t.withdrawn, 0)
        OR p.total_proceeds <> COALESCE(t.proceeds, 0) LIMIT 5`,
  },
  {
    rule: "an investor's stored capital and totals equal the sums of their entries",
    // A carry DISTRIBUTION's legs on members (not the manager it pays) are their carry borne.
    query: sql`SELECT a.pool_id, a.investor_id, a.capital_balance, e.capital, a.contributed,
        a.distributed, a.fees, a.withdrawn, a.proceeds, a.carry_borne
      FROM investor_accounts a
      LEFT JOIN (SELECT e.pool_id, e.investor_id, -SUM(e.amount) AS capital,
          SUM(IF(t.type = 'CONTRIBUTION', -e.amount, 0)) AS contributed,
          SUM(IF(t.type = 'DISTRIBUTION' AND NOT ${BORNE}, e.amount, 0)) AS distributed,
          SUM(IF(t.type = 'DISTRIBUTION' AND ${BORNE}, e.amount, 0)) AS carry_borne,
          SUM(IF(t.type = 'FEE', e.amount, 0)) AS fees,
          SUM(IF(t.type = 'WITHDRAWAL', e.amount, 0)) AS withdrawn,
          SUM(IF(t.type = 'PROCEEDS', -e.amount, 0)) AS proceeds
        FROM entries e JOIN transactions t ON t.id = e.transaction_id
        WHERE e.investor_id IS NOT NULL GROUP BY e.pool_id, e.investor_id) e
        ON e.pool_id = a.pool_id AND e.investor_id = a.investor_id
      WHERE a.capital_balance <> COALESCE(e.capital, 0)
        OR a.contributed <> COALESCE(e.contributed, 0)
        OR a.distributed <> COALESCE(e.distributed, 0)
        OR a.fees <> COALESCE(e.fees, 0)
        OR a.withdrawn <> COALESCE(e.withdrawn, 0)
        OR a.proceeds <> COALESCE(e.proceeds, 0)
        OR a.carry_borne <> COALESCE(e.carry_borne, 0) LIMIT 5`,
  },
  {
    rule: "a carry's legs on members' accounts are debits (the carry they bear)",
    query: sql`SELECT t.id, e.investor_id, e.amount FROM transactions t
      JOIN entries e ON e.transaction_id = t.id AND e.investor_id IS NOT NULL
      WHERE t.carry AND t.status = 'POSTED' AND ${BORNE} AND e.amount <= 0 LIMIT 5`,
  },
  {
    rule: 'entries only touch accounts that exist',
    query: sql`SELECT e.pool_id, e.investor_id FROM entries e
      LEFT JOIN pool_accounts p ON p.pool_id = e.pool_id
      LEFT JOIN investor_accounts a ON a.pool_id = e.pool_id AND a.investor_id = e.investor_id
      WHERE p.pool_id IS NULL OR (e.investor_id IS NOT NULL AND a.pool_id IS NULL) LIMIT 5`,
  },
  {
    rule: 'no pool cash is negative',
    query: sql`SELECT pool_id, cash_balance FROM pool_accounts WHERE cash_balance < 0 LIMIT 5`,
  },
  {
    rule: 'no capital is withdrawn beyond what was contributed',
    query: sql`SELECT pool_id, investor_id, contributed, withdrawn FROM investor_accounts
      WHERE withdrawn > contributed LIMIT 5`,
  },
  {
    rule: 'every idempotency key has the transactions it answers with, and every transaction a key',
    query: sql`SELECT k.id AS request_id, NULL AS transaction_id FROM idempotency_keys k
        LEFT JOIN transactions t ON t.request_id = k.id WHERE t.id IS NULL
      UNION ALL
      SELECT NULL, t.id FROM transactions t LEFT JOIN idempotency_keys k ON k.id = t.request_id
        WHERE k.id IS NULL LIMIT 5`,
  },
];

/** Every broken rule with sample offending rows; empty when the books balance. */
export async function checkBooks(db: LedgerDb): Promise<string[]> {
  const problems: string[] = [];
  for (const { rule, query } of RULES) {
    const [rows] = (await db.execute(query)) as unknown as [unknown[]];
    if (rows.length > 0) problems.push(`${rule}: ${JSON.stringify(rows)}`);
  }
  return problems;
}

/** Throws, listing every broken rule, unless the books balance. */
export async function assertBooksBalance(db: LedgerDb): Promise<void> {
  const problems = await checkBooks(db);
  if (problems.length > 0) throw new Error(`The books do not balance:\n- ${problems.join('\n- ')}`);
}
