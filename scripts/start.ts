/**
 * npm start [-- --no-seed] [--replicas N] [--redis-cluster] [--mysql-replica] [--tls]: checks MySQL and
 * Redis, composes the supergraph, starts the five subgraphs and the gateway with prefixed output,
 * seeds the demo, prints the URLs, and stops everything on Ctrl-C. Data is kept between runs; the
 * demo is never duplicated. With --replicas N (`npm run fleet` is N = 2) every service runs N
 * times behind HAProxy on :8080. With --redis-cluster every service runs on a local 3-master
 * Redis Cluster (ports 7001–7003, data in .poolgraph/fleet/redis-cluster/), unless REDIS_URL
 * already names a cluster. With --mysql-replica (`npm run fleet` passes it) everything runs on a
 * MariaDB primary + read replica of its own (ports 3307/3308, data kept in .poolgraph/fleet/),
 * not MYSQL_SERVER_URL. When MYSQL_SERVER_URL / REDIS_URL are unset and nothing answers at the
 * default addresses, it runs a MariaDB and a Redis of its own (data in .poolgraph/dev/), stopped
 * with everything else. With --tls every hop is TLS: `npm run certs`' certificates are made
 * (or kept) in .poolgraph/certs/, every service serves HTTPS/WSS and verifies its peers against
 * the local CA, MariaDB and Redis are servers of its own that take TLS only (unless
 * MYSQL_SERVER_URL / REDIS_URL name others), and HAProxy in a fleet terminates TLS for clients.
 */
// First: an old Node is named before anything else fails.
import './lib/nodeVersion.ts';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { CompositionError, composeSupergraph, readSupergraphConfig } from '@poolgraph/supergraph';
import {
  SUBGRAPH_PORTS,
  describeRedisUrl,
  isClusterUrl,
  mysqlDatabaseUrl,
  trustPeerCa,
} from '@poolgraph/platform';
import { ensureCertificates } from '@poolgraph/testing';
import { SUBGRAPHS, fleetReplicaPort, startProcessStack, type ProcessStack } from './lib/stack.ts';
import { startProcess, waitUntilReady } from './lib/processes.ts';
import { checkServices } from './lib/services.ts';
import { startLocalRedisCluster, type LocalRedisCluster } from './lib/redisCluster.ts';
import { startFleetMysql } from './lib/fleetMysql.ts';
import { chooseDevServers } from './lib/devServers.ts';
import { seedDemo, type DemoLogin } from './seed.ts';
import { startPaymentsDemo, type PaymentsDemo } from './lib/payments.ts';
import { seedPartnerKey } from './seed-partner.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    'no-seed': { type: 'boolean', default: false },
    replicas: { type: 'string', default: '1' },
    'redis-cluster': { type: 'boolean', default: false },
    'mysql-replica': { type: 'boolean', default: false },
    tls: { type: 'boolean', default: false },
  },
});
// --tls: the certificates first (idempotent), and this process trusts their CA, as TLS_CA
// makes every service trust it: the checks, the readiness polls and the seed are clients too.
const certs = values.tls ? ensureCertificates(resolve(root, '.poolgraph/certs')) : undefined;
if (certs) trustPeerCa(readFileSync(certs.ca, 'utf8'));
const scheme = certs ? 'https' : 'http';
const replicas = Number(values.replicas);
if (!Number.isInteger(replicas) || replicas < 1) {
  console.error('--replicas takes a whole number of at least 1.');
  process.exit(1);
}
const mysqlPair = values['mysql-replica'] ? await startFleetMysql(root, certs) : undefined;
const wantsLocalCluster = values['redis-cluster'] && !isClusterUrl(process.env.REDIS_URL ?? '');
// Explicit URLs are used as given; otherwise the defaults, or servers of its own when none answers.
const devServers = await chooseDevServers(root, {
  mysqlServerUrl: process.env.MYSQL_SERVER_URL,
  redisUrl: process.env.REDIS_URL,
  mysqlProvided: mysqlPair !== undefined,
  redisProvided: wantsLocalCluster,
  tls: certs,
}).catch(async (error: unknown) => {
  console.error(`\nStarting MariaDB or Redis failed: ${(error as Error).message}\n`);
  return undefined;
});
if (!devServers) {
  await mysqlPair?.stop();
  process.exit(1);
}
const mysqlServer = (mysqlPair?.primaryServerUrl ?? devServers.mysqlServerUrl).replace(/\/$/, '');
let redisUrl = devServers.redisUrl;
const logLevel = process.env.LOG_LEVEL ?? 'info';
const gatewayPort = Number(process.env.GATEWAY_PORT ?? (replicas > 1 ? 8080 : 4000));
const clientPort = Number(process.env.CLIENT_PORT ?? 5173);

