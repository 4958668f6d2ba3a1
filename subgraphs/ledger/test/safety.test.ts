import { describe, expect, it } from 'vitest';
import { eventually, graphql } from '@poolgraph/testing';
import type { TestUser } from '@poolgraph/test-stack';
import {
  CHARGE_FEE,
  CONTRIBUTE,
  contribute,
  DISTRIBUTE,
  errorCodes,
  expectData,
  key,
  openPoolWithMembers,
  POSITION,
  useLedgerStack,
  type TestTransaction,
} from './helpers.ts';

const ls = useLedgerStack();

const contributeWith = (poolId: string, amount: string, idempotencyKey: string, user: TestUser) =>
  ls.gql<{ contribute: TestTransaction }>(
    CONTRIBUTE,
    { poolId, amount, key: idempotencyKey },
    user,
  );

describe('platform ceilings', () => {
  it('refuses amounts and totals past the ceilings with BAD_USER_INPUT, and other members keep posting', async () => {
    const pool = await openPoolWithMembers(ls, 2, 'KWD', 'OPEN', '100000000000000');
    const [whale, other] = pool.members as [TestUser, TestUser];
    // Nine of these overflowed the pool's BIGINT totals and wedged every later posting.
    for (let n = 0; n < 9; n++) {
      const huge = await contributeWith(pool.id, '1000000000000000', key('huge'), whale);
      expect(errorCodes(huge)).toEqual(['BAD_USER_INPUT']);
      expect(huge.errors?.[0]?.message).toMatch(/limit for one transaction/);
    }
    // The largest allowed transaction, until the investor's own ceiling (10 of them).
    for (let n = 0; n < 10; n++) {
      expectData(await contributeWith(pool.id, '1000000000000.000', key('max'), whale));
    }
    const past = await contributeWith(pool.id, '0.001', key('past'), whale);
    expect(errorCodes(past)).toEqual(['BAD_USER_INPUT']);
    expect(past.errors?.[0]?.message).toMatch(/investor's total contributed past .* ceiling/);
    expect((await contribute(ls, pool.id, other, '12.500')).amount).toEqual({
      amount: '12.500',
      currency: 'KWD',
    });
  });
});

describe('idempotency keys', () => {
  it('tells keys apart byte for byte: case makes a different key', async () => {
    const pool = await openPoolWithMembers(ls, 1);
    const [investor] = pool.members as [TestUser];
    const keys = ['k-1', 'K-1', 'k', 'alice', 'Alice'];
    const posted = [];
    for (const k of keys)
      posted.push(expectData(await contributeWith(pool.id, '1.00', k, investor)).contribute.id);
    expect(new Set(posted).size).toBe(keys.length);
    const replay = expectData(await contributeWith(pool.id, '1.00', 'K-1', investor)).contribute.id;
    expect(replay).toBe(posted[1]);
  });

  it('refuses a key with two spellings (spaces, look-alike or invisible characters) rather than guessing', async () => {
    const pool = await openPoolWithMembers(ls, 1);
    const [investor] = pool.members as [TestUser];
    expectData(await contributeWith(pool.id, '1.00', 'k-2', investor));
    const lookAlikes = [
      'k-2 ',
      ' k-2',
      'k-2\u00a0',
      'k-2\u200b',
      'ｋ-2',
      'álice',
      'a\u0301lice',
      'k 2',
      '',
    ];
    for (const k of lookAlikes) {
      const answer = await contributeWith(pool.id, '1.00', k, investor);
      expect(errorCodes(answer), JSON.stringify(k)).toEqual(['BAD_USER_INPUT']);
      expect(answer.errors?.[0]?.message).toMatch(
        /^idempotencyKey: must be 1 to 200 visible ASCII characters/,
      );
    }
  });

  it('answers duplicate keys inside one batch for themselves, never failing their neighbours', async () => {
    const pool = await openPoolWithMembers(ls, 1);
    const [investor] = pool.members as [TestUser];
    const base = key('batch');
    // 40 requests at once: pairs of one key with the same payload, case twins, one reuse.
    const requests = Array.from({ length: 40 }, (_, n) => {
      if (n < 20) return { k: `${base}-same-${n % 10}`, amount: '2.00' };
      if (n < 30) return { k: `${base}-case-${n}`, amount: '3.00' };
      if (n < 39)
        return { k: `${base}-CASE-${n - 10}`.replace(base, base.toUpperCase()), amount: '3.00' };
      return { k: `${base}-same-0`, amount: '9.00' };
    });
    const answers = await Promise.all(
      requests.map((r) => contributeWith(pool.id, r.amount, r.k, investor)),
    );
    const codes = answers.map((a) => errorCodes(a)[0] ?? 'OK');
    expect(codes.slice(0, 39).every((c) => c === 'OK')).toBe(true);
    expect(codes[39]).toBe('IDEMPOTENCY_KEY_REUSED');
    const ids = answers.slice(0, 20).map((a) => a.data?.contribute.id);
    for (let n = 0; n < 10; n++) expect(ids[n]).toBe(ids[n + 10]);
    const distinct = new Set(answers.slice(0, 39).map((a) => a.data?.contribute.id));
    expect(distinct.size).toBe(10 + 19);
  });
});

/** A user's ledger position read by an admin. */
async function capitalOf(poolId: string, investorId: string, admin: TestUser) {
  const data = expectData(
    await ls.gql<{
      position: {
        capital: { amount: string };
        distributed: { amount: string };
        fees: { amount: string };
      } | null;
    }>(POSITION, { poolId, investorId }, admin),
  );
  return data.position;
}

describe('removed members', () => {
  it('takes no part in distributions and fees from the moment removeMember returns', async () => {
    const pool = await openPoolWithMembers(ls, 2);
    const [leaver, stayer] = pool.members as [TestUser, TestUser];
    const admin = await ls.stack.admin();
    await contribute(ls, pool.id, leaver, '100.00');
    await contribute(ls, pool.id, stayer, '100.00');
    expectData(
      await ls.gql(DISTRIBUTE, { poolId: pool.id, amount: '200.00', key: key('d') }, pool.manager),
    );
    expect((await capitalOf(pool.id, leaver.userId, admin))?.capital.amount).toBe('0.00');
    expectData(
      await ls.gql(
        'mutation($p: ID!, $i: ID!) { removeMember(poolId: $p, investorId: $i) { id } }',
        { p: pool.id, i: leaver.userId },
        pool.manager,
      ),
    );
    // No waiting for pools' event: the removal saga marked the member leaving in the ledger.
    await contribute(ls, pool.id, stayer, '100.00');
    const paid = expectData(
      await ls.gql<{ distribute: TestTransaction[] }>(
        DISTRIBUTE,
        { poolId: pool.id, amount: '60.00', key: key('d') },
        pool.manager,
      ),
    ).distribute;
    expect(paid.map((t) => [t.investor?.id, t.amount.amount])).toEqual([[stayer.userId, '60.00']]);
    expectData(
      await ls.gql(CHARGE_FEE, { poolId: pool.id, amount: '10.00', key: key('f') }, pool.manager),
    );
    const leaverPosition = await capitalOf(pool.id, leaver.userId, admin);
    expect(leaverPosition?.fees.amount).toBe('0.00');
    expect(leaverPosition?.distributed.amount).toBe('100.00');
  });
});

describe('pool totals on a direct call', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Pool { id cashBalance { amount } totalContributed { amount } } } }`;
  const direct = (r: unknown[], token: string) =>
    graphql(`${ls.stack.urls.ledger}/graphql`, ENTITIES, { r }, { token });

  it("hides a CLOSED pool's money from another manager and a non-member, as pools hides the pool", async () => {
    const pool = await openPoolWithMembers(ls, 1);
    await contribute(ls, pool.id, pool.members[0]!, '25.00');
    expectData(
      await ls.gql(
        'mutation($id: ID!) { closePool(id: $id) { id } }',
        { id: pool.id },
        pool.manager,
      ),
    );
    const outsider = await ls.stack.signUp('MANAGER');
    const stranger = await ls.stack.signUp('INVESTOR');
    const reps = [{ __typename: 'Pool', id: pool.id, currency: 'USD' }];
    await eventually(async () => {
      expect(errorCodes(await direct(reps, outsider.token))).toEqual(['FORBIDDEN']);
    });
    const refused = await direct(reps, stranger.token);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(refused.data ?? null)).not.toContain('25.00');
    for (const allowed of [pool.manager, pool.members[0]!]) {
      const data = expectData(await direct(reps, allowed.token)) as {
        _entities: Array<{ cashBalance: { amount: string } }>;
      };
      expect(data._entities[0]?.cashBalance.amount).toBe('25.00');
    }
  });
});
