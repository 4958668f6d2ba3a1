import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '@poolgraph/testing';
import type { TestUser } from '@poolgraph/test-stack';
import {
  CHARGE_FEE,
  DISTRIBUTE,
  contribute,
  errorCodes,
  expectData,
  key,
  openPoolWithMembers,
  startLedgerStack,
  type LedgerStack,
  type TestPool,
} from './helpers.ts';

const HISTORY = `query($after: String, $first: Int) { ledgerHistory(after: $after, first: $first) {
  entries { transactionId poolId investorId type amountMinor currency occurredAt allocations { investorId amountMinor } }
  endCursor hasNextPage } }`;

interface Entry {
  transactionId: string;
  investorId: string | null;
  type: string;
  amountMinor: string;
  allocations: Array<{ investorId: string; amountMinor: string }>;
}
type Page = { ledgerHistory: { entries: Entry[]; endCursor: string | null; hasNextPage: boolean } };

describe('ledgerHistory, the export read models rebuild from', () => {
  let ls: LedgerStack;
  let admin: TestUser;
  let pool: TestPool;
  const posted: string[] = [];

  beforeAll(async () => {
    ls = await startLedgerStack();
    admin = await ls.stack.admin();
    pool = await openPoolWithMembers(ls, 3);
    for (const [i, member] of pool.members.entries()) {
      posted.push((await contribute(ls, pool.id, member, `${10 * (i + 1)}.00`)).id);
    }
    const fee = expectData(
      await ls.gql<{ chargeFee: { id: string } }>(
        CHARGE_FEE,
        { poolId: pool.id, amount: '10.00', key: key() },
        pool.manager,
      ),
    );
    posted.push(fee.chargeFee.id);
    const paid = expectData(
      await ls.gql<{ distribute: Array<{ id: string }> }>(
        DISTRIBUTE,
        { poolId: pool.id, amount: '6.00', key: key() },
        pool.manager,
      ),
    );
    posted.push(...paid.distribute.map((t) => t.id));
  });

  afterAll(async () => {
    await ls?.stop();
  });

  it('lists every posted transaction in posting order, a page at a time', async () => {
    const seen: Entry[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = expectData(await ls.gql<Page>(HISTORY, { after, first: 2 }, admin));
      seen.push(...page.ledgerHistory.entries);
      after = page.ledgerHistory.endCursor;
      if (!page.ledgerHistory.hasNextPage) break;
    }
    expect(seen.map((e) => e.transactionId)).toEqual(posted);
    const empty = expectData(await ls.gql<Page>(HISTORY, { after }, admin)).ledgerHistory;
    expect(empty).toEqual({ entries: [], endCursor: after, hasNextPage: false });
  });

  it("carries each fee's allocation to members, summing to the fee", async () => {
    const { entries } = expectData(await ls.gql<Page>(HISTORY, {}, admin)).ledgerHistory;
    const fee = entries.find((e) => e.type === 'FEE')!;
    expect(fee).toMatchObject({ investorId: null, amountMinor: '1000' });
    expect(fee.allocations.map((a) => a.amountMinor).sort()).toEqual(['167', '333', '500']);
    expect(entries.filter((e) => e.type !== 'FEE').every((e) => e.allocations.length === 0)).toBe(
      true,
    );
  });

  it('is for admins only, and rejects a malformed cursor or page size', async () => {
    expect(errorCodes(await ls.gql(HISTORY, {}, pool.manager))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await ls.gql(HISTORY, {}, pool.members[0]))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await ls.gql(HISTORY, {}))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await ls.gql(HISTORY, { after: "1'; --" }, admin))).toEqual([
      'BAD_USER_INPUT',
    ]);
    // The gateway's cost limit refuses the page first; the ledger refuses it on its own too.
    expect(errorCodes(await ls.gql(HISTORY, { first: 5001 }, admin))).toEqual([
      'QUERY_TOO_COMPLEX',
    ]);
    const direct = await graphql(
      `${ls.stack.urls.ledger}/graphql`,
      HISTORY,
      { first: 5001 },
      { token: admin.token },
    );
    expect(errorCodes(direct)).toEqual(['BAD_USER_INPUT']);
  });

  it('pages the same history through ledgerHistoryConnection, refusing the old bare cursor', async () => {
    const CONNECTION = `query($after: String) { ledgerHistoryConnection(first: 2, after: $after) {
      edges { cursor node { transactionId } } pageInfo { hasNextPage endCursor hasPreviousPage } } }`;
    type Connection = {
      ledgerHistoryConnection: {
        edges: Array<{ cursor: string; node: { transactionId: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null; hasPreviousPage: boolean };
      };
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Connection = expectData(await ls.gql<Connection>(CONNECTION, { after }, admin));
      const { edges, pageInfo } = page.ledgerHistoryConnection;
      expect(pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...edges.map((e) => e.node.transactionId));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(posted);
    const old = expectData(await ls.gql<Page>(HISTORY, { first: 1 }, admin)).ledgerHistory;
    const refused = await ls.gql(CONNECTION, { after: old.endCursor }, admin);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await ls.gql(CONNECTION, {}, pool.manager))).toEqual(['FORBIDDEN']);
  });
});
