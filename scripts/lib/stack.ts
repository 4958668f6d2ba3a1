import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startProcess, stopAll, waitUntilReady, type ManagedProcess } from './processes.ts';
import { haproxyConfig, startHAProxy, type HAProxy, type ProxiedService } from './haproxy.ts';
import type { CertificateFiles } from '@poolgraph/testing';

import {
  SUBGRAPH_NAMES as SUBGRAPHS,
  SUBGRAPH_PORTS,
  mysqlDatabaseUrl,
  type SubgraphName,
} from '@poolgraph/platform';

export { SUBGRAPHS, type SubgraphName };

const ROOT = resolve(import.meta.dirname, '../..');

export interface ProcessStackOptions {
  /** Server URL without a database, e.g. mysql://root@127.0.0.1:3306. */
  mysqlServer: string;
  /** Database name for a subgraph, e.g. poolgraph_users. */
  databaseOf: (name: SubgraphName) => string;
  /**
   * A read replica of `mysqlServer` (its read-only account, no database): pools and reports
   * get `MYSQL_REPLICA_URL` with their database there, for the reads that tolerate lag.
   */
  mysqlReplicaServer?: string;
  redisUrl: string;
  redisPrefix: string;
  ports: Record<SubgraphName | 'gateway', number>;
  supergraphPath: string;
  logLevel: string;
  print?: (line: string) => void;
  /**
   * TLS on every hop (`npm start -- --tls`): each service gets TLS_CERT/TLS_KEY (its own
   * certificate) and TLS_CA; every URL between them is https://; HAProxy (a fleet) serves TLS
   * to clients and verifies the replicas. The caller must trust the CA (`trustPeerCa`).
   */
  tls?: CertificateFiles;
  /** Extra gateway variables (benchmarks raise the per-address limits: all load is one address). */
  gatewayEnv?: Record<string, string>;
  /**
   * A fleet: `replicas` processes of every service (workers and relay included, each replica with
   * its own CONSUMER_NAME) behind HAProxy, which then listens on `ports`; replica i of a service
   * listens on `replicaPort(name, i)`. Without it, one process per service listens on `ports`.
   */
  fleet?: {
    replicas: number;
    replicaPort: (name: ServiceName, index: number) => number;
    /** Where HAProxy's config and admin socket go. */
    runDir: string;
  };
}

export type ServiceName = SubgraphName | 'gateway';

/** The subgraphs whose lag-tolerant reads may come from a replica (their READMEs say which). */
const READS_FROM_REPLICA: SubgraphName[] = ['pools', 'reports'];

/** The one list of services HAProxy's config is generated from: each service's replicas. */
export function proxiedServices(
  ports: Record<ServiceName, number>,
  replicas: number,
  replicaPort: (name: ServiceName, index: number) => number,
): ProxiedService[] {
  return [...SUBGRAPHS, 'gateway' as const].map((name) => ({
    name,
    port: ports[name],
    servers: Array.from({ length: replicas }, (_, i) => replicaPort(name, i)),
    forwardFor: name === 'gateway',
  }));
}

/** `npm run fleet`'s ports: HAProxy on 8080 (gateway) and 4001–4005, replica i 100 × (i + 1) above. */
export const FLEET_PORTS = { ...SUBGRAPH_PORTS, gateway: 8080 };
export const fleetReplicaPort = (name: ServiceName, i: number) =>
  (name === 'gateway' ? 4000 : SUBGRAPH_PORTS[name]) + 100 * (i + 1);

/** The config `npm run fleet` generates, as committed in scripts/haproxy.fleet.cfg. */
export function fleetHAProxyConfig(replicas: number): string {
  return haproxyConfig(
    proxiedServices(FLEET_PORTS, replicas, fleetReplicaPort),
    'unix@.poolgraph/fleet/haproxy.sock',
  );
}

export interface ProcessStack {
  gatewayUrl: string;
  /** Every service process; in a fleet named `<service>-<n>` (HAProxy's are in `proxy`). */
  processes: ManagedProcess[];
  /** The load balancer of a fleet, and the list of services its config came from. */
  proxy?: HAProxy;
  proxied?: ProxiedService[];
  /**
   * Starts a process again under its name (after it died: a supervisor's restart), with the
   * same environment and port, in its place in `processes`; resolves once it is ready.
   */
  restart(name: string): Promise<ManagedProcess>;
  stop(): Promise<void>;
}

/**
 * The supergraph the gateway loads. The composed file names http:// subgraph URLs; on TLS the
 * gateway must call them over https://, so it gets a copy saying so (a re-compose while it
 * runs then reaches it on the next start, not live).
 */
