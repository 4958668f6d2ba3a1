import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  clusterIsNew,
  clusterNodeArgs,
  clusterUrl,
  createCluster,
  nodeUrl,
  waitForClusterOk,
  waitForPing,
  type CertificateFiles,
  type ClusterNodeSpec,
} from '@poolgraph/testing';
import { startCommand, stopAll, type ManagedProcess } from './processes.ts';

/** `npm run fleet -- --redis-cluster`: three masters on these ports unless told otherwise. */
export const FLEET_REDIS_CLUSTER_PORTS = [7001, 7002, 7003];

export interface LocalRedisCluster {
  url: string;
  nodes: ClusterNodeSpec[];
  processes: ManagedProcess[];
  stop(): Promise<void>;
}

/**
 * A local 3-master Redis Cluster for the fleet: one `redis-server --cluster-enabled yes` per
 * port, each in `<dir>/<port>` (nodes.conf and an AOF fsynced on every write), joined with
 * `redis-cli --cluster create` the first time; later runs start the same nodes, which rejoin
 * with their slots and data. The same node settings as the tests' `startPrivateRedisCluster`.
 * With `tls` (`--tls`) every node takes TLS only with the `redis` certificate, the bus and
 * replication included; the caller must trust the CA (`trustPeerCa`).
 */
export async function startLocalRedisCluster(
  dir: string,
  ports = FLEET_REDIS_CLUSTER_PORTS,
  print?: (line: string) => void,
  tls?: CertificateFiles,
): Promise<LocalRedisCluster> {
  const nodes: ClusterNodeSpec[] = ports.map((port) => ({
    host: '127.0.0.1',
    port,
    dir: join(dir, String(port)),
    ...(tls ? { tls: { cert: tls.cert('redis'), key: tls.key('redis'), ca: tls.ca } } : {}),
  }));
  const processes: ManagedProcess[] = [];
  const stop = () => stopAll(processes);
  try {
    for (const node of nodes) {
      mkdirSync(node.dir, { recursive: true });
      const args = [...clusterNodeArgs(node), '--loglevel', 'warning'];
      const proc = startCommand(`redis-${node.port}`, 'redis-server', args, {}, print);
      processes.push(proc);
      await Promise.race([
        waitForPing(nodeUrl(node)),
        proc.exited.then(() => {
          throw new Error(`redis-server on port ${node.port} exited (is the port taken?).`);
        }),
      ]);
    }
    if (await clusterIsNew(nodes)) createCluster(nodes);
    await waitForClusterOk(nodes);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: clusterUrl(nodes), nodes, processes, stop };
}
