import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { createRemoteTokenVerifier, partnerScopeRule } from '@poolgraph/auth';
import { consumeLedgerEvents } from '@poolgraph/events';
import {
  createMetrics,
  createSubgraphService,
  openReadDatabase,
  openSubgraphResources,
  type ReadReplicaConfig,
  type HttpService,
  type SubgraphConfig,
  createAuditLog,
  createMailer,
} from '@poolgraph/platform';
import { createContextFactory } from './context.ts';
import { migrationsFolder, schema } from './db/index.ts';
import { createPoolsRelay } from './events/relay.ts';
import { listingReadsPlugin } from './listingReads.ts';
import { resolvers } from './resolvers/index.ts';
import { createInvitationMail } from './services/invitationMail.ts';
import { settlementHandler } from './events/ledgerEvents.ts';

const partnerScope = partnerScopeRule({ read: 'pools:read', write: null });

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export interface PoolsServiceConfig extends SubgraphConfig, ReadReplicaConfig {
  /** SMTP for EMAIL invitations (`smtp://…`); without it invitations are only shown in the app. */
  smtpUrl?: string;
  smtpFrom?: string;
  /** The web app's address, for the links in invitation emails. */
  appUrl?: string;
}

/**
 * Builds the pools subgraph (migrating its database) without listening. It asks users (invites)
 * and ledger (removals) synchronously at `subgraphUrls.users` / `subgraphUrls.ledger`, and
 * settles capital calls from the ledger's event stream.
 */
export async function createService(config: PoolsServiceConfig): Promise<HttpService> {
  const { mysql, redis, readiness, close } = await openSubgraphResources(
    config,
    schema,
    migrationsFolder,
  );
  const log = config.log;
  const metrics = createMetrics('pools');
  // Listings read the replica (listingReads.ts); everything else, writes first, the primary.
  const reads = openReadDatabase(mysql, config, schema);
  reads.registerMetrics(metrics.registry);
  const relay = createPoolsRelay({
    registry: metrics.registry,
    pool: mysql.pool,
    redis,
    redisPrefix: config.redisPrefix,
    log,
  });
  // Background work (the relay, settlement from ledger.events) unless switched off.
  const background = config.backgroundWork !== false;
  if (background) relay.start();
  const consumer = background
    ? consumeLedgerEvents({
        db: mysql.db,
        redis,
        redisPrefix: config.redisPrefix,
        consumer: config.consumerName,
        handler: settlementHandler(log.child({ component: 'settlement' })),
        registry: metrics.registry,
        log: log.child({ component: 'settlement' }),
      })
    : undefined;

  const mailer = config.smtpUrl
    ? createMailer(config.smtpUrl, config.smtpFrom ?? 'Poolgraph <deals@poolgraph.local>')
    : undefined;

  return createSubgraphService({
    typeDefs,
    tls: config.tls,
    audit: { log: createAuditLog(mysql.pool, config.log), queryField: 'poolsAuditLog' },
    // Partner keys (docs/DECISIONS.md, "Partner access"): scopes checked before every root field.
    authorizeRootField: (context, operation) => partnerScope(context.viewer, operation),
    resolvers,
    plugins: [listingReadsPlugin()],
    context: createContextFactory({
      db: mysql.db,
      readDb: reads.db,
      onCommitted: () => relay.notify(),
      verifier: createRemoteTokenVerifier(config.jwksUrl),
      peerUrls: { users: config.subgraphUrls.users, ledger: config.subgraphUrls.ledger },
      invitationMail: createInvitationMail(mailer, config.appUrl ?? 'http://127.0.0.1:5173', log),
      log,
    }),
    metrics,
    log,
    readiness: [...readiness, ...reads.readiness],
    // The consumer and the relay stop first: it uses Redis and MySQL, which close after it.
    onClose: [
      async () => consumer?.stop(),
      () => relay.stop(),
      () => reads.close(),
      async () => mailer?.close(),
      ...close,
    ],
  });
}
