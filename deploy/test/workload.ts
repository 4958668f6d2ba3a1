import { eventually, expectData, graphql } from '@poolgraph/testing';
import type { Stack, TestUser } from '@poolgraph/test-stack';

export interface Workload {
  manager: TestUser;
  investors: TestUser[];
  poolId: string;
  /** The id of the contribution above the pool's LARGE_TRANSACTION threshold. */
  largeTransactionId: string;
}

/**
 * Real traffic through the gateway, as users make it: a manager opens a pool with a
 * LARGE_TRANSACTION rule, investors join and contribute (one contribution above the
 * threshold), the manager distributes and charges a fee. Resolves once the alert is raised.
 */
export async function runWorkload(stack: Stack, investorCount = 3): Promise<Workload> {
  const call = async <T>(user: TestUser, query: string, variables: Record<string, unknown> = {}) =>
    expectData(await graphql<T>(stack.gatewayUrl, query, variables, { token: user.token }));
  const manager = await stack.signUp('MANAGER');
  const investors: TestUser[] = [];
  for (let i = 0; i < investorCount; i++) investors.push(await stack.signUp('INVESTOR'));

  const { createPool } = await call<{ createPool: { id: string } }>(
    manager,
    'mutation CreatePool($input: CreatePoolInput!) { createPool(input: $input) { id } }',
    { input: { name: `Drill ${Date.now()}`, currency: 'USD', targetAmount: '500000.00' } },
  );
  const poolId = createPool.id;
  await call(manager, 'mutation OpenPool($id: ID!) { openPool(id: $id) { id } }', { id: poolId });
  await call(
    manager,
    'mutation SetAlertRule($i: AlertRuleInput!) { setAlertRule(input: $i) { id } }',
    { i: { poolId, kind: 'LARGE_TRANSACTION', threshold: '10000.00' } },
  );
  for (const investor of investors) {
    await call(
      investor,
      'mutation JoinPool($p: ID!) { joinPool(poolId: $p, commitment: "100000.00") { id } }',
      { p: poolId },
    );
  }
  const contribute = (investor: TestUser, amount: string, key: string) =>
    call<{ contribute: { id: string } }>(
      investor,
      'mutation Contribute($p: ID!, $a: Decimal!, $k: String!) { contribute(poolId: $p, amount: $a, idempotencyKey: $k) { id } }',
      { p: poolId, a: amount, k: key },
    );
  for (const [i, investor] of investors.entries()) {
    await contribute(investor, `${(i + 1) * 1000}.25`, `small-${poolId}-${i}`);
  }
  const large = await contribute(investors[0]!, '25000.00', `large-${poolId}`);
  await call(
    manager,
    'mutation Distribute($p: ID!) { distribute(poolId: $p, amount: "1500.00", idempotencyKey: "d1") { id } }',
    { p: poolId },
  );
  await call(
    manager,
    'mutation ChargeFee($p: ID!) { chargeFee(poolId: $p, amount: "99.99", idempotencyKey: "f1") { id } }',
    { p: poolId },
  );
  await eventually(async () => {
    const { alerts } = await call<{ alerts: Array<{ transaction: { id: string } | null }> }>(
      manager,
      'query Alerts($p: ID) { alerts(poolId: $p) { transaction { id } } }',
      { p: poolId },
    );
    if (!alerts.some((a) => a.transaction?.id === large.contribute.id)) {
      throw new Error('the LARGE_TRANSACTION alert was not raised yet');
    }
  }, 20_000);
  await eventually(async () => {
    const { topInvestors } = await call<{ topInvestors: Array<{ investor: { id: string } }> }>(
      manager,
      'query TopInvestors { topInvestors(limit: 50) { investor { id } } }',
    );
    if (!investors.every((i) => topInvestors.some((t) => t.investor.id === i.userId))) {
      throw new Error('the reports read model has not caught up yet');
    }
  }, 20_000);
  return { manager, investors, poolId, largeTransactionId: large.contribute.id };
}
