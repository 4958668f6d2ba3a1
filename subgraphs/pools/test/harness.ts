import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createRemoteTokenVerifier } from '@poolgraph/auth';
import { createGateway } from '@poolgraph/gateway';
import { connectMysql, createLogger, type HttpService, type Mysql } from '@poolgraph/platform';
import { composeSupergraph, type SubgraphSource } from '@poolgraph/supergraph';
import {
  createTestDatabase,
  deleteRedisKeys,
  expectData,
  freePort,
  graphql,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@poolgraph/testing';
import { createService as createUsers } from '@poolgraph/users';
import { upsertAdmin } from '@poolgraph/users/admin';
import { schema as usersSchema } from '@poolgraph/users/db';
import { schema as poolsSchema } from '../src/db/index.ts';
import { createService as createPools } from '../src/server.ts';
import { startLedgerDouble, type LedgerDouble } from './ledgerDouble.ts';

/**
 * users + pools + a real gateway, in this process, on fresh databases. The same shape as
 * startStack() from @poolgraph/test-stack, which needs all five subgraphs: the ledger is
 * played here by a small HTTP double (see startLedgerDouble) so removal rules can be tested
 * before and independently of the real ledger.
 */
export interface PoolsHarness {
  gatewayUrl: string;
  poolsUrl: string;
  /** users' base URL (its `/api-keys/token` route gives partner tokens). */
  usersUrl: string;
  /** The pools database, for assertions that nothing was written and for bulk fixtures. */
  poolsDb: Mysql<typeof poolsSchema>;
  ledger: LedgerDouble;
  /** The shared prefix pools reads `ledger.events` under. */
  eventsPrefix: string;
  signUp(role: 'MANAGER' | 'INVESTOR', name?: string, email?: string): Promise<TestUser>;
  admin(): Promise<TestUser>;
  stop(): Promise<void>;
}

export interface TestUser {
  token: string;
  userId: string;
  email: string;
}

export interface HarnessOptions {
  onPoolsQuery?: (sql: string) => void;
  /** pools' SMTP server for invitation emails (none by default). */
  smtpUrl?: string;
}

const ROOT = new URL('../../../', import.meta.url).pathname;

/** A subgraph's committed schema as a composition input (the other subgraphs are not started). */
function sourceOf(name: string, url: string): SubgraphSource {
  const file = `${ROOT}subgraphs/${name}/src/schema.graphql`;
  return { name, url, file, typeDefs: readFileSync(file, 'utf8') };
}

export async function startPoolsHarness(options: HarnessOptions = {}): Promise<PoolsHarness> {
  const log = createLogger('test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const [usersPort, poolsPort] = [await freePort(), await freePort()];
  const usersUrl = `http://127.0.0.1:${usersPort}`;
  const ledger = await startLedgerDouble();
  const databases: TestDatabase[] = [];
  const services: HttpService[] = [];
  // One prefix for the deployment, as in production: ledger.events lives right under it.
  const eventsPrefix = uniqueRedisPrefix('pools-harness');

  const usersDb = await createTestDatabase('users');
  databases.push(usersDb);
  const users = await createUsers({
    mysqlUrl: usersDb.url,
    redisUrl: TEST_REDIS_URL,
    redisPrefix: eventsPrefix,
    jwksUrl: `${usersUrl}/.well-known/jwks.json`,
    subgraphUrls: {},
    log,
  });
  await users.listen(usersPort);
  services.push(users);

  const poolsDbInfo = await createTestDatabase('pools');
  databases.push(poolsDbInfo);
  const pools = await createPools({
    mysqlUrl: poolsDbInfo.url,
    redisUrl: TEST_REDIS_URL,
    redisPrefix: eventsPrefix,
    consumerName: 'test',
    jwksUrl: `${usersUrl}/.well-known/jwks.json`,
    subgraphUrls: { users: `${usersUrl}/graphql`, ledger: ledger.url },
    log,
    onQuery: options.onPoolsQuery,
    smtpUrl: options.smtpUrl,
    appUrl: 'https://app.poolgraph.test',
  });
  await pools.listen(poolsPort);
  services.push(pools);
  const poolsUrl = `http://127.0.0.1:${poolsPort}/graphql`;

  const gateway = createGateway({
    supergraphSdl: composeSupergraph([
      sourceOf('users', `${usersUrl}/graphql`),
      sourceOf('pools', poolsUrl),
    ]),
    verifier: createRemoteTokenVerifier(`${usersUrl}/.well-known/jwks.json`),
    log,
  });
  const gatewayUrl = `${await gateway.listen(0)}/graphql`;
  const poolsDb = connectMysql({ url: poolsDbInfo.url }, poolsSchema);

  const signUp = async (
    role: 'MANAGER' | 'INVESTOR',
    name = `${role} ${randomBytes(3).toString('hex')}`,
    email = `${randomBytes(6).toString('hex')}@test.dev`,
  ) => {
    const input = {
      email,
      password: `pw-${randomBytes(12).toString('hex')}`,
      name,
      role,
    };
    const data = expectData(
      await graphql<{ signUp: { accessToken: string; user: { id: string } } }>(
        gatewayUrl,
        'mutation SignUp($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }',
        { input },
      ),
    );
    return { token: data.signUp.accessToken, userId: data.signUp.user.id, email };
  };

  const admin = async () => {
    const email = `admin-${randomBytes(6).toString('hex')}@test.dev`;
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const mysql = connectMysql({ url: usersDb.url }, usersSchema);
    try {
      await upsertAdmin(mysql.db, { email, password });
    } finally {
      await mysql.close();
    }
    const data = expectData(
      await graphql<{ logIn: { accessToken: string; user: { id: string } } }>(
        gatewayUrl,
        'mutation LogIn($email: String!, $password: String!) { logIn(email: $email, password: $password) { accessToken user { id } } }',
        { email, password },
      ),
    );
    return { token: data.logIn.accessToken, userId: data.logIn.user.id, email };
  };

  return {
    gatewayUrl,
    poolsUrl,
    usersUrl,
    poolsDb,
    ledger,
    eventsPrefix,
    signUp,
    admin,
    async stop() {
      await gateway.stop();
      for (const service of services.reverse()) await service.stop();
      await poolsDb.close();
      await ledger.stop();
      await Promise.all(databases.map((db) => db.drop()));
      await deleteRedisKeys(TEST_REDIS_URL, eventsPrefix);
    },
  };
}
