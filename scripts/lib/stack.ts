import { resolve } from 'node:path';
import { startProcess, stopAll, waitUntilReady, type ManagedProcess } from './processes.ts';

import { SUBGRAPH_NAMES as SUBGRAPHS, type SubgraphName } from '@poolgraph/platform';

export { SUBGRAPHS, type SubgraphName };

const ROOT = resolve(import.meta.dirname, '../..');

export interface ProcessStackOptions {
  /** Server URL without a database, e.g. mysql://root@127.0.0.1:3306. */
  mysqlServer: string;
  /** Database name for a subgraph, e.g. poolgraph_users. */
  databaseOf: (name: SubgraphName) => string;
  redisUrl: string;
  redisPrefix: string;
  ports: Record<SubgraphName | 'gateway', number>;
  supergraphPath: string;
  logLevel: string;
  print?: (line: string) => void;
  /** Extra gateway variables (benchmarks raise the per-address limits: all load is one address). */
  gatewayEnv?: Record<string, string>;
}

export interface ProcessStack {
  gatewayUrl: string;
  processes: ManagedProcess[];
  stop(): Promise<void>;
}

/**
 * Every service in a process of its own, as in production: the five subgraphs first (each
 * migrating its database), then the gateway once they are ready. Used by `npm start` and the
 * benchmarks, so both measure and show the same thing.
 */
export async function startProcessStack(options: ProcessStackOptions): Promise<ProcessStack> {
  const { ports } = options;
  const local = (port: number) => `http://127.0.0.1:${port}`;
  const common = {
    NODE_ENV: 'development',
    LOG_LEVEL: options.logLevel,
    REDIS_URL: options.redisUrl,
    REDIS_PREFIX: options.redisPrefix,
    USERS_JWKS_URL: `${local(ports.users)}/.well-known/jwks.json`,
    ...Object.fromEntries(
      SUBGRAPHS.map((name) => [`${name.toUpperCase()}_URL`, `${local(ports[name])}/graphql`]),
    ),
  };
  const processes: ManagedProcess[] = [];
  const stop = () => stopAll(processes);
  try {
    for (const name of SUBGRAPHS) {
      const env = {
        ...common,
        PORT: String(ports[name]),
        MYSQL_URL: `${options.mysqlServer}/${options.databaseOf(name)}`,
      };
      processes.push(
        startProcess(name, resolve(ROOT, `subgraphs/${name}/src/index.ts`), env, options.print),
      );
    }
    await Promise.all(
      processes.map((proc, i) => waitUntilReady(proc, `${local(ports[SUBGRAPHS[i]!])}/readyz`)),
    );
    const gateway = startProcess(
      'gateway',
      resolve(ROOT, 'gateway/src/index.ts'),
      {
        ...common,
        PORT: String(ports.gateway),
        SUPERGRAPH_PATH: options.supergraphPath,
        ...options.gatewayEnv,
      },
      options.print,
    );
    processes.push(gateway);
    await waitUntilReady(gateway, `${local(ports.gateway)}/readyz`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { gatewayUrl: `${local(ports.gateway)}/graphql`, processes, stop };
}
