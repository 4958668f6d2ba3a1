import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRemoteTokenVerifier, type Role } from '@poolgraph/auth';
import {
  connectGatewayRedis,
  createGateway,
  type GatewayLimits,
  type GatewayOptions,
} from '@poolgraph/gateway';
import { createService as createUsers } from '@poolgraph/users';
import { upsertAdmin } from '@poolgraph/users/admin';
import { createService as createPools } from '@poolgraph/pools';
import { createService as createLedger } from '@poolgraph/ledger';
import { createService as createAlerts } from '@poolgraph/alerts';
import { createService as createReports } from '@poolgraph/reports';
import {
  SUBGRAPH_NAMES,
  connectMysql,
  createLogger,
  databaseName,
  dropDatabase,
  mysqlDatabaseUrl,
  trustPeerCa,
  type HttpService,
  type SubgraphConfig,
  type SubgraphName,
} from '@poolgraph/platform';
import { composeSupergraph, readSupergraphConfig, withUrls } from '@poolgraph/supergraph';
import { schema as usersSchema } from '@poolgraph/users/db';
import {
  createTestDatabase,
  deleteRedisKeys,
  expectData,
  freePort,
  graphql,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type CertificateFiles,
  type RequestOptions,
  type TestDatabase,
} from '@poolgraph/testing';

const SUBGRAPHS = SUBGRAPH_NAMES;
export type { SubgraphName };
export { upstreamSockets } from './upgrades.ts';
/** The events the ledger's Stripe endpoint subscribes to: for an emulator pointed at a stack. */
export { STRIPE_WEBHOOK_EVENTS } from '@poolgraph/ledger/payments';

const FACTORIES: Record<SubgraphName, (config: SubgraphConfig) => Promise<HttpService>> = {
  users: createUsers,
  pools: createPools,
  ledger: createLedger,
  alerts: createAlerts,
  reports: createReports,
};

const ROOT = resolve(import.meta.dirname, '../..');

export interface StackOptions {
  /** Subgraphs to leave out (their fields then fail through the gateway as "unavailable"). */
  without?: SubgraphName[];
  /** Called with every SQL statement a subgraph sends, to count queries. */
  onQuery?: Partial<Record<SubgraphName, (sql: string) => void>>;
  logLevel?: string;
  /** Extra settings for one service's createService (e.g. alerts' retry policy in tests). */
  serviceConfig?: Partial<Record<SubgraphName, Record<string, unknown>>>;
  /** Extra gateway options for every gateway of the stack (persisted queries, SAFELIST …). */
  gateway?: Partial<
    Pick<
      GatewayOptions,
      'persistedQueriesDir' | 'watchPersistedQueries' | 'safelist' | 'apqTtlSeconds' | 'limits'
    >
  >;
  /** The gateway's limits; rate limits are off unless `rateLimits` (they share one Redis). */
  gatewayLimits?: Partial<GatewayLimits>;
  rateLimits?: boolean;
  /**
   * Existing databases to run on (e.g. restored from a backup) instead of fresh ones, by
   * subgraph, as MySQL URLs. The stack owns them like its own: stop() drops them.
   */
  databaseUrls?: Partial<Record<SubgraphName, string>>;
  /** The Redis prefix to share (default a unique one); stop() deletes its keys. */
  redisPrefix?: string;
  /** Where every service's Redis is (default TEST_REDIS_URL); a `redis-cluster://` URL works. */
  redisUrl?: string;
  /**
   * A MariaDB primary and its replica (`startPrivateMariadbPair`) instead of the shared server:
   * the databases are created on the primary and replicate; pools and reports get the replica
   * (their database on it) for lag-tolerant reads.
   */
  mysqlReplication?: { primaryServerUrl: string; replicaServerUrl: string };
  /** The MariaDB server the databases are made on (default TEST_MYSQL_URL's). */
  mysqlServerUrl?: string;
  /**
   * TLS on every hop: each subgraph and the gateway serve HTTPS/WSS with their own certificate
   * from these files (`ensureCertificates`), and this process trusts their CA (as TLS_CA does),
   * for the services' calls and the test's own. Pair it with a TLS MariaDB (`mysqlServerUrl`
   * ending in `?tls=true`) and Redis (`rediss://`) for the whole way.
   */
  tls?: CertificateFiles;
}

