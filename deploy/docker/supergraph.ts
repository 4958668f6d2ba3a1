/**
 * node --import tsx deploy/docker/supergraph.ts OUT: composes supergraph.yaml with the routing
 * URLs of a container network, for the gateway image. Each subgraph is at `$<NAME>_URL` (the
 * variables the subgraphs read for their peers), default `http://<name>:<port>/graphql`: the
 * compose service names and, in Kubernetes, the Services of the same namespace.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SUBGRAPH_NAMES, SUBGRAPH_PORTS } from '@poolgraph/platform';
import { composeSupergraph, readSupergraphConfig, withUrls } from '@poolgraph/supergraph';

const out = process.argv[2];
if (!out) {
  console.error('usage: node --import tsx deploy/docker/supergraph.ts OUT_FILE');
  process.exit(1);
}
const urls = Object.fromEntries(
  SUBGRAPH_NAMES.map((name) => [
    name,
    process.env[`${name.toUpperCase()}_URL`] ?? `http://${name}:${SUBGRAPH_PORTS[name]}/graphql`,
  ]),
);
const config = readSupergraphConfig(resolve(import.meta.dirname, '../../supergraph.yaml'));
writeFileSync(out, composeSupergraph(withUrls(config, urls)));
console.log(`Wrote ${out}: ${Object.values(urls).join(', ')}`);
