/**
 * npx tsx scripts/haproxy-config.ts [--replicas 2] > scripts/haproxy.fleet.cfg: HAProxy's config
 * for `npm run fleet` on its default ports, from the same list of services `npm start` uses.
 * The committed copy is checked by scripts/test/haproxy.test.ts; the fleet writes its own into
 * .poolgraph/fleet/ at start.
 */
import { parseArgs } from 'node:util';
import { fleetHAProxyConfig } from './lib/stack.ts';

const { values } = parseArgs({ options: { replicas: { type: 'string', default: '2' } } });
process.stdout.write(fleetHAProxyConfig(Number(values.replicas)));
