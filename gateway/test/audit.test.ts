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
  fields: string[];
  clientAddress: string;
  outcome: string;
}
const ENTRY = 'id at requestId actorId actorRoles operation fields clientAddress outcome';

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
      operation: 'OpenFund',
      fields: ['createPool'],
      clientAddress: '127.0.0.1',
      outcome: 'ok',
    });
    expect(Date.parse(ok.at)).toBeGreaterThanOrEqual(started - 1_000);
    expect(entries.find((e) => e.requestId === 'audit-req-2')).toMatchObject({
      operation: 'Sneak',
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
      operation: 'SignUp',
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
