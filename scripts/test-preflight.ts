/**
 * `npm test`'s first step: the Node version, then the system programs the tests run. As root it
 * installs the missing Debian packages with apt-get (saying so first); otherwise it names the
 * one command to run and fails. MariaDB and Redis need only be installed, not running: the test
 * run starts servers of its own (test-stack/src/testServers.ts).
 */
import './lib/nodeVersion.ts';
import { SERVER_PROGRAMS, ensureSystemPackages, type SystemProgram } from './lib/systemPackages.ts';
import { HAPROXY_BIN } from './lib/haproxy.ts';

const TEST_PROGRAMS: SystemProgram[] = [
  ...SERVER_PROGRAMS.mariadb,
  ...SERVER_PROGRAMS.redis,
  // Backups (scripts/test/backup.test.ts) and the private Redis Cluster.
  { program: 'mariadb-dump', debianPackage: 'mariadb-client' },
  { program: 'redis-cli', debianPackage: 'redis-tools' },
  // The fleet behind HAProxy (scripts/test/fleet.test.ts, haproxy.test.ts).
  { program: HAPROXY_BIN, debianPackage: 'haproxy' },
  // deploy/test: alert rules checked with promtool, a real Prometheus scraping the stack, YAML lint.
  { program: 'promtool', debianPackage: 'prometheus' },
  { program: 'prometheus', debianPackage: 'prometheus' },
  { program: 'yamllint', debianPackage: 'yamllint' },
  // The web app's browser tests (client/e2e).
  { program: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', debianPackage: 'chromium' },
];

if (!ensureSystemPackages(TEST_PROGRAMS, 'npm test')) process.exit(1);
