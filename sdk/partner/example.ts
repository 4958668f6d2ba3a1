import { createPartnerClient, PartnerCallError } from './src/index.ts';

/**
 * A partner integration in one file: the pools the key sees with their cash, each pool's
 * transactions page by page, the top investors; with `--live`, the first pool's balance
 * changes as they happen (Ctrl-C stops).
 *
 *   POOLGRAPH_API_KEY=pgk_… npm run example -w @poolgraph/partner-sdk [-- --live]
 */
const apiKey = process.env.POOLGRAPH_API_KEY;
const url = process.env.POOLGRAPH_URL ?? 'http://localhost:4000/graphql';
if (!apiKey) {
  console.error('Set POOLGRAPH_API_KEY to a partner key (npm start prints one; see README.md).');
  process.exit(2);
}
const client = createPartnerClient({ url, apiKey });

try {
  const { pools } = await client.run('PartnerPools');
  console.log(`${pools.length} pools visible to this key:`);
  for (const pool of pools) {
    console.log(
      `  ${pool.name.padEnd(32)} ${pool.status.padEnd(8)} cash ${pool.cashBalance.amount} ${pool.currency}`,
    );
    let count = 0;
    for await (const page of client.pages(
      'PartnerPoolTransactions',
      { id: pool.id, first: 50 },
      (data) => data.pool?.transactions,
    )) {
      count += page.nodes.length;
    }
    console.log(`    ${count} transactions visible to this key`);
  }
  const { topInvestors } = await client.run('PartnerTopInvestors', { limit: 5, currency: 'USD' });
  console.log('Top investors (USD):');
  for (const row of topInvestors) {
    console.log(
      `  ${row.investor.name.padEnd(32)} ${String(row.uniquePools).padStart(3)} pools  ${row.totalInvested.amount}`,
    );
  }
  const [first] = pools;
  if (process.argv.includes('--live') && first) {
    console.log(`Balance changes of ${first.name} (Ctrl-C stops):`);
    for await (const { balanceChanged } of client.subscribe('PartnerBalanceChanged', {
      poolId: first.id,
    })) {
      const { transaction, cashBalance } = balanceChanged;
      console.log(
        `  ${transaction?.type ?? 'change'} ${transaction?.amount.amount ?? ''}: cash ${cashBalance.amount}`,
      );
    }
  }
} catch (error) {
  if (error instanceof PartnerCallError) {
    console.error(`The graph refused: ${error.message} (HTTP ${error.status ?? '-'})`);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await client.close();
}