/**
 * The supergraph with these subgraph URLs. Composition costs about a second of CPU and its
 * result differs between stacks only in the URLs, so a process composes once and every later
 * stack swaps its own URLs into that result.
 */
let composed: string | undefined;
function supergraphAt(urls: Record<string, string>): string {
  composed ??= composeSupergraph(
    withUrls(readSupergraphConfig(resolve(ROOT, 'supergraph.yaml')), urls),
  );
  return composed.replace(
    /@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g,
    (_match, name: string) => `@join__graph(name: "${name}", url: "${urls[name]}")`,
  );
}

/** The services with reads that may come from a replica (their READMEs say which). */
const READS_FROM_REPLICA: SubgraphName[] = ['pools', 'reports'];

export interface TestUser {
  token: string;
  refreshToken: string;
  userId: string;
  email: string;
  password: string;
}

export interface Stack {
  gatewayUrl: string;
  /** Base URL (no /graphql) of every started subgraph. */
  urls: Partial<Record<SubgraphName, string>>;
  databases: Partial<Record<SubgraphName, TestDatabase>>;
  services: Partial<Record<SubgraphName, HttpService>>;
  gateway: HttpService;
  /** The Redis prefix every service of this stack shares. */
  redisPrefix: string;
  /** Another gateway process's worth: same supergraph, its own port (and upstream sockets). */
  startGateway(overrides?: StackOptions['gateway']): Promise<{ url: string; service: HttpService }>;
  signUp(role: Extract<Role, 'MANAGER' | 'INVESTOR'>, name?: string): Promise<TestUser>;
  admin(): Promise<TestUser>;
  /**
   * A partner API key with these scopes, created by a new admin, as request options: it sends
   * `x-api-key` and operations by id only (they must be in the gateway's manifests).
   */
  partner(scopes: string[]): Promise<TestUser & RequestOptions & { apiKey: string }>;
  stop(): Promise<void>;
}

