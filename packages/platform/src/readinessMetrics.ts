import { Gauge, type Registry } from 'prom-client';
import { runReadiness, type ReadinessCheck } from './http.ts';

const CHECK_TIMEOUT_MS = 2_000;

const withTimeout = (check: ReadinessCheck): ReadinessCheck => ({
  ...check,
  check: () =>
    new Promise<void | Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      );
      timer.unref();
      check
        .check()
        .then(resolve, reject)
        .finally(() => clearTimeout(timer));
    }),
});

/**
 * `readiness_check_up{check}`: 1 when a readiness check passes, 0 when it fails, run at each
 * scrape. In a subgraph the checks are `mysql` and `redis` (its dependencies' reachability); in
 * the gateway there is one per subgraph it routes to (their availability as it sees it).
 * A scrape therefore pings each dependency once; a check that hangs counts as down after 2 s.
 */
export function registerReadinessMetrics(
  registry: Registry,
  readiness: ReadinessCheck[] | (() => ReadinessCheck[]),
): void {
  if (registry.getSingleMetric('readiness_check_up')) return;
  new Gauge({
    name: 'readiness_check_up',
    help: 'Whether a readiness check (a dependency such as mysql or redis, or a subgraph) passes',
    labelNames: ['check'],
    registers: [registry],
    async collect() {
      const checks = typeof readiness === 'function' ? readiness() : readiness;
      const report = await runReadiness(checks.map(withTimeout));
      this.reset();
      for (const result of report.checks) this.set({ check: result.name }, result.ok ? 1 : 0);
    },
  });
}