function supergraphFor(options: ProcessStackOptions): string {
  if (!options.tls) return options.supergraphPath;
  const path = join(mkdtempSync(join(tmpdir(), 'poolgraph-tls-')), 'supergraph.graphql');
  const sdl = readFileSync(options.supergraphPath, 'utf8');
  writeFileSync(path, sdl.replace(/(@join__graph\(name: "[^"]+", url: ")http:\/\//g, '$1https://'));
  return path;
}

/**
 * Every service in a process of its own, as in production: the five subgraphs first (each
 * migrating its database), then the gateway once they are ready. Used by `npm start`,
 * `npm run fleet` and the benchmarks, so all of them run and measure the same thing. In a fleet,
 * the first replica of each subgraph migrates alone before the others start.
 */
export async function startProcessStack(options: ProcessStackOptions): Promise<ProcessStack> {
  const { ports, fleet } = options;
  const supergraphPath = supergraphFor(options);
  const local = (port: number) => `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const tlsEnv = (name: ServiceName): Record<string, string> =>
    options.tls
      ? { TLS_CERT: options.tls.cert(name), TLS_KEY: options.tls.key(name), TLS_CA: options.tls.ca }
      : {};
  const replicas = fleet?.replicas ?? 1;
  const portOf = (name: ServiceName, i: number) =>
    fleet ? fleet.replicaPort(name, i) : ports[name];
  const label = (name: ServiceName, i: number) => (fleet ? `${name}-${i + 1}` : name);
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
  const proxied = proxiedServices(ports, replicas, portOf);
  const proxy = fleet ? startHAProxy(proxied, fleet.runDir, options.print, options.tls) : undefined;
  const stop = async () => {
    await stopAll(processes);
    await stopAll(proxy?.processes ?? []);
  };
  const replicaOf = new Map<string, [ServiceName, number]>();
  /** Starts replica i of a service; a restart puts it back at its index in `processes`. */
  const start = async (name: ServiceName, i: number, at?: number) => {
    const env: Record<string, string> =
      name === 'gateway'
        ? // Everything in front of it (the web app's server, HAProxy) runs on this host, and
          // appends the address it saw to x-forwarded-for (gateway/README.md, "Addresses").
          { SUPERGRAPH_PATH: supergraphPath, TRUSTED_PROXIES: 'loopback' }
        : {
            MYSQL_URL: mysqlDatabaseUrl(options.mysqlServer, options.databaseOf(name)),
            ...(options.mysqlReplicaServer && READS_FROM_REPLICA.includes(name)
              ? {
                  MYSQL_REPLICA_URL: mysqlDatabaseUrl(
                    options.mysqlReplicaServer,
                    options.databaseOf(name),
                  ),
                }
              : {}),
          };
    const entry = name === 'gateway' ? 'gateway/src/index.ts' : `subgraphs/${name}/src/index.ts`;
    const proc = await startProcess(
      label(name, i),
      resolve(ROOT, entry),
      {
        ...common,
        ...env,
        ...(name === 'gateway' ? options.gatewayEnv : {}),
        ...tlsEnv(name),
        PORT: String(portOf(name, i)),
        ...(fleet ? { CONSUMER_NAME: `${name}-${i + 1}-${portOf(name, i)}` } : {}),
      },
      options.print,
    );
    replicaOf.set(proc.name, [name, i]);
    if (at === undefined) processes.push(proc);
    else processes[at] = proc;
    await waitUntilReady(proc, `${local(portOf(name, i))}/readyz`);
    return proc;
  };
  const restart = async (label: string) => {
    const replica = replicaOf.get(label);
    const at = processes.findIndex((p) => p.name === label);
    if (!replica || at < 0) throw new Error(`no process named ${label}`);
    if (processes[at]!.child.exitCode === null && processes[at]!.child.signalCode === null) {
      throw new Error(`${label} is still running`);
    }
    return start(replica[0], replica[1], at);
  };
  try {
    if (proxy) {
      const first = proxy.processes[0]!;
      await new Promise((r) => setTimeout(r, 300));
      if (first.child.exitCode !== null) throw new Error('HAProxy did not start (see above).');
    }
    await Promise.all(SUBGRAPHS.map((name) => start(name, 0)));
    const rest = Array.from({ length: replicas - 1 }, (_, i) => i + 1);
    await Promise.all(SUBGRAPHS.flatMap((name) => rest.map((i) => start(name, i))));
    await Promise.all(Array.from({ length: replicas }, (_, i) => start('gateway', i)));
    if (proxy) await waitAllUp(proxy);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    gatewayUrl: `${local(ports.gateway)}/graphql`,
    processes,
    proxy,
    proxied,
    restart,
    stop,
  };
}

/** Until HAProxy's health checks have every replica UP (rise 2), i.e. in the rotation. */
async function waitAllUp(proxy: HAProxy, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let down: string[] = [];
  while (Date.now() < deadline) {
    const servers = await proxy.servers().catch(() => []);
    down = servers.filter((s) => s.status !== 'UP').map((s) => s.server);
    if (servers.length && !down.length) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`HAProxy still has ${down.join(', ') || 'no server'} out of rotation.`);
}
