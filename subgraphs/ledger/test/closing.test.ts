import { describe, expect, it } from 'vitest';
import { eventually } from '@poolgraph/testing';
import type { TestUser } from '@poolgraph/test-stack';
import {
  CONTRIBUTE,
  errorCodes,
  expectData,
  key,
  openPoolWithMembers,
  useLedgerStack,
  type TestTransaction,
} from './helpers.ts';

const ls = useLedgerStack();

async function transactionIds(poolId: string): Promise<Set<string>> {
  const [rows] = await ls.ledger.pool.query('SELECT id FROM transactions WHERE pool_id = ?', [
    poolId,
  ]);
  return new Set((rows as Array<{ id: string }>).map((r) => r.id));
}

describe('closing a pool', () => {
  it('posts no contribution once closePool has returned, with contributions in flight', async () => {
    const pool = await openPoolWithMembers(ls, 10);
    // Each member keeps one contribution in flight until closePool has returned, then sends one
    // more: requests are checked and queued on both sides of the close however fast the machine
    // is (200 sent at once could all post before the close on a quiet machine).
    let closed = false;
    const answers: Array<Awaited<ReturnType<typeof contributeOnce>>> = [];
    let sent = 0;
    const contributeOnce = (member: TestUser) =>
      ls.gql<{ contribute: TestTransaction }>(
        CONTRIBUTE,
        { poolId: pool.id, amount: '1.00', key: key(`race-${sent++}`) },
        member,
      );
    const members = pool.members.map(async (member) => {
      while (!closed) answers.push(await contributeOnce(member as TestUser));
      answers.push(await contributeOnce(member as TestUser));
    });
    // Close while the ledger is busy with them: some posted, more checked and queued.
    await eventually(async () => expect((await transactionIds(pool.id)).size).toBeGreaterThan(5));
    expectData(
      await ls.gql(
        'mutation($id: ID!) { closePool(id: $id) { status } }',
        { id: pool.id },
        pool.manager,
      ),
    );
    closed = true;
    const atClose = await transactionIds(pool.id);
    await Promise.all(members);
    let refused = 0;
    for (const answer of answers) {
      const id = answer.data?.contribute.id;
      if (id) expect(atClose.has(id)).toBe(true);
      else {
        expect(errorCodes(answer)).toEqual(['CONFLICT']);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
    expect(await transactionIds(pool.id)).toEqual(atClose);
    const late = await ls.gql(
      CONTRIBUTE,
      { poolId: pool.id, amount: '1.00', key: key('late') },
      pool.members[0],
    );
    expect(errorCodes(late)).toEqual(['CONFLICT']);
  });

  it('lets a manager record a contribution in a pool that closed', async () => {
    const pool = await openPoolWithMembers(ls, 1, 'USD', 'CLOSED');
    const recorded = await ls.gql<{ recordContribution: TestTransaction }>(
      `mutation($p: ID!, $i: ID!, $k: String!) {
        recordContribution(poolId: $p, investorId: $i, amount: "5.00", idempotencyKey: $k) { id } }`,
      { p: pool.id, i: pool.members[0]!.userId, k: key('rec') },
      pool.manager,
    );
    expect(expectData(recorded).recordContribution.id).toBeTruthy();
  });

  it('does not expose the saga steps in the public graph', async () => {
    const answer = await ls.gql(
      'mutation($p: ID!) { closePoolInLedger(poolId: $p, revision: 99) }',
      { p: '00000000-0000-7000-8000-000000000000' },
    );
    expect(errorCodes(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it("refuses the saga's steps to anyone but the pool's manager, on a direct call", async () => {
    const pool = await openPoolWithMembers(ls, 1);
    const outsider = await ls.stack.signUp('MANAGER');
    const { graphql } = await import('@poolgraph/testing');
    const answer = await graphql(
      `${ls.stack.urls.ledger}/graphql`,
      'mutation($p: ID!) { closePoolInLedger(poolId: $p, revision: 99) }',
      { p: pool.id },
      { token: outsider.token },
    );
    expect(errorCodes(answer)[0]).toMatch(/FORBIDDEN|NOT_FOUND/);
    const member = await ls.gql(
      CONTRIBUTE,
      { poolId: pool.id, amount: '1.00', key: key('still-open') },
      pool.members[0],
    );
    expect(expectData(member)).toBeTruthy();
  });
});
