import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { Gauge } from 'prom-client';
import { createRemoteTokenVerifier, partnerScopeRule } from '@poolgraph/auth';
import { consumeLedgerEvents, ledgerEventsStream } from '@poolgraph/events';
import {
  createMetrics,
  createSubgraphService,
  openReadDatabase,
  openSubgraphResources,
  type ReadReplicaConfig,
  type HttpService,
  type SubgraphConfig,
  createAuditLog,
} from '@poolgraph/platform';
import { createContextFactory } from './context.ts';
import { migrationsFolder, schema } from './db/index.ts';
import { LEDGER_GROUP, readModelHandler } from './events/ledgerEvents.ts';
import { startPoolsConsumer } from './events/poolsConsumer.ts';
import { resolvers } from './resolvers/index.ts';
import { streamLagSeconds } from './services/freshness.ts';

const partnerScope = partnerScopeRule({ read: 'reports:read', write: null });

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export type ReportsServiceConfig = SubgraphConfig & ReadReplicaConfig;

/**
 * Builds the reports subgraph (migrating its database) without listening, and starts the
 * consumers that keep its read models: `ledger.events` and `pools.events`, group "reports".
 */
export async function createService(config: ReportsServiceConfig): Promise<HttpService> {
  const { mysql, redis, readiness, close } = await openSubgraphResources(
    config,
    schema,
    migrationsFolder,
  );
  const log = config.log;
  // The consumers write the read models on the primary; the queries read them from the replica.
  const reads = openReadDatabase(mysql, config, schema);
  const consumerOptions = {
    db: mysql.db,
    redis,
    eventsPrefix: config.redisPrefix,
    consumerName: config.consumerName,
  };
  const metrics = createMetrics('reports');
  // The read models' consumers are this service's background work (one switch).
  const consumers =
    config.backgroundWork === false
      ? []
      : [
          consumeLedgerEvents({
            db: mysql.db,
            redis,
            redisPrefix: config.redisPrefix,
            consumer: config.consumerName,
            handler: readModelHandler(),
            registry: metrics.registry,
            log: log.child({ component: 'ledger-events' }),
          }),
          startPoolsConsumer({ ...consumerOptions, log: log.child({ component: 'pools-events' }) }),
        ];
  const lagSeconds = () =>
    streamLagSeconds(redis, ledgerEventsStream(config.redisPrefix), LEDGER_GROUP);
  reads.registerMetrics(metrics.registry);
  new Gauge({
    name: 'reports_read_model_lag_seconds',
    help: 'Age of the oldest ledger event the reports read models have not applied yet',
    registers: [metrics.registry],
    async collect() {
      this.set(await lagSeconds());
    },
  });
  return createSubgraphService({
    typeDefs,
    tls: config.tls,
    audit: { log: createAuditLog(mysql.pool, config.log), queryField: 'reportsAuditLog' },
    // Partner keys (docs/DECISIONS.md, "Partner access"): scopes checked before every root field.
    authorizeRootField: (context, operation) => partnerScope(context.viewer, operation),
    resolvers,
    context: createContextFactory({
      db: mysql.db,
      readDb: reads.db,
      // What a query sees is behind the ledger by the stream's lag plus the replica's.
      lagSeconds: async () => {
        const replica = reads.status();
        return (await lagSeconds()) + (replica?.inRotation ? (replica.lagSeconds ?? 0) : 0);
      },
      verifier: createRemoteTokenVerifier(config.jwksUrl),
      log,
    }),
    metrics,
    log,
    readiness: [...readiness, ...reads.readiness],
    // The consumers stop first: they use Redis and MySQL, which close after them.
    onClose: [...consumers.map((c) => () => c.stop()), () => reads.close(), ...close],
  });
}
