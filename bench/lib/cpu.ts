import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU seconds (user + system) a process has used so far (Linux /proc; 0 when unknown). */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The pid of a server process by name (mariadbd, redis-server), if one runs here. */
export function pidOfProgram(name: string): number | undefined {
  try {
    const [first] = execFileSync('pidof', [name], { encoding: 'utf8' }).trim().split(' ');
    return first ? Number(first) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The pid of the server listening on a URL's port (`ss`), so a benchmark counts the MariaDB or
 * Redis its stack really uses, not the first `mariadbd` on a machine that runs several; falls
 * back to the first process of that name.
 */
export function pidServing(url: string, program: string): number | undefined {
  const { port } = new URL(url);
  try {
    const line = execFileSync('ss', ['-ltnpH', `sport = :${port || '3306'}`], { encoding: 'utf8' });
    const pid = /pid=(\d+)/.exec(line)?.[1];
    if (pid) return Number(pid);
  } catch {
    // no ss here: the first process of that name
  }
  return pidOfProgram(program);
}

/** Measures CPU use of named processes over a stretch of work: share of one core each. */
export function cpuMeter(pids: Record<string, number | undefined>) {
  const start = Object.fromEntries(Object.entries(pids).map(([n, pid]) => [n, cpuSeconds(pid)]));
  const began = performance.now();
  return {
    /** "gateway 45% · pools 3% …" over the time since the meter started. */
    report(): string {
      const wall = (performance.now() - began) / 1000;
      return Object.entries(pids)
        .map(([name, pid]) => {
          const used = cpuSeconds(pid) - (start[name] ?? 0);
          return `${name} ${((100 * used) / wall).toFixed(0)}%`;
        })
        .join(' · ');
    },
    /** CPU milliseconds each named process used since the meter started, per unit of work. */
    msPer(count: number, names: readonly string[]): Record<string, number> {
      return Object.fromEntries(
        names.map((name) => [
          name,
          (1000 * (cpuSeconds(pids[name]) - (start[name] ?? 0))) / Math.max(1, count),
        ]),
      );
    },
    /** "gateway 0.52 · ledger 0.91 … total 2.40": ms of CPU per item, every process but the bench. */
    perItem(count: number): string {
      const each = this.msPer(count, Object.keys(pids));
      const total = Object.entries(each)
        .filter(([name]) => name !== 'bench')
        .reduce((sum, [, ms]) => sum + ms, 0);
      const parts = Object.entries(each).map(([name, ms]) => `${name} ${ms.toFixed(2)}`);
      return `${parts.join(' · ')} · total (bench excluded) ${total.toFixed(2)}`;
    },
  };
}
