import { createPartnerClient, loadOperationIds, PartnerCallError } from './client.ts';

/**
 * A partner integration in one file: lists the pools with their cash and the top investors,
 * through manifest operations called by id with an API key.
 *
 *   POOLGRAPH_API_KEY=pgk_… npx tsx examples/partner/index.ts
 */
const apiKey = process.env.POOLGRAPH_API_KEY;
const url = process.env.POOLGRAPH_URL ?? 'http://localhost:4000/graphql';
if (!apiKey) {
  console.error('Set POOLGRAPH_API_KEY to a partner key (npm start prints one; see README.md).');
  process.exit(2);
}

const client = createPartnerClient({
  url,
  apiKey,
  operationIds: await loadOperationIds(
    new URL('../../gateway/persisted-queries/partner.json', import.meta.url),
  ),
});

try {
  const { pools } = await client.run('PartnerPools', {});
  console.log(`${pools.length} pools visible to this key:`);
  for (const pool of pools) {
    console.log(
      `  ${pool.name.padEnd(32)} ${pool.status.padEnd(8)} cash ${pool.cashBalance.amount} ${pool.currency}`,
    );
  }
  const { topInvestors } = await client.run('PartnerTopInvestors', { limit: 5, currency: 'USD' });
  console.log('Top investors (USD):');
  for (const row of topInvestors) {
    console.log(
      `  ${row.investor.name.padEnd(32)} ${String(row.uniquePools).padStart(3)} pools  ${row.totalInvested.amount}`,
    );
  }
} catch (error) {
  if (error instanceof PartnerCallError) {
    console.error(
      `The graph refused: ${error.code ?? 'error'} (HTTP ${error.status}): ${error.message}`,
    );
    process.exit(1);
  }
  throw error;
}
