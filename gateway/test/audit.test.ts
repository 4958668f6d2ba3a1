import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMysql } from '@poolgraph/platform';
import { errorCodes, eventually, expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';

let stack: Stack;
let admin: TestUser;

interface Entry {
  id: string;
  at: string;
  requestId: string;
  actorId: string | null;
  actorRoles: string[];
  operation: string;
  clientOperationName: string | null;
  fields: string[];
  calls: string[];
  clientAddress: string;
  outcome: string;
}
const ENTRY =
  'id at requestId actorId actorRoles operation clientOperationName fields calls clientAddress outcome';

const auditOf = async (field: 'usersAuditLog' | 'poolsAuditLog', first = 20) =>
  expectData(
    await graphql<Record<string, Entry[]>>(
      stack.gatewayUrl,
      `{ ${field}(first: ${first}) { ${ENTRY} } }`,
      {},
      { token: admin.token },
    ),
  )[field]!;

beforeAll(async () => {
  stack = await startStack({ without: ['alerts', 'reports', 'ledger'] });
  admin = await stack.admin();
});
afterAll(() => stack?.stop());

describe('the audit log of mutations', () => {
  it('records who, what, when, from where and the outcome, in the owning subgraph', async () => {
    const manager = await stack.signUp('MANAGER');
    const started = Date.now();
    const created = await graphql(
      stack.gatewayUrl,
      'mutation OpenFund($name: String!) { createPool(input: { name: $name, currency: "USD" }) { id } }',
      { name: 'Audited Fund' },
      { token: manager.token, headers: { 'x-request-id': 'audit-req-1' } },
    );
    expectData(created);
    const refused = await graphql(
      stack.gatewayUrl,
      'mutation Sneak { createPool(input: { name: "No", currency: "USD" }) { id } }',
      {},
      { token: (await stack.signUp('INVESTOR')).token, headers: { 'x-request-id': 'audit-req-2' } },
    );
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    // Entries are written in batches, within 100 ms.
    const entries = await eventually(async () => {
      const read = await auditOf('poolsAuditLog');
      expect(read.map((e) => e.requestId)).toEqual(
        expect.arrayContaining(['audit-req-1', 'audit-req-2']),
      );
      return read;
    });
    const ok = entries.find((e) => e.requestId === 'audit-req-1')!;
    expect(ok).toMatchObject({
      actorId: manager.userId,
      actorRoles: ['MANAGER'],
      operation: 'mutation createPool',
      clientOperationName: 'OpenFund',
      fields: ['createPool'],
      calls: ['createPool(input: {name, currency})'],
      clientAddress: '127.0.0.1',
      outcome: 'ok',
    });
    expect(Date.parse(ok.at)).toBeGreaterThanOrEqual(started - 1_000);
    expect(entries.find((e) => e.requestId === 'audit-req-2')).toMatchObject({
      operation: 'mutation createPool',
      clientOperationName: 'Sneak',
      outcome: 'FORBIDDEN',
    });
  });

  it('keeps variables out: a sign-up is recorded without its password or email', async () => {
    const user = await stack.signUp('INVESTOR');
    const entries = await eventually(async () => {
      const read = await auditOf('usersAuditLog', 100);
      expect(read.some((e) => e.actorId === user.userId)).toBe(true);
      return read;
    });
    // The account signed up is who acted: the request became theirs when it succeeded.
    expect(entries.find((e) => e.actorId === user.userId)).toMatchObject({
      fields: ['signUp'],
      calls: ['signUp(input: {email, password, name, role})'],
      operation: 'mutation signUp',
      clientOperationName: 'SignUp',
      outcome: 'ok',
    });
    const mysql = connectMysql({ url: stack.databases.users!.url }, {});
    try {
      const [rows] = await mysql.pool.query('SELECT * FROM audit_log');
      const dump = JSON.stringify(rows);
      expect(dump).not.toContain(user.password);
      expect(dump).not.toContain(user.email);
    } finally {
      await mysql.close();
    }
  });

  it('lists the root fields that ran after @include/@skip, and records the client’s operation name as a claim', async () => {
    const manager = await stack.signUp('MANAGER');
    const sent = await graphql(
      stack.gatewayUrl,
      `
        mutation ReadOnlyReport($hide: Boolean!) {
          shown: createPool(input: { name: "Ran", currency: "USD" }) {
            id
          }
          skipped: createPool(input: { name: "Skipped", currency: "USD" }) @skip(if: $hide) {
            id
          }
          ... on Mutation {
            excluded: createPool(input: { name: "Excluded", currency: "EUR", targetAmount: "10" })
              @include(if: false) {
              id
            }
          }
          ...Spread @include(if: true)
        }
        fragment Spread on Mutation {
          spread: createPool(input: { name: "Spread", currency: "EUR", targetAmount: "10" }) {
            id
          }
        }
      `,
      { hide: true },
      { token: manager.token, headers: { 'x-request-id': 'audit-req-directives' } },
    );
    expectData(sent);
    const entry = await eventually(async () => {
      const found = (await auditOf('poolsAuditLog', 50)).find(
        (e) => e.requestId === 'audit-req-directives',
      );
      expect(found).toBeDefined();
      return found!;
    });
    expect(entry).toMatchObject({
      operation: 'mutation createPool, createPool',
      clientOperationName: 'ReadOnlyReport',
      fields: ['createPool', 'createPool'],
      calls: [
        'createPool(input: {name, currency})',
        'createPool(input: {name, currency, targetAmount})',
      ],
      outcome: 'ok',
    });
  });

  it('records a logIn’s argument names but never the password or email it carried', async () => {
    const user = await stack.signUp('INVESTOR');
    const wrong = `wrong-${user.password}`;
    const refused = await graphql(
      stack.gatewayUrl,
      'mutation Sign($e: String!, $p: String!) { logIn(email: $e, password: $p) { accessToken } }',
      { e: user.email, p: wrong },
      { headers: { 'x-request-id': 'audit-req-login' } },
    );
    expect(errorCodes(refused)).toEqual(['UNAUTHENTICATED']);
    const entry = await eventually(async () => {
      const found = (await auditOf('usersAuditLog', 100)).find(
        (e) => e.requestId === 'audit-req-login',
      );
      expect(found).toBeDefined();
      return found!;
    });
    expect(entry).toMatchObject({ calls: ['logIn(email, password)'], outcome: 'UNAUTHENTICATED' });
    const mysql = connectMysql({ url: stack.databases.users!.url }, {});
    try {
      const [rows] = await mysql.pool.query('SELECT * FROM audit_log');
      const dump = JSON.stringify(rows);
      expect(dump).not.toContain(wrong);
      expect(dump).not.toContain(user.email);
    } finally {
      await mysql.close();
    }
  });

  it('is for admins only, through the gateway and directly', async () => {
    const manager = await stack.signUp('MANAGER');
    const asManager = await graphql(stack.gatewayUrl, '{ poolsAuditLog { id } }', {}, manager);
    expect(errorCodes(asManager)).toEqual(['FORBIDDEN']);
    const anonymous = await graphql(`${stack.urls.pools}/graphql`, '{ poolsAuditLog { id } }');
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const tooMany = await graphql(
      stack.gatewayUrl,
      '{ usersAuditLog(first: 501) { id } }',
      {},
      admin,
    );
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
  });

  it('pages backwards with before', async () => {
    const [newest, ...rest] = await auditOf('usersAuditLog', 3);
    const older = expectData(
      await graphql<{ usersAuditLog: Entry[] }>(
        stack.gatewayUrl,
        'query($b: ID) { usersAuditLog(first: 2, before: $b) { id } }',
        { b: newest!.id },
        admin,
      ),
    ).usersAuditLog;
    expect(older.map((e) => e.id)).toEqual(rest.map((e) => e.id));
  });
});
