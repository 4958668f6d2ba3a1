import type { ChaosResult } from './run.ts';

/** The summary table a chaos run prints: faults, requests, then each check. */
export function summaryTable(result: ChaosResult): string {
  const { faults, stats, checks } = result;
  const lines = [
    '',
    `Chaos run, seed ${result.seed}${result.redisCluster ? ', Redis Cluster' : ''}`,
    '',
    'Faults injected',
  ];
  for (const f of faults) {
    const back = f.recoveredMs < 0 ? 'FAILED' : `back after ${(f.recoveredMs / 1000).toFixed(1)} s`;
    lines.push(
      `  +${(f.at / 1000).toFixed(1).padStart(5)} s  ${f.fault.padEnd(22)} ${f.target.padEnd(26)} ${back}`,
    );
  }
  const failures = Object.entries(stats.failures)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  lines.push(
    '',
    'Requests (money-moving, through HAProxy)',
    `  sent ${stats.sent}, acknowledged ${stats.acknowledged}, retried ${stats.retried} (same idempotency key)`,
    `  contributions acknowledged ${stats.contributions.length}, distributions acknowledged ${stats.distributions.length}`,
    `  failed attempts: ${failures || 'none'}`,
    ...(result.reads
      ? [
          '',
          'Reads (pools listing + poolPerformance: the MariaDB replica, or the primary standing in)',
          `  sent ${result.reads.sent}, answered ${result.reads.answered}, failed attempts: ${
            Object.entries(result.reads.failures)
              .map(([kind, n]) => `${kind} ${n}`)
              .join(', ') || 'none'
          }`,
        ]
      : []),
    '',
    'Checks',
  );
  for (const check of checks) {
    lines.push(`  ${check.pass ? 'PASS' : 'FAIL'}  ${check.name}`, `        ${check.detail}`);
  }
  const failed = checks.filter((c) => !c.pass).length;
  lines.push(
    '',
    failed
      ? `${failed} check(s) FAILED. Reproduce: npm run chaos -- --seed ${result.seed} --seconds <same>${result.redisCluster ? ' --redis-cluster' : ''}`
      : 'Every check passed.',
    '',
  );
  return lines.join('\n');
}
