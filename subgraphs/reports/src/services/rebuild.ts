import { sql } from 'drizzle-orm';
import {
  connectMysql,
  databaseName,
  dropDatabase,
  ensureDatabase,
  migrateDatabase,
} from '@poolgraph/platform';
import { migrationsFolder, schema, type ReportsDb } from '../db/index.ts';
import type { HistoryPage } from '../peers/ledger.ts';
import { applyLedgerTransactions, FOLD_BATCH, type LedgerTransaction } from './readModel.ts';

/** Every table built from the ledger's events (pool_facts follows pools.events: kept). */
export const LEDGER_TABLES = [
  'contributions',
  'movements',
  'investor_pool_totals',
  'period_contributions',
  'investor_rankings',
  'pool_totals',
  'pool_days',
  'applied_transactions',
  'read_model_state',
] as const;

/**
 * Pages re-read before the copy's end by the catch-up pass. Cursors are opaque, so the margin
 * is counted in pages: 50 full pages of 2,000 transactions (the reader's page) are at least
 * 100,000 ledger entries, each transaction having one or more.
 */
const CATCH_UP_PAGES = 50;

export interface RebuildOptions {
  /** The live reports database. */
  mysqlUrl: string;
  readHistory: (after: string | null) => Promise<HistoryPage>;
  onProgress?: (transactions: number) => void;
}

const sibling = (url: string, suffix: string) => {
  const u = new URL(url);
  u.pathname = `/${databaseName(url)}${suffix}`;
  return u.toString();
};

/**
 * Replays from `from` to the end, FOLD_BATCH transactions per MySQL transaction; returns the
 * cursors the last CATCH_UP_PAGES pages began at.
 */
async function replay(
  db: ReportsDb,
  options: RebuildOptions,
  from: string | null,
  counted: { n: number },
): Promise<Array<string | null>> {
  const starts: Array<string | null> = [];
  let batch: LedgerTransaction[] = [];
  const fold = async () => {
    const transactions = batch;
    batch = [];
    await db.transaction((tx) => applyLedgerTransactions(tx, transactions));
    counted.n += transactions.length;
    options.onProgress?.(counted.n);
  };
  let cursor = from;
  for (;;) {
    starts.push(cursor);
    if (starts.length > CATCH_UP_PAGES) starts.shift();
    const page = await options.readHistory(cursor);
    batch.push(...page.transactions);
    if (batch.length >= FOLD_BATCH || (!page.hasNextPage && batch.length > 0)) await fold();
    cursor = page.endCursor ?? cursor;
    if (!page.hasNextPage) return starts;
  }
}

/**
 * Rebuilds the ledger-derived read models from the ledger's history: replays it into fresh
 * tables in a sibling database, swaps them in with one atomic RENAME TABLE (readers see the
 * old tables or the new ones, never a mix), then replays the history again from a margin
 * of pages before the end into the live tables, so transactions the consumer applied to the old tables
 * while the copy was made are not lost (applied_transactions makes the overlap a no-op).
 */
export async function rebuildReadModels(
  options: RebuildOptions,
): Promise<{ transactions: number }> {
  const live = databaseName(options.mysqlUrl);
  const freshUrl = sibling(options.mysqlUrl, '_rb');
  const oldUrl = sibling(options.mysqlUrl, '_old');
  await dropDatabase(freshUrl);
  await dropDatabase(oldUrl);
  await ensureDatabase(freshUrl);
  await ensureDatabase(oldUrl);
  const fresh = connectMysql({ url: freshUrl }, schema);
  const target = connectMysql({ url: options.mysqlUrl }, schema);
  const counted = { n: 0 };
  try {
    await migrateDatabase(fresh, migrationsFolder);
    const starts = await replay(fresh.db, options, null, counted);
    const fresher = databaseName(freshUrl);
    const old = databaseName(oldUrl);
    const renames = LEDGER_TABLES.flatMap((t) => [
      `\`${live}\`.\`${t}\` TO \`${old}\`.\`${t}\``,
      `\`${fresher}\`.\`${t}\` TO \`${live}\`.\`${t}\``,
    ]);
    await target.db.execute(sql.raw(`RENAME TABLE ${renames.join(', ')}`));
    // An entry id is drawn at insert, so a transaction with a smaller id can commit after a
    // larger one was read: the catch-up starts a margin earlier (a re-read changes nothing).
    await replay(target.db, options, starts[0] ?? null, counted);
    return { transactions: counted.n };
  } finally {
    await fresh.close();
    await target.close();
    await dropDatabase(freshUrl);
    await dropDatabase(oldUrl);
  }
}
