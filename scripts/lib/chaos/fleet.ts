import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dropDatabase } from '@poolgraph/platform';
import { composeSupergraph, readSupergraphConfig, withUrls } from '@poolgraph/supergraph';
import { freePort, startPrivateRedis, type PrivateRedis } from '@poolgraph/testing';
import {
  SUBGRAPHS,
  startProcessStack,
  type ProcessStack,
  type ServiceName,
  type SubgraphName,
} from '../stack.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const SERVICES: ServiceName[] = [...SUBGRAPHS, 'gateway'];

export interface ChaosFleet {
  stack: ProcessStack;
  redis: PrivateRedis;
  redisPrefix: string;
  /** mysql://…/pgchaos_<service>_<id> */
  databaseUrl(name: SubgraphName): string;
  replicaUrl(name: string): string;
  /** Stops every process and Redis, drops the databases, removes the temp dir. */
  stop(): Promise<void>;
}

export interface ChaosFleetOptions {
  id: string;
  replicas: number;
  mysqlServer: string;
  print: (line: string) => void;
}

/**
 * A fleet of its own for a chaos run: free ports (never the fixed fleet ports, which a running
 * `npm run fleet` holds), databases `pgchaos_<service>_<id>`, and a private Redis that keeps its
 * data across restarts, so restarting it is a fault the platform must survive, not a wipe.
 */
export async function startChaosFleet(options: ChaosFleetOptions): Promise<ChaosFleet> {
  const { id, replicas, mysqlServer } = options;
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
  const redis = await startPrivateRedis({ persistent: true });
  const redisPrefix = `pgchaos:${id}:`;
  const cleanUp = async () => {
    await redis.stop();
    await Promise.all(SUBGRAPHS.map((name) => dropDatabase(databaseUrl(name))));
    rmSync(runDir, { recursive: true, force: true });
  };
  let stack: ProcessStack;
  try {
    stack = await startProcessStack({
      mysqlServer,
      databaseOf,
      redisUrl: redis.url,
      redisPrefix,
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
    redisPrefix,
    databaseUrl,
    replicaUrl: (name) => {
      const match = /^(\w+)-(\d+)$/.exec(name);
      const port = match && replicaPorts[match[1] as ServiceName]?.[Number(match[2]) - 1];
      if (!port) throw new Error(`no replica ${name}`);
      return `http://127.0.0.1:${port}`;
    },
    stop: async () => {
      await stack.stop();
      await cleanUp();
    },
  };
}
