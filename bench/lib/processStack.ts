import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connectMysql, dropDatabase } from '@poolgraph/platform';
import { upsertAdmin } from '@poolgraph/users/admin';
import { schema as usersSchema } from '@poolgraph/users/db';
import { composeSupergraph, readSupergraphConfig, withUrls } from '@poolgraph/supergraph';
import {
  deleteRedisKeys,
  expectData,
  freePort,
  graphql,
  TEST_MYSQL_SERVER,
  TEST_REDIS_URL,
} from '@poolgraph/testing';
import { SUBGRAPHS, startProcessStack, type SubgraphName } from '../../scripts/lib/stack.ts';
import { pidServing } from './cpu.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface BenchUser {
  token: string;
  userId: string;
  email: string;
  password: string;
}

/**
 * The stack as production runs it — one process per service, so the two cores are shared the
 * way they would be — on free ports, fresh databases and a fresh Redis prefix, all removed on stop.
 */
export async function startBenchStack() {
  const id = randomBytes(4).toString('hex');
  const ports = Object.fromEntries(
    await Promise.all(
      [...SUBGRAPHS, 'gateway' as const].map(async (name) => [name, await freePort()]),
    ),
  ) as Record<SubgraphName | 'gateway', number>;
  const databaseOf = (name: SubgraphName) => `pgbench_${name}_${id}`;
  const redisPrefix = `pgbench:${id}:`;
  const supergraphPath = join(tmpdir(), `poolgraph-bench-${id}.graphql`);
  const urls = Object.fromEntries(
    SUBGRAPHS.map((name) => [name, `http://127.0.0.1:${ports[name]}/graphql`]),
  );
  writeFileSync(
    supergraphPath,
    composeSupergraph(withUrls(readSupergraphConfig(resolve(ROOT, 'supergraph.yaml')), urls)),
  );

  const stack = await startProcessStack({
    mysqlServer: TEST_MYSQL_SERVER,
    databaseOf,
    redisUrl: TEST_REDIS_URL,
    redisPrefix,
    ports,
    supergraphPath,
    logLevel: 'warn',
    print: (line) => process.stderr.write(line),
    // Every client of a benchmark is one address (and often one user): limits stay on (each
    // request still pays its rate-limit check) but high enough not to throttle the load.
    gatewayEnv: Object.fromEntries(
      ['RATE_LIMIT_PER_KEY', 'RATE_LIMIT_PER_USER', 'RATE_LIMIT_PER_IP']
        .concat(['WS_CONNECTIONS_PER_IP', 'WS_CONNECTIONS_PER_USER'])
        .map((name) => [name, '100000000']),
    ),
  });

  async function signUp(role: 'MANAGER' | 'INVESTOR'): Promise<BenchUser> {
    const input = {
      email: `${randomBytes(6).toString('hex')}@bench.poolgraph.dev`,
      password: `pw-${randomBytes(12).toString('hex')}`,
      name: `${role.toLowerCase()} ${randomBytes(2).toString('hex')}`,
      role,
    };
    const { signUp: session } = expectData(
      await graphql<{ signUp: { accessToken: string; user: { id: string } } }>(
        stack.gatewayUrl,
        'mutation($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }',
        { input },
      ),
    );
    return {
      token: session.accessToken,
      userId: session.user.id,
      email: input.email,
      password: input.password,
    };
  }

  /** A new session (a new access token) for an existing user. */
  async function logIn(user: BenchUser): Promise<BenchUser> {
    const { logIn: session } = expectData(
      await graphql<{ logIn: { accessToken: string } }>(
        stack.gatewayUrl,
        'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { accessToken } }',
        { e: user.email, p: user.password },
      ),
    );
    return { ...user, token: session.accessToken };
  }

  /** A new ADMIN (admins cannot sign up: written in the users database, then logged in). */
  async function admin(): Promise<BenchUser> {
    const email = `admin-${randomBytes(6).toString('hex')}@bench.poolgraph.dev`;
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const mysql = connectMysql({ url: `${TEST_MYSQL_SERVER}/${databaseOf('users')}` }, usersSchema);
    try {
      await upsertAdmin(mysql.db, { email, password });
    } finally {
      await mysql.close();
    }
    const { logIn: session } = expectData(
      await graphql<{ logIn: { accessToken: string; user: { id: string } } }>(
        stack.gatewayUrl,
        'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { accessToken user { id } } }',
        { e: email, p: password },
      ),
    );
    return { token: session.accessToken, userId: session.user.id, email, password };
  }

  const pidOf = (name: SubgraphName | 'gateway') =>
    stack.processes.find((p) => p.name === name)?.child.pid;

  return {
    gatewayUrl: stack.gatewayUrl,
    /** The composed supergraph the stack's gateway serves (other gateways can serve it too). */
    supergraphPath,
    jwksUrl: `http://127.0.0.1:${ports.users}/.well-known/jwks.json`,
    /** A subgraph's own GraphQL URL, for set-up that must not go through the gateway. */
    subgraphUrl: (name: SubgraphName) => urls[name]!,
    /** The Redis prefix the stack's services share (streams, channels). */
    redisPrefix,
    databaseUrl: (name: SubgraphName) => `${TEST_MYSQL_SERVER}/${databaseOf(name)}`,
    /** The pid of a service's process (for its CPU and resident memory). */
    pidOf,
    /** Every process of the stack by name, MariaDB and Redis included, for a `cpuMeter`. */
    processes: (): Record<string, number | undefined> => ({
      ...Object.fromEntries((['gateway', ...SUBGRAPHS] as const).map((n) => [n, pidOf(n)])),
      mariadb: pidServing(TEST_MYSQL_SERVER, 'mariadbd'),
      redis: pidServing(TEST_REDIS_URL, 'redis-server'),
    }),
    signUp,
    admin,
    logIn,
    async stop() {
      await stack.stop();
      await Promise.all(
        SUBGRAPHS.map((name) => dropDatabase(`${TEST_MYSQL_SERVER}/${databaseOf(name)}`)),
      );
      await deleteRedisKeys(TEST_REDIS_URL, redisPrefix);
    },
  };
}

export type BenchStack = Awaited<ReturnType<typeof startBenchStack>>;
