import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Logger } from '@poolgraph/platform';

/** A worker that dies this soon after starting is not restarted again (a crash loop). */
const MIN_UPTIME_MS = 5_000;

/**
 * `GATEWAY_WORKERS` > 1: this process becomes the primary of that many gateway workers
 * (node:cluster; they share the listening port, the kernel spreads connections). Each worker
 * is a whole gateway: its own plan caches, subgraph connections and upstream subscriptions,
 * so a subscription's sharing is per worker. The primary restarts a worker that dies and
 * passes SIGTERM/SIGINT on, exiting when every worker has. Returns whether this process
 * should serve (a worker, or the only process).
 */
export function startWorkers(requested: number | 'auto', log: Logger): boolean {
  const count = requested === 'auto' ? availableParallelism() : requested;
  if (count <= 1 || cluster.isWorker) return true;
  const started = new Map<number, number>();
  let stopping = false;
  const fork = () => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
  };
  for (let n = 0; n < count; n++) fork();
  cluster.on('exit', (worker, code, signal) => {
    const uptime = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (stopping) {
      if (started.size === 0) process.exit(0);
      return;
    }
    log.error({ pid: worker.process.pid, code, signal, uptimeMs: uptime }, 'gateway worker died');
    if (uptime >= MIN_UPTIME_MS) fork();
    else if (started.size === 0) process.exit(1);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      if (started.size === 0) process.exit(0);
    });
  }
  log.info({ workers: count }, 'gateway primary started its workers');
  return false;
}
