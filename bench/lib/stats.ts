import { loadavg } from 'node:os';

/** The p-th percentile of ascending-sorted values (nearest rank). */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
    : NaN;

/** Runs `total` calls of `task` from `concurrency` loops; returns the wall time and each call's latency. */
export async function drive(
  total: number,
  concurrency: number,
  task: (n: number) => Promise<void>,
) {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let n = next++; n < total; n = next++) {
        const t = performance.now();
        await task(n);
        latenciesMs.push(performance.now() - t);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latenciesMs };
}

/** Resident set size of a process in bytes, from /proc (Linux). */
export async function residentBytes(pid: number | undefined): Promise<number> {
  if (!pid) return NaN;
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : NaN;
}

/** The 1, 5 and 15-minute load averages, "3.22, 2.37, 4.34": printed beside figures taken on a shared machine. */
export const loadAverage = (): string =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
