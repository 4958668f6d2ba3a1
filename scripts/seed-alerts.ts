import { call, type Auth } from './lib/graphql.ts';

const POOL = 'Lighthouse Ventures (alerts demo)';
const MINUTE = 60_000;

/**
 * The alerts demo: a pool with both rules set, and one alert of each kind raised by real
 * postings through the gateway and the ledger (never inserted): a contribution above the
 * threshold, and a burst of recorded contributions after a quiet half hour (event time).
 * Runs once: skipped when the manager already has the pool; every posting has a fixed
 * idempotency key.
 */
export async function seedAlerts(url: string, manager: Auth, investor: Auth): Promise<void> {
  const asManager = <T>(query: string, variables: Record<string, unknown> = {}) =>
    call<T>(url, query, variables, manager.accessToken);
  const asInvestor = <T>(query: string, variables: Record<string, unknown> = {}) =>
    call<T>(url, query, variables, investor.accessToken);

  const { me } = await asManager<{ me: { managedPools: Array<{ name: string }> } }>(
    '{ me { managedPools { name } } }',
  );
  if (me.managedPools.some((p) => p.name === POOL)) return;

  const { createPool } = await asManager<{ createPool: { id: string } }>(
    'mutation SeedAlertsPool($input: CreatePoolInput!) { createPool(input: $input) { id } }',
    {
      input: {
        name: POOL,
        currency: 'USD',
        targetAmount: '100000.00',
        description: 'Watched closely.',
      },
    },
  );
  const poolId = createPool.id;
  await asManager('mutation SeedAlertsOpen($id: ID!) { openPool(id: $id) { id } }', { id: poolId });
  await asInvestor(
    'mutation SeedAlertsJoin($p: ID!) { joinPool(poolId: $p, commitment: "50000.00") { id } }',
    {
      p: poolId,
    },
  );
  const setRule = 'mutation SeedAlertsRule($i: AlertRuleInput!) { setAlertRule(input: $i) { id } }';
  await asManager(setRule, { i: { poolId, kind: 'LARGE_TRANSACTION', threshold: '10000.00' } });
  await asManager(setRule, {
    i: { poolId, kind: 'TRANSACTION_SPIKE', spikeFactor: 3, minCount: 5 },
  });

  // LARGE_TRANSACTION: one contribution above 10,000.00 USD.
  await asInvestor(
    'mutation SeedAlertsLarge($p: ID!) { contribute(poolId: $p, amount: "15000.00", idempotencyKey: "seed-alerts-large") { id } }',
    { p: poolId },
  );
  // TRANSACTION_SPIKE: one transaction 40 minutes ago, then twelve in the last four minutes.
  const record = `mutation SeedAlertsRecord($p: ID!, $i: ID!, $o: DateTime!, $k: String!) {
    recordContribution(poolId: $p, investorId: $i, amount: "100.00", occurredAt: $o, idempotencyKey: $k) { id } }`;
  const now = Date.now();
  const times = [
    now - 40 * MINUTE,
    ...Array.from({ length: 12 }, (_, i) => now - 4 * MINUTE + i * 20_000),
  ];
  for (const [n, at] of times.entries()) {
    await asManager(record, {
      p: poolId,
      i: investor.user.id,
      o: new Date(at).toISOString(),
      k: `seed-alerts-spike-${n}`,
    });
  }
}
