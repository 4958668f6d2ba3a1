import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, graphql } from '@poolgraph/testing';
import { selectPoolFactsByIds } from '../src/data/poolFacts.ts';
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
  RECORD,
  useLedgerStack,
  WITHDRAW,
  writtenRows,
  type TestPool,
} from './helpers.ts';

const ls = useLedgerStack();
let pool: TestPool;
let other: TestPool;
beforeAll(async () => {
  pool = await openPoolWithMembers(ls, 2);
  other = await openPoolWithMembers(ls, 1);
  await contribute(ls, pool.id, pool.members[0]!, '100.00');
  await contribute(ls, pool.id, pool.members[1]!, '300.00');
  await contribute(ls, other.id, other.members[0]!, '50.00');
});

/** Calls the ledger subgraph directly, bypassing the gateway, as an attacker could. */
const direct = (query: string, variables: Record<string, unknown>, token?: string) =>
  graphql(`${ls.stack.urls.ledger}/graphql`, query, variables, { token });

describe('reading', () => {
  it("refuses an investor another investor's position, and lets the investor, the manager and admins read it", async () => {
    const [alice, bob] = pool.members;
    const vars = { poolId: pool.id, investorId: alice!.userId };
    expect(errorCodes(await ls.gql(POSITION, vars, bob))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await ls.gql(POSITION, vars, other.manager))).toEqual(['FORBIDDEN']);
    for (const reader of [alice, pool.manager, await ls.stack.admin()]) {
      const data = expectData(
        await ls.gql<{ position: { contributed: { amount: string } } }>(POSITION, vars, reader),
      );
      expect(data.position.contributed.amount).toBe('100.00');
    }
  });

  it("does not show a manager the members' positions of another manager's pool", async () => {
    const response = await ls.gql<{ pool: { members: unknown[] } | null }>(
      'query($id: ID!) { pool(id: $id) { members { investor { id } position { contributed { amount } } } } }',
      { id: pool.id },
      other.manager,
    );
    const members = response.data?.pool?.members ?? [];
    expect(members).toEqual([]);
    const entities = await direct(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Membership { position { contributed { amount } } } } }`,
      {
        r: [
          {
            __typename: 'Membership',
            pool: { id: pool.id, currency: 'USD' },
            investor: { id: pool.members[0]!.userId },
          },
        ],
      },
      other.manager.token,
    );
    expect(errorCodes(entities)).toEqual(['FORBIDDEN']);
  });

  it('shows the manager every transaction of the pool and an investor only their own', async () => {
    const query =
      'query($id: ID!) { pool(id: $id) { transactions { nodes { investor { id } } } } }';
    const all = expectData(
      await ls.gql<{ pool: { transactions: { nodes: unknown[] } } }>(
        query,
        { id: pool.id },
        pool.manager,
      ),
    );
    expect(all.pool.transactions.nodes).toHaveLength(2);
    const own = expectData(
      await ls.gql<{ pool: { transactions: { nodes: Array<{ investor: { id: string } }> } } }>(
        query,
        { id: pool.id },
        pool.members[1],
      ),
    );
    expect(own.pool.transactions.nodes.map((n) => n.investor.id)).toEqual([
      pool.members[1]!.userId,
    ]);
  });

  it('answers anonymous callers with UNAUTHENTICATED', async () => {
    const response = await direct(POSITION, {
      poolId: pool.id,
      investorId: pool.members[0]!.userId,
    });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('moving money', () => {
  it("refuses a manager who moves money in another manager's pool, writing nothing", async () => {
    const before = await writtenRows(ls);
    const intruder = other.manager;
    const attempts = [
      ls.gql(DISTRIBUTE, { poolId: pool.id, amount: '1.00', key: key() }, intruder),
      ls.gql(CHARGE_FEE, { poolId: pool.id, amount: '1.00', key: key() }, intruder),
      ls.gql(
        RECORD,
        { poolId: pool.id, investorId: pool.members[0]!.userId, amount: '1.00', key: key() },
        intruder,
      ),
    ];
    for (const response of await Promise.all(attempts))
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(await writtenRows(ls)).toEqual(before);
  });

  it('refuses non-members and the wrong roles', async () => {
    const before = await writtenRows(ls);
    const outsider = await ls.stack.signUp('INVESTOR');
    const cases: Array<[string, Record<string, unknown>, (typeof pool.members)[number]]> = [
      [CONTRIBUTE, { poolId: pool.id, amount: '1.00', key: key() }, outsider],
      [WITHDRAW, { poolId: pool.id, amount: '1.00', key: key() }, outsider],
      [CONTRIBUTE, { poolId: pool.id, amount: '1.00', key: key() }, pool.manager],
      [DISTRIBUTE, { poolId: pool.id, amount: '1.00', key: key() }, pool.members[0]!],
      [CHARGE_FEE, { poolId: pool.id, amount: '1.00', key: key() }, pool.members[0]!],
      [
        RECORD,
        { poolId: pool.id, investorId: pool.members[0]!.userId, amount: '1.00', key: key() },
        pool.members[0]!,
      ],
    ];
    for (const [mutation, vars, user] of cases) {
      expect(errorCodes(await ls.gql(mutation, vars, user))).toEqual(['FORBIDDEN']);
    }
    expect(
      errorCodes(await ls.gql(CONTRIBUTE, { poolId: pool.id, amount: '1.00', key: key() })),
    ).toEqual(['UNAUTHENTICATED']);
    expect(await writtenRows(ls)).toEqual(before);
  });

  it("lets an admin move money in any manager's pool", async () => {
    const admin = await ls.stack.admin();
    const data = expectData(
      await ls.gql<{ chargeFee: { amount: { amount: string } } }>(
        CHARGE_FEE,
        { poolId: pool.id, amount: '4.00', key: key() },
        admin,
      ),
    );
    expect(data.chargeFee.amount.amount).toBe('4.00');
  });
});

describe('entities', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Pool { id cashBalance { amount currency } totalContributed { amount } }
    ... on Transaction { id type amount { amount } }
    ... on Membership { position { contributed { amount } capital { amount } } } } }`;

  it('resolves Pool references with their money, a pool without transactions as zero in its currency', async () => {
    const fresh = await openPoolWithMembers(ls, 0, 'JPY');
    const data = expectData(
      await direct(
        ENTITIES,
        {
          r: [
            { __typename: 'Pool', id: other.id, currency: 'USD' },
            { __typename: 'Pool', id: fresh.id, currency: 'JPY' },
          ],
        },
        other.manager.token,
      ),
    );
    expect(data._entities).toEqual([
      {
        id: other.id,
        cashBalance: { amount: '50.00', currency: 'USD' },
        totalContributed: { amount: '50.00' },
      },
      {
        id: fresh.id,
        cashBalance: { amount: '0', currency: 'JPY' },
        totalContributed: { amount: '0' },
      },
    ]);
  });

  it("keeps a private deal's money from outsiders who ask the ledger directly", async () => {
    const manager = await ls.stack.signUp('MANAGER');
    const outsider = await ls.stack.signUp('INVESTOR');
    const created = expectData(
      await ls.gql<{ createPool: { id: string } }>(
        'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
        { input: { name: 'Private deal', currency: 'USD', visibility: 'INVITE_ONLY' } },
        manager,
      ),
    );
    const id = created.createPool.id;
    expectData(await ls.gql('mutation($id: ID!) { openPool(id: $id) { id } }', { id }, manager));
    // The ledger's copy follows pools' events: OPEN and INVITE_ONLY.
    await eventually(async () => {
      const [facts] = await selectPoolFactsByIds(ls.ledger.db, [id]);
      expect(facts).toMatchObject({ status: 'OPEN', visibility: 'INVITE_ONLY' });
    });
    const representations = { r: [{ __typename: 'Pool', id, currency: 'USD' }] };
    const refused = await direct(ENTITIES, representations, outsider.token);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    const own = expectData(await direct(ENTITIES, representations, manager.token));
    expect(own._entities).toEqual([
      {
        id,
        cashBalance: { amount: '0.00', currency: 'USD' },
        totalContributed: { amount: '0.00' },
      },
    ]);
  });

  it('resolves Transaction references for those who may see them and null for others', async () => {
    const mine = await contribute(ls, other.id, other.members[0]!, '1.00');
    const reps = { r: [{ __typename: 'Transaction', id: mine.id }] };
    const own = expectData(await direct(ENTITIES, reps, other.members[0]!.token));
    expect(own._entities).toEqual([
      { id: mine.id, type: 'CONTRIBUTION', amount: { amount: '1.00' } },
    ]);
    expect(expectData(await direct(ENTITIES, reps, other.manager.token))._entities).toHaveLength(1);
    expect(expectData(await direct(ENTITIES, reps, pool.members[0]!.token))._entities).toEqual([
      null,
    ]);
  });

  it('resolves Membership references by pool and investor to the position', async () => {
    const data = expectData(
      await direct(
        ENTITIES,
        {
          r: [
            {
              __typename: 'Membership',
              pool: { id: pool.id, currency: 'USD' },
              investor: { id: pool.members[1]!.userId },
            },
          ],
        },
        pool.manager.token,
      ),
    );
    expect(data._entities).toEqual([
      { position: { contributed: { amount: '300.00' }, capital: { amount: expect.any(String) } } },
    ]);
  });
});
