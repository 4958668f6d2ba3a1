import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { createRemoteTokenVerifier } from '@poolgraph/auth';
import {
  createMetrics,
  createSubgraphService,
  openSubgraphResources,
  type HttpService,
  type SubgraphConfig,
} from '@poolgraph/platform';
import { createContextFactory } from './context.ts';
import { migrationsFolder, schema } from './db/index.ts';
import { resolvers } from './resolvers/index.ts';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

/**
 * Builds the alerts subgraph (migrating its database) without listening. Tokens are verified
 * against the users subgraph's published keys.
 */
export async function createService(config: SubgraphConfig): Promise<HttpService> {
  const { mysql, readiness, close } = await openSubgraphResources(config, schema, migrationsFolder);
  const verifier = createRemoteTokenVerifier(config.jwksUrl);
  return createSubgraphService({
    typeDefs,
    resolvers,
    context: createContextFactory({ db: mysql.db, verifier, log: config.log }),
    metrics: createMetrics('alerts'),
    log: config.log,
    readiness,
    onClose: close,
  });
}
