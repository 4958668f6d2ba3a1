import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { composeSupergraph, readSupergraphConfig, withUrls } from '@poolgraph/supergraph';
import {
  freePort,
  startPrivateMariadbPair,
  startPrivateRedis,
  startPrivateRedisCluster,
  type MariadbPair,
} from '@poolgraph/testing';
import {
  SUBGRAPHS,
  startProcessStack,
  type ProcessStack,
  type ServiceName,
  type SubgraphName,
} from '../stack.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const SERVICES: ServiceName[] = [...SUBGRAPHS, 'gateway'];

/** The run's Redis: one server or a 3-master cluster, each server restartable on its data. */
export interface ChaosRedis {
  url: string;
  /** Each server's own redis:// URL (the one server, or every cluster node). */
  serverUrls: string[];
  /** SIGKILLs one server (by seeded choice, 0 ≤ choice < 1), starts it again; names it. */
  restart(choice: number): Promise<string>;
  stop(): Promise<void>;
}

async function startChaosRedis(cluster: boolean): Promise<ChaosRedis> {
  if (!cluster) {
    const redis = await startPrivateRedis({ persistent: true });
    return {
      url: redis.url,
      serverUrls: [redis.url],
      restart: async () => {
        await redis.restart();
        return 'redis';
      },
      stop: redis.stop,
    };
  }
  const redis = await startPrivateRedisCluster();
  return {
    url: redis.url,
    serverUrls: redis.nodes.map((node) => `redis://${node.host}:${node.port}`),
    restart: async (choice) => {
      const index = Math.floor(choice * redis.nodes.length);
      await redis.restartNode(index);
      return `redis cluster node ${redis.nodes[index]!.port}`;
    },
    stop: redis.stop,
  };
}

export interface ChaosFleet {
  stack: ProcessStack;
  redis: ChaosRedis;
  /** The MariaDB primary every service writes to and the replica pools and reports read. */
  mysql: MariadbPair;
  redisPrefix: string;
  /** mysql://…/pgchaos_<service>_<id> */
  databaseUrl(name: SubgraphName): string;
  replicaUrl(name: string): string;
  /** Stops every process, Redis and MariaDB, removes their data and the temp dir. */
  stop(): Promise<void>;
}

export interface ChaosFleetOptions {
  id: string;
  replicas: number;
  /** A 3-master Redis Cluster instead of one server. */
  redisCluster: boolean;
  print: (line: string) => void;
}

/**
 * A fleet of its own for a chaos run: free ports (never the fixed fleet ports, which a running
 * `npm run fleet` holds), databases `pgchaos_<service>_<id>` on a private MariaDB primary with
 * a GTID replica (pools' listings and reports' queries read it), and a private Redis (or Redis
 * Cluster) that keeps its data across restarts, so restarting a server is a fault the platform
 * must survive, not a wipe.
 */
export async function startChaosFleet(options: ChaosFleetOptions): Promise<ChaosFleet> {
  const { id, replicas } = options;
  const mysql = await startPrivateMariadbPair();
  const mysqlServer = mysql.primaryServerUrl;
  const databaseOf = (name: SubgraphName) => `pgchaos_${name}_${id}`;
  const databaseUrl = (name: SubgraphName) => `${mysqlServer}/${databaseOf(name)}`;
  const ports = Object.fromEntries(
    await Promise.all(SERVICES.map(async (name) => [name, await freePort()])),
  ) as Record<ServiceName, number>;
  const replicaPorts = Object.fromEntries(
    await Promise.all(
      SERVICES.map(async (name) => [
        name,
        await Promise.all(Array.from({ length: replicas }, () => freePort())),
      ]),
    ),
  ) as Record<ServiceName, number[]>;
  const runDir = mkdtempSync(join(tmpdir(), 'poolgraph-chaos-'));
  const supergraphPath = join(runDir, 'supergraph.graphql');
  // Gateways reach every subgraph through its HAProxy frontend, never one replica.
  const urls = Object.fromEntries(
    SUBGRAPHS.map((name) => [name, `http://127.0.0.1:${ports[name]}/graphql`]),
  );
  writeFileSync(
    supergraphPath,
    composeSupergraph(withUrls(readSupergraphConfig(resolve(ROOT, 'supergraph.yaml')), urls)),
  );
  const redis = await startChaosRedis(options.redisCluster).catch(async (error: unknown) => {
    await mysql.stop();
    rmSync(runDir, { recursive: true, force: true });
    throw error;
  });
  const redisPrefix = `pgchaos:${id}:`;
  // Both servers' data lives in temp dirs the pair and Redis remove.
  const cleanUp = async () => {
    await redis.stop();
    await mysql.stop();
    rmSync(runDir, { recursive: true, force: true });
  };
  let stack: ProcessStack;
  let stopping: Promise<void> | undefined;
  try {
    stack = await startProcessStack({
      mysqlServer,
      databaseOf,
      redisUrl: redis.url,
      redisPrefix,
      mysqlReplicaServer: mysql.replicaServerUrl,
      ports,
      supergraphPath,
      logLevel: 'warn',
      print: options.print,
      // All load comes from one address and a few users: the limits are not what is tested.
      gatewayEnv: Object.fromEntries(
        ['RATE_LIMIT_PER_KEY', 'RATE_LIMIT_PER_USER', 'RATE_LIMIT_PER_IP'].map((n) => [
          n,
          '1000000',
        ]),
      ),
      fleet: { replicas, replicaPort: (name, i) => replicaPorts[name][i]!, runDir },
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    stack,
    redis,
    mysql,
    redisPrefix,
    databaseUrl,
    replicaUrl: (name) => {
      const match = /^(\w+)-(\d+)$/.exec(name);
      const port = match && replicaPorts[match[1] as ServiceName]?.[Number(match[2]) - 1];
      if (!port) throw new Error(`no replica ${name}`);
      return `http://127.0.0.1:${port}`;
    },
    // Once, however often it is asked (an aborted run asks again when it unwinds).
    stop: () =>
      (stopping ??= (async () => {
        await stack.stop();
        await cleanUp();
      })()),
  };
}
