import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerTlsFiles } from './mariadbServer.ts';
import { portFree } from './ports.ts';
import { killOnProcessExit, removeOnProcessExit } from './processExit.ts';
import { askRedisOnce, redisPersistenceArgs, redisTlsArgs, waitForPing } from './redis.ts';

export interface ClusterNodeSpec {
  host: string;
  port: number;
  /** The node's own directory: nodes.conf (its view of the cluster) and its AOF. */
  dir: string;
  /**
   * Serve TLS only: clients on `port` and the cluster bus (port + 10000) with this
   * certificate, no plaintext port at all; the URL is then `rediss-cluster://`.
   */
  tls?: ServerTlsFiles;
}

export interface PrivateRedisCluster {
  /** `redis-cluster://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3` (`rediss-cluster://` over TLS) */
  url: string;
  nodes: ClusterNodeSpec[];
  /** SIGKILLs node `i` and starts it again on its port and dir: it rejoins with its slots and data. */
  restartNode(index: number): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** The masters' ports (default: three free ports whose bus port, +10000, is free too). */
  ports?: number[];
  /** Where the node dirs go (default a temp dir, removed by stop()); kept when given. */
  dir?: string;
  /**
   * TLS only, between the nodes too (`tls-cluster`, `tls-replication`): every node serves this
   * certificate (it must name 127.0.0.1) and refuses plaintext. The process must trust `ca`
   * (`trustPeerCa`), as its services do through TLS_CA.
   */
  tls?: ServerTlsFiles;
}

/**
 * The arguments of one cluster node. A node restart within the node timeout (15 s) is never
 * seen as a failure by the others; `cluster-require-full-coverage no` keeps the other masters'
 * slots served while one master is away (there are no replicas to fail over to).
 */
export function clusterNodeArgs(node: ClusterNodeSpec): string[] {
  return [
    // Over TLS the nodes announce their TLS ports and talk TLS on the bus and to replicas.
    ...(node.tls
      ? [...redisTlsArgs(node.port, node.tls), '--tls-cluster', 'yes', '--tls-replication', 'yes']
      : ['--port', String(node.port)]),
    '--bind',
    node.host,
    '--cluster-enabled',
    'yes',
    '--cluster-config-file',
    'nodes.conf',
    '--cluster-node-timeout',
    '15000',
    '--cluster-require-full-coverage',
    'no',
    ...redisPersistenceArgs(node.dir),
  ];
}

/** A port free with its cluster bus port (port + 10000), below 55536 so the bus port exists. */
export async function freeClusterPort(taken: number[] = []): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    if (taken.includes(port)) continue;
    if ((await portFree(port)) && (await portFree(port + 10_000))) return port;
  }
}

/** One node's own URL: `redis://` or `rediss://`. */
export const nodeUrl = (node: ClusterNodeSpec) =>
  `${node.tls ? 'rediss' : 'redis'}://${node.host}:${node.port}`;

async function clusterInfo(node: ClusterNodeSpec): Promise<Record<string, string>> {
  const text = (await askRedisOnce(nodeUrl(node), (client) =>
    client.call('CLUSTER', 'INFO'),
  )) as string;
  return Object.fromEntries(text.split('\r\n').map((line) => line.split(':') as [string, string]));
}

/** Until every node says `cluster_state:ok` and knows every other node. */
export async function waitForClusterOk(nodes: ClusterNodeSpec[], timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const infos = await Promise.all(nodes.map((n) => clusterInfo(n).catch(() => undefined)));
    const ok = infos.every(
      (info) =>
        info?.cluster_state === 'ok' &&
        Number(info.cluster_known_nodes) >= nodes.length &&
        info.cluster_slots_assigned === '16384',
    );
    if (ok) return;
    if (Date.now() > deadline) {
      const states = infos.map((info) => info?.cluster_state ?? 'down').join(', ');
      throw new Error(`redis cluster not ok after ${timeoutMs} ms: ${states}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Assigns the 16384 slots over the nodes (masters only) and joins them: `redis-cli --cluster create`. */
export function createCluster(nodes: ClusterNodeSpec[]): void {
  const tls = nodes[0]?.tls;
  const created = spawnSync(
    'redis-cli',
    [
      ...(tls ? ['--tls', '--cacert', tls.ca] : []),
      '--cluster',
      'create',
      ...nodes.map((n) => `${n.host}:${n.port}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ],
    // It waits for the nodes to meet on the bus; nodes that cannot (a TLS bus refusing a
    // node's certificate) would keep it waiting for ever.
    { encoding: 'utf8', timeout: 30_000 },
  );
  if (created.status !== 0) {
    throw new Error(`redis-cli --cluster create failed:\n${created.stdout}${created.stderr}`);
  }
}

/** Whether running nodes were never joined (no slot assigned): dirs reused by the fleet are not. */
export async function clusterIsNew(nodes: ClusterNodeSpec[]): Promise<boolean> {
  const infos = await Promise.all(nodes.map(clusterInfo));
  return infos.every((info) => info.cluster_slots_assigned === '0');
}

export const clusterUrl = (nodes: ClusterNodeSpec[]) =>
  `${nodes[0]?.tls ? 'rediss-cluster' : 'redis-cluster'}://${nodes
    .map((n) => `${n.host}:${n.port}`)
    .join(',')}`;

/**
 * A Redis Cluster of the test's own: three masters (no replicas) on free ports, each with its
 * own dir and an AOF fsynced on every write, so restartNode() keeps what the node acknowledged.
 * With `tls`, every node takes TLS only (clients, the bus, replication).
 */
export async function startPrivateRedisCluster(
  options: ClusterOptions = {},
): Promise<PrivateRedisCluster> {
  const root = options.dir ?? mkdtempSync(join(tmpdir(), 'pgcluster-'));
  const ports: number[] = options.ports ?? [];
  while (ports.length < 3) ports.push(await freeClusterPort(ports));
  const nodes = ports.map((port) => ({
    host: '127.0.0.1',
    port,
    dir: join(root, String(port)),
    ...(options.tls ? { tls: options.tls } : {}),
  }));
  const servers: ChildProcess[] = [];

  const startNode = async (i: number) => {
    const node = nodes[i]!;
    mkdirSync(node.dir, { recursive: true });
    servers[i] = spawn('redis-server', clusterNodeArgs(node), { stdio: 'ignore', cwd: node.dir });
    killOnProcessExit(servers[i]!);
    await waitForPing(nodeUrl(node));
  };
  const killNode = async (i: number) => {
    const server = servers[i];
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
  };
  // Should a test's cleanup never get here (a hook that timed out first), the nodes still end
  // with the process that started them (killOnProcessExit), and so does a temp dir.
  const removeRoot = options.dir ? undefined : removeOnProcessExit(root);
  const stop = async () => {
    await Promise.all(nodes.map((_, i) => killNode(i)));
    removeRoot?.();
  };

  try {
    await Promise.all(nodes.map((_, i) => startNode(i)));
    if (await clusterIsNew(nodes)) createCluster(nodes);
    await waitForClusterOk(nodes);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: clusterUrl(nodes),
    nodes,
    async restartNode(index) {
      if (!nodes[index]) throw new Error(`no cluster node ${index}`);
      await killNode(index);
      await startNode(index);
      await waitForClusterOk(nodes);
    },
    stop,
  };
}