/**
 * The whole supergraph in this process: five subgraphs on free ports, each on a fresh database
 * and Redis prefix, composed and served by a real gateway. Call stop() in afterAll.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = createLogger('test', options.logLevel ?? process.env.TEST_LOG_LEVEL ?? 'silent');
  const certs = options.tls;
  if (certs) trustPeerCa(readFileSync(certs.ca, 'utf8'));
  const serverTls = (name: string) =>
    certs && {
      cert: readFileSync(certs.cert(name), 'utf8'),
      key: readFileSync(certs.key(name), 'utf8'),
    };
  const names = SUBGRAPHS.filter((name) => !options.without?.includes(name));
  const ports = Object.fromEntries(
    await Promise.all(SUBGRAPHS.map(async (n) => [n, await freePort()])),
  );
  const urls = Object.fromEntries(
    SUBGRAPHS.map((n) => [n, `${certs ? 'https' : 'http'}://127.0.0.1:${ports[n]}`]),
  ) as Record<SubgraphName, string>;
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((n) => [n, `${urls[n]}/graphql`]));
  const databases: Stack['databases'] = {};
  const services: Stack['services'] = {};
  // One prefix for the whole stack, as one deployment shares one: ledger.events crosses services.
  const redisPrefix = options.redisPrefix ?? uniqueRedisPrefix('stack');
  const redisUrl = options.redisUrl ?? TEST_REDIS_URL;

  // The services start side by side: each waits mostly on its own database's migrations.
  await Promise.all(
    names.map(async (name) => {
      const given = options.databaseUrls?.[name];
      const database = given
        ? { url: given, drop: () => dropDatabase(given) }
        : await createTestDatabase(
            name,
            options.mysqlReplication?.primaryServerUrl ?? options.mysqlServerUrl,
          );
      databases[name] = database;
      const replica = options.mysqlReplication?.replicaServerUrl;
      const mysqlReplicaUrl =
        replica && READS_FROM_REPLICA.includes(name)
          ? mysqlDatabaseUrl(replica, databaseName(database.url))
          : undefined;
      const service = await FACTORIES[name]({
        mysqlUrl: database.url,
        redisUrl,
        redisPrefix,
        jwksUrl: `${urls.users}/.well-known/jwks.json`,
        subgraphUrls,
        log: log.child({ service: name }),
        onQuery: options.onQuery?.[name],
        tls: serverTls(name),
        ...(mysqlReplicaUrl ? { mysqlReplicaUrl } : {}),
        ...options.serviceConfig?.[name],
      });
      await service.listen(ports[name]);
      services[name] = service;
    }),
  );

  const supergraphSdl = supergraphAt(subgraphUrls);
  const extraGateways: HttpService[] = [];
  // The gateways' own Redis client, as each gateway process has: the shared APQ cache.
  const gatewayRedis = connectGatewayRedis(redisUrl, log);
  const limits: Partial<GatewayLimits> = options.rateLimits
    ? { ...options.gatewayLimits }
    : { rate: { perKey: 0, perUser: 0, perIp: 0 }, ...options.gatewayLimits };
  const newGateway = (overrides: StackOptions['gateway'] = {}) =>
    createGateway({
      supergraphSdl,
      verifier: createRemoteTokenVerifier(`${urls.users}/.well-known/jwks.json`),
      log: log.child({ service: 'gateway' }),
      apiKeyExchangeUrl: `${urls.users}/api-keys/token`,
      redis: gatewayRedis,
      redisPrefix,
      limits,
      tls: serverTls('gateway'),
      ...options.gateway,
      ...overrides,
    });
  const gateway = newGateway();
  const gatewayUrl = `${await gateway.listen(0)}/graphql`;
  async function startGateway(overrides?: StackOptions['gateway']) {
    const service = newGateway(overrides);
    extraGateways.push(service);
    return { service, url: `${await service.listen(0)}/graphql` };
  }

  async function signUp(
    role: 'MANAGER' | 'INVESTOR',
    name = `${role.toLowerCase()} ${randomBytes(3).toString('hex')}`,
  ) {
    const email = `${randomBytes(6).toString('hex')}@test.poolgraph.dev`;
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const data = expectData(
      await graphql<{
        signUp: { accessToken: string; refreshToken: string; user: { id: string } };
      }>(
        gatewayUrl,
        `
          mutation SignUp($input: SignUpInput!) {
            signUp(input: $input) {
              accessToken
              refreshToken
              user {
                id
              }
            }
          }
        `,
        { input: { email, password, name, role } },
      ),
    );
    return {
      token: data.signUp.accessToken,
      refreshToken: data.signUp.refreshToken,
      userId: data.signUp.user.id,
      email,
      password,
    };
  }

  async function admin(): Promise<TestUser> {
    const email = `admin-${randomBytes(6).toString('hex')}@test.poolgraph.dev`;
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const mysql = connectMysql({ url: databases.users!.url }, usersSchema);
    try {
      await upsertAdmin(mysql.db, { email, password });
    } finally {
      await mysql.close();
    }
    const data = expectData(
      await graphql<{ logIn: { accessToken: string; refreshToken: string; user: { id: string } } }>(
        gatewayUrl,
        `
          mutation LogIn($email: String!, $password: String!) {
            logIn(email: $email, password: $password) {
              accessToken
              refreshToken
              user {
                id
              }
            }
          }
        `,
        { email, password },
      ),
    );
    return {
      token: data.logIn.accessToken,
      refreshToken: data.logIn.refreshToken,
      userId: data.logIn.user.id,
      email,
      password,
    };
  }

  async function partner(scopes: string[]) {
    const { token } = await admin();
    const { createApiKey } = expectData(
      await graphql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
        gatewayUrl,
        'mutation Key($s: [String!]!) { createApiKey(name: "Test partner", scopes: $s) { secret apiKey { id } } }',
        { s: scopes },
        { token },
      ),
    );
    const apiKey = createApiKey.secret;
    return {
      apiKey,
      userId: createApiKey.apiKey.id,
      token: '',
      refreshToken: '',
      email: '',
      password: '',
      headers: { 'x-api-key': apiKey },
      persisted: true,
    };
  }

  return {
    gatewayUrl,
    urls,
    databases,
    services,
    gateway,
    redisPrefix,
    startGateway,
    signUp,
    admin,
    partner,
    async stop() {
      await Promise.all([gateway, ...extraGateways].map((g) => g.stop()));
      gatewayRedis.disconnect();
      for (const name of [...names].reverse()) await services[name]?.stop();
      await Promise.all(Object.values(databases).map((db) => db.drop()));
      await deleteRedisKeys(redisUrl, redisPrefix);
      if (certs) trustPeerCa(undefined);
    },
  };
}