/** HAProxy's generated config and admin socket (`.poolgraph/` is git-ignored). */
function fleetRunDir() {
  const dir = resolve(root, '.poolgraph/fleet');
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function fail(message: string): Promise<never> {
  console.error(`\n${message}\n`);
  await mysqlPair?.stop();
  await devServers?.stop();
  process.exit(1);
}

let redisCluster: LocalRedisCluster | undefined;
if (wantsLocalCluster) {
  console.log('Starting a local 3-master Redis Cluster (.poolgraph/fleet/redis-cluster/)…');
  const cluster = await startLocalRedisCluster(
    resolve(fleetRunDir(), 'redis-cluster'),
    undefined,
    undefined,
    certs,
  ).catch((error: unknown) =>
    fail(`The local Redis Cluster did not start: ${(error as Error).message}`),
  );
  redisCluster = cluster;
  redisUrl = cluster.url;
  // Whatever ends this script (a failed check included) ends the nodes it started.
  const nodes = cluster.processes;
  process.on('exit', () => nodes.forEach((node) => node.child.kill('SIGTERM')));
}

const problems = await checkServices(mysqlServer, redisUrl);
if (problems.length) await fail(problems.join('\n\n'));

try {
  writeFileSync(
    resolve(root, 'supergraph.graphql'),
    composeSupergraph(readSupergraphConfig(resolve(root, 'supergraph.yaml'))),
  );
} catch (error) {
  if (error instanceof CompositionError) await fail(error.message);
  throw error;
}

// The gateway serves a bundled GraphiQL at /explorer in development; bundle it once.
if (!existsSync(resolve(root, 'gateway/explorer/dist/index.html'))) {
  console.log('Bundling the GraphiQL explorer (once)…');
  const built = spawnSync('npm', ['run', 'build:explorer', '-w', '@poolgraph/gateway'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) await fail('Bundling the explorer failed (see above).');
}

let stack: ProcessStack | undefined;
let paymentsDemo: PaymentsDemo | undefined;
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping every service…');
  await stack?.stop();
  await paymentsDemo?.stop();
  // Last: the services flush to Redis until they stop.
  await redisCluster?.stop();
  await mysqlPair?.stop();
  await devServers?.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

const ports = { ...SUBGRAPH_PORTS, gateway: gatewayPort };
const subgraphUrl = (port: number) => `${scheme}://127.0.0.1:${port}`;

try {
  // Card payments go to the Stripe emulator (its own process) unless real keys are configured.
  paymentsDemo = await startPaymentsDemo(ports.ledger, certs);
  stack = await startProcessStack({
    mysqlServer,
    databaseOf: (name) => `poolgraph_${name}`,
    redisUrl,
    redisPrefix: process.env.REDIS_PREFIX ?? 'poolgraph:',
    mysqlReplicaServer: mysqlPair?.replicaServerUrl,
    ports,
    supergraphPath: resolve(root, 'supergraph.graphql'),
    logLevel,
    tls: certs,
    // A fleet: HAProxy takes the usual ports, replica i of a service listens 100 × (i + 1) above.
    fleet:
      replicas > 1 ? { replicas, replicaPort: fleetReplicaPort, runDir: fleetRunDir() } : undefined,
  });
  const gatewayUrl = `${scheme}://localhost:${gatewayPort}/graphql`;
  // The web app: built, then served with /graphql (HTTP + WebSocket) passed to the gateway.
  const client = await startProcess('client', resolve(root, 'client/scripts/serve.ts'), {
    GATEWAY_URL: `${scheme}://127.0.0.1:${gatewayPort}`,
    CLIENT_PORT: String(clientPort),
    ...(certs
      ? { TLS_CERT: certs.cert('client'), TLS_KEY: certs.key('client'), TLS_CA: certs.ca }
      : {}),
  });
  stack.processes.push(client);
  await waitUntilReady(client, `${scheme}://127.0.0.1:${clientPort}/`, 180_000);
  const logins: DemoLogin[] = values['no-seed']
    ? []
    : await seedDemo({
        gatewayUrl,
        usersMysqlUrl: mysqlDatabaseUrl(mysqlServer, 'poolgraph_users'),
        payments: {
          ledgerMysqlUrl: mysqlDatabaseUrl(mysqlServer, 'poolgraph_ledger'),
          emulatorUrl: paymentsDemo.emulatorUrl,
          publishableKey: paymentsDemo.publishableKey,
        },
      });
  const admin = logins.find((l) => l.role === 'ADMIN');
  const partnerKey = admin ? await seedPartnerKey(gatewayUrl, admin) : undefined;
  printBanner(gatewayUrl, logins, partnerKey);
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  await shutdown(1);
}

function printBanner(gatewayUrl: string, logins: DemoLogin[], partnerKey?: string) {
  const row = (label: string, value: string) => `  ${label.padEnd(27)} ${value}`;
  const ownServers = devServers?.describe() ?? [];
  const lines = [
    '',
    'Poolgraph is up.',
    '',
    row('Web app', `${scheme}://localhost:${clientPort}/`),
    row('GraphiQL explorer', `${scheme}://localhost:${gatewayPort}/explorer`),
    row('GraphQL (HTTP + WebSocket)', gatewayUrl),
    row(
      'Gateway health / metrics',
      `${scheme}://localhost:${gatewayPort}/readyz  ${scheme}://localhost:${gatewayPort}/metrics`,
    ),
    ...(certs
      ? [`  TLS on every hop; certificates in .poolgraph/certs/ (trust ca.crt in your browser)`]
      : []),
    ...(replicas > 1
      ? [`  ${replicas} replicas of every service behind HAProxy (${stack?.proxy?.configPath})`]
      : []),
    ...(mysqlPair
      ? [
          `  MariaDB primary :3307 and read replica :3308 (pools listings, reports; .poolgraph/fleet/)`,
        ]
      : []),
    ...SUBGRAPHS.map((name) => row(`${name} subgraph`, `${subgraphUrl(ports[name])}/graphql`)),
    ...ownServers.map(({ label, text }) => row(label, text)),
    ...(ownServers.some(({ label }) => label === 'Redis')
      ? []
      : [
          row(
            'Redis',
            `${describeRedisUrl(redisUrl)}${
              isClusterUrl(redisUrl)
                ? ` (cluster${redisCluster ? ', local, 3 masters: .poolgraph/fleet/redis-cluster/' : ''})`
                : ''
            }`,
          ),
        ]),
    '',
    ...(logins.length
      ? [
          'Demo logins (the web app, or mutation { logIn(email, password) { accessToken } }):',
          ...logins.map((l) => `  ${l.role.padEnd(9)} ${l.email.padEnd(28)} ${l.password}`),
        ]
      : ['Demo data not seeded (--no-seed).']),
    '',
    ...(partnerKey
      ? [
          `Demo partner API key (pools:read ledger:read reports:read; shown once): ${partnerKey}`,
          `  POOLGRAPH_API_KEY=${partnerKey} npm run example -w @poolgraph/partner-sdk`,
          '',
        ]
      : []),
    'Press Ctrl-C to stop everything.',
    '',
  ];
  console.log(lines.join('\n'));
}
