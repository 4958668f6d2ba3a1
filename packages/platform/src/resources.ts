import { z } from 'zod';
import { baseEnv, mysqlUrl, port, redisUrl } from './env.ts';
import type { ReadinessCheck } from './http.ts';
import type { Logger } from './logger.ts';
import { connectMysql, ensureDatabase, migrateDatabase, pingMysql, type Mysql } from './mysql.ts';
import { connectRedis, pingRedis, type RedisClient } from './redis.ts';
import { tlsEnv, type TlsConfig } from './tls.ts';
import {
  createSessionRevocations,
  registerSessionRevocations,
  type SessionRevocations,
} from './revocations.ts';

/** The five subgraphs and their default ports, in start-up order (users first: it signs tokens). */
export const SUBGRAPH_PORTS = {
  users: 4001,
  pools: 4002,
  ledger: 4003,
  alerts: 4004,
  reports: 4005,
};
export type SubgraphName = keyof typeof SUBGRAPH_PORTS;
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPH_PORTS) as SubgraphName[];
const urlVariable = (name: SubgraphName) =>
  `${name.toUpperCase() as Uppercase<SubgraphName>}_URL` as const;

/** USERS_URL, POOLS_URL, …: where a subgraph reaches the others it calls directly. */
const subgraphUrlShape = Object.fromEntries(
  Object.entries(SUBGRAPH_PORTS).map(([name, port]) => [
    urlVariable(name as SubgraphName),
    z.string().url().default(`http://127.0.0.1:${port}/graphql`),
  ]),
) as Record<`${Uppercase<SubgraphName>}_URL`, z.ZodDefault<z.ZodString>>;

/** `subgraphUrls` for SubgraphConfig, from the parsed environment. */
export function subgraphUrlsFromEnv(env: Record<`${Uppercase<SubgraphName>}_URL`, string>) {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, env[urlVariable(name)]]));
}

/** The variables every subgraph reads (names are the same for each; values differ per process). */
export function subgraphEnvShape(database: string, defaultPort: number) {
  return {
    ...subgraphUrlShape,
    ...baseEnv,
    ...tlsEnv,
    PORT: port(defaultPort),
    MYSQL_URL: mysqlUrl.default(`mysql://root@127.0.0.1:3306/${database}`),
    REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z.string().default('poolgraph:'),
    USERS_JWKS_URL: z.string().url().default('http://127.0.0.1:4001/.well-known/jwks.json'),
    /** `false`: serve GraphQL only; another process runs the relays, consumers and sweepers. */
    BACKGROUND_WORK: z.enum(['true', 'false']).default('true'),
    /** This replica's name in its consumer groups (stable across restarts); default the host name. */
    CONSUMER_NAME: z.string().min(1).optional(),
  };
}

export interface ResourceConfig {
  mysqlUrl: string;
  redisUrl: string;
  log: Logger;
  connectionLimit?: number;
  onQuery?: (sql: string) => void;
}

export interface SubgraphResources<TSchema extends Record<string, unknown>> {
  mysql: Mysql<TSchema>;
  redis: RedisClient;
  /** Revoked sessions (shared through Redis); also what this process's token verifiers check. */
  revocations: SessionRevocations;
  readiness: ReadinessCheck[];
  close: Array<() => Promise<unknown>>;
}

/** Creates the database if missing, applies migrations, connects Redis; readiness checks both. */
export async function openSubgraphResources<TSchema extends Record<string, unknown>>(
  config: ResourceConfig & Partial<Pick<SubgraphConfig, 'redisPrefix' | 'jwksUrl'>>,
  schema: TSchema,
  migrationsFolder: string,
): Promise<SubgraphResources<TSchema>> {
  await ensureDatabase(config.mysqlUrl);
  const mysql = connectMysql(
    { url: config.mysqlUrl, onQuery: config.onQuery, connectionLimit: config.connectionLimit },
    schema,
  );
  await migrateDatabase(mysql, migrationsFolder);
  const redis = connectRedis(config.redisUrl, config.log);
  const revocations = createSessionRevocations(redis, config.redisPrefix ?? '');
  // createRemoteTokenVerifier(config.jwksUrl) in this service finds the list here.
  const unregister = config.jwksUrl
    ? registerSessionRevocations(config.jwksUrl, revocations)
    : () => {};
  return {
    mysql,
    redis,
    revocations,
    readiness: [
      { name: 'mysql', check: () => pingMysql(mysql.pool) },
      { name: 'redis', check: () => pingRedis(redis) },
    ],
    close: [async () => unregister(), () => redis.quit(), () => mysql.close()],
  };
}

/** What every subgraph's `createService(config)` takes; tests and `npm start` build it. */
export interface SubgraphConfig extends ResourceConfig {
  /**
   * The deployment's Redis prefix, shared by every service: streams and channels that cross
   * services live right under it; a service's private keys go under `<prefix><service>:`.
   * Tests make it unique per stack.
   */
  redisPrefix: string;
  /** Where the users subgraph publishes its signing keys. */
  jwksUrl: string;
  /** GraphQL URLs of subgraphs this one calls directly, by name (e.g. { pools: '…/graphql' }). */
  subgraphUrls: Record<string, string>;
  /**
   * The one switch for a process's background work: outbox relays, event consumers, sweepers,
   * dispatchers. Default true; false serves GraphQL only (another process does the rest).
   */
  backgroundWork?: boolean;
  /** This replica's name in its consumer groups; default the host name. */
  consumerName?: string;
  /**
   * Serve HTTPS/WSS with this certificate (TLS_CERT/TLS_KEY); default HTTP. Which CA the
   * service's clients trust is the process's (`trustPeerCa`, from TLS_CA), not per service.
   */
  tls?: TlsConfig['server'];
}

/** What `subgraphEnvShape` parses to. */
export type ParsedSubgraphEnv = z.infer<z.ZodObject<ReturnType<typeof subgraphEnvShape>>>;
