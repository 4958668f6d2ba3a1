/**
 * npm run chaos -- [--seconds 120] [--seed S] [--redis-cluster]: a fleet of its own (two replicas
 * of everything behind HAProxy, a private Redis or Redis Cluster, a private MariaDB primary and
 * replica), steady load, seeded faults (SIGKILLed replicas, the relay, workers, a Redis or
 * cluster node restart, a replica restart), then quiescence and the checks; prints a summary table and exits
 * non-zero when a check fails. The seed (random unless given, always printed) reproduces the
 * fault schedule. See docs/OPERATIONS.md, "Chaos".
 */
import { parseArgs } from 'node:util';
import { summaryTable } from './lib/chaos/report.ts';
import { runChaos } from './lib/chaos/run.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '120' },
    seed: { type: 'string' },
    replicas: { type: 'string', default: '2' },
    'redis-cluster': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const replicas = Number(values.replicas);
if (!(seconds >= 10) || !Number.isInteger(seed) || !Number.isInteger(replicas) || replicas < 2) {
  console.error(
    'usage: npm run chaos -- [--seconds N ≥ 10] [--seed integer] [--replicas N ≥ 2] [--redis-cluster]',
  );
  process.exit(2);
}

const result = await runChaos({
  seconds,
  seed,
  replicas,
  redisCluster: values['redis-cluster'],
});
console.log(summaryTable(result));
process.exit(result.pass ? 0 : 1);
