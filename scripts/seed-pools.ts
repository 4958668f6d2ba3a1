import { call, type Auth } from './lib/graphql.ts';

interface People {
  manager: Auth;
  ivy: Auth;
  ian: Auth;
}

const FUND = 'Northwind Growth Fund I';
const SYNDICATE = 'Harbor Real Estate Syndicate';

/**
 * Two pools with members (the fund with fund terms), a capital call, contributions, a distribution and a fee. Pools are
 * created only when the manager has none of these names yet; every money movement carries a
 * fixed idempotency key, so a second run replays instead of posting again.
 */
export async function seedPools(url: string, { manager, ivy, ian }: People): Promise<void> {
  const as =
    (who: Auth) =>
    <T>(query: string, variables: Record<string, unknown> = {}) =>
      call<T>(url, query, variables, who.accessToken);
  const asManager = as(manager);

  const { me } = await asManager<{ me: { managedPools: Array<{ id: string; name: string }> } }>(
    '{ me { managedPools { id name } } }',
  );
  const existing = new Map(me.managedPools.map((p) => [p.name, p.id]));
  if (existing.has(FUND) && existing.has(SYNDICATE)) return;

  const create = async (input: Record<string, unknown>, terms?: Record<string, unknown>) => {
    const { createPool } = await asManager<{ createPool: { id: string } }>(
      'mutation SeedPool($input: CreatePoolInput!) { createPool(input: $input) { id } }',
      { input },
    );
    // Terms are set while the pool is DRAFT, as a manager would before opening it.
    if (terms) {
      await asManager(
        'mutation SeedTerms($id: ID!, $input: PoolTermsInput!) { setPoolTerms(poolId: $id, input: $input) { id } }',
        { id: createPool.id, input: terms },
      );
    }
    await asManager('mutation SeedOpen($id: ID!) { openPool(id: $id) { id } }', {
      id: createPool.id,
    });
    return createPool.id;
  };
  // "2 and 20": 2 % a year on commitments after a 3-month holiday, 20 % carry over an 8 %
  // compounding preferred return with a full catch-up. Its distribution goes through the waterfall.
  const fund = await create(
    {
      name: FUND,
      description: 'Early-stage software companies, 2026 vintage.',
      currency: 'USD',
      targetAmount: '500000.00',
      minContribution: '1000.00',
    },
    {
      managementFeeBps: 200,
      feeBasis: 'COMMITMENTS',
      feeFrequency: 'ANNUAL',
      feeHolidayMonths: 3,
      carryBps: 2000,
      hurdleBps: 800,
      hurdleCompounding: 'COMPOUND',
      catchUp: 'FULL',
    },
  );
  const syndicate = await create({
    name: SYNDICATE,
    description: 'A single mixed-use building in Rotterdam.',
    currency: 'EUR',
    targetAmount: '250000.00',
    minContribution: '5000.00',
    maxInvestors: 20,
  });

  const join =
    'mutation SeedJoin($poolId: ID!, $c: Decimal!) { joinPool(poolId: $poolId, commitment: $c) { id } }';
  await as(ivy)(join, { poolId: fund, c: '50000.00' });
  await as(ian)(join, { poolId: fund, c: '25000.00' });
  await as(ivy)(join, { poolId: syndicate, c: '10000.00' });

  const dueDate = new Date(Date.now() + 30 * 86_400_000).toISOString();
  await asManager(
    'mutation SeedCall($poolId: ID!, $due: DateTime!) { callCapital(poolId: $poolId, percent: 40, dueDate: $due) { id } }',
    {
      poolId: fund,
      due: dueDate,
    },
  );

  const contribute =
    'mutation SeedContribute($poolId: ID!, $amount: Decimal!, $key: String!) { contribute(poolId: $poolId, amount: $amount, idempotencyKey: $key) { id } }';
  await as(ivy)(contribute, { poolId: fund, amount: '20000.00', key: `demo-${fund}-ivy-1` });
  await as(ian)(contribute, { poolId: fund, amount: '10000.00', key: `demo-${fund}-ian-1` });
  await asManager(
    'mutation SeedRecord($poolId: ID!, $investorId: ID!, $key: String!) { recordContribution(poolId: $poolId, investorId: $investorId, amount: "10000.00", idempotencyKey: $key) { id } }',
    { poolId: syndicate, investorId: ivy.user.id, key: `demo-${syndicate}-ivy-wire` },
  );
  await asManager(
    'mutation SeedDistribute($poolId: ID!, $key: String!) { distribute(poolId: $poolId, amount: "3000.00", idempotencyKey: $key) { id } }',
    { poolId: fund, key: `demo-${fund}-distribution-1` },
  );
  await asManager(
    'mutation SeedFee($poolId: ID!, $key: String!) { chargeFee(poolId: $poolId, amount: "250.00", idempotencyKey: $key) { id } }',
    { poolId: fund, key: `demo-${fund}-fee-1` },
  );
}
