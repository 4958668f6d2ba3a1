import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { createRemoteTokenVerifier, partnerScopeRule } from '@poolgraph/auth';
import {
  createMetrics,
  createStreamTail,
  createSubgraphService,
  Gauge,
  openSubgraphResources,
  type HttpService,
  type SubgraphConfig,
  createAuditLog,
  createMailer,
  keyringFromEnv,
  sealPlaintextSecrets,
  type Keyring,
} from '@poolgraph/platform';
import { createContextFactory } from './context.ts';
import { migrationsFolder, schema } from './db/index.ts';
import { sealedColumns } from './data/sealedColumns.ts';
import {
  ALERT_RAISED,
  alertsRaisedStream,
  ALL_ALERTS,
  type AlertRaisedEvent,
} from './events/alertStream.ts';
import { NOTICE_CREATED, NOTICES_READ, noticeKey } from './events/noticeEvents.ts';
import type { RetryPolicy } from './notify/backoff.ts';
import { createAlertsMetrics } from './metrics.ts';
import { createPoolsPeer } from './peers/pools.ts';
import { resolvers } from './resolvers/index.ts';
import { startAlertsWorker, type AlertsWorker } from './workers.ts';

// Keys read alerts with pools:read; only a manager's delegated keys get any (access.ts).
const partnerScope = partnerScopeRule({ read: 'pools:read', write: null });

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export interface AlertsServiceConfig extends SubgraphConfig {
  /** NODE_ENV=production: webhook URLs must be public https (SSRF). Default false. */
  production?: boolean;
  smtpUrl?: string;
  smtpFrom?: string;
  retry?: RetryPolicy;
  pollIntervalMs?: number;
  claimIdleMs?: number;
  /**
   * The KEKs that seal webhook secrets at rest (SECRETS_KEK, SECRETS_KEK_PREVIOUS); default the
   * public development KEK, which the environment refuses in production.
   */
  secrets?: Keyring;
}

/**
 * Builds the alerts subgraph (migrating its database) without listening, with its worker
 * (pool facts, detection, notifications) unless `backgroundWork: false`.
 */
export async function createService(config: AlertsServiceConfig): Promise<HttpService> {
  const { mysql, redis, readiness, close } = await openSubgraphResources(
    config,
    schema,
    migrationsFolder,
  );
  const log = config.log;
  const secrets = config.secrets ?? keyringFromEnv({ NODE_ENV: 'development' });
  await sealPlaintextSecrets(mysql.pool, secrets, sealedColumns, log);
  const production = config.production ?? false;
  const mailer = config.smtpUrl
    ? createMailer(config.smtpUrl, config.smtpFrom ?? 'Poolgraph Alerts <alerts@poolgraph.local>')
    : undefined;
  const metrics = createMetrics('alerts');
  const alertsMetrics = createAlertsMetrics(metrics.registry, mysql.db);
  const worker: AlertsWorker | undefined =
    config.backgroundWork === false
      ? undefined
      : startAlertsWorker({
          db: mysql.db,
          pool: mysql.pool,
          redis,
          redisPrefix: config.redisPrefix,
          log,
          consumerName: config.consumerName,
          mailer,
          secrets,
          production,
          retry: config.retry,
          pollIntervalMs: config.pollIntervalMs,
          claimIdleMs: config.claimIdleMs,
          metrics: alertsMetrics,
          registry: metrics.registry,
        });
  const poolsUrl = config.subgraphUrls.pools;
  if (!poolsUrl) throw new Error('The alerts subgraph needs subgraphUrls.pools (POOLS_URL).');
  // alertRaised tails the stream the relay writes (not pub/sub): a Redis restart or a caller's
  // reconnect loses nothing (platform streamTail.ts). One key for every alert; each
  // subscription filters (README "Live alerts").
  const alertEvents = createStreamTail<AlertRaisedEvent>({
    redisUrl: config.redisUrl,
    redis,
    stream: alertsRaisedStream(config.redisPrefix),
    // Alerts share one key (each subscription filters); notices are keyed by their investor.
    keyOf: (event) =>
      event.type === ALERT_RAISED
        ? ALL_ALERTS
        : event.type === NOTICE_CREATED || event.type === NOTICES_READ
          ? noticeKey(String(event.payload.investorId))
          : undefined,
    idOf: (event) => event.id,
    log: log.child({ component: 'stream-tail' }),
  });
  new Gauge({
    name: 'alerts_live_subscriptions',
    help: 'alertRaised subscriptions this process serves from the alerts.raised stream',
    registers: [metrics.registry],
    collect() {
      this.set(alertEvents.listeners);
    },
  });
  const contexts = createContextFactory({
    db: mysql.db,
    verifier: createRemoteTokenVerifier(config.jwksUrl),
    log,
    alertEvents,
    pools: createPoolsPeer(poolsUrl, log),
    production,
    secrets,
    kickDispatcher: () => worker?.dispatcher.notify(),
    kickRelay: () => worker?.notifyRelay(),
  });
  return createSubgraphService({
    typeDefs,
    tls: config.tls,
    audit: { log: createAuditLog(mysql.pool, config.log), queryField: 'alertsAuditLog' },
    // Partner keys (docs/DECISIONS.md, "Partner access"): scopes checked before every root field.
    authorizeRootField: (context, operation) => partnerScope(context.viewer, operation),
    resolvers,
    context: contexts.http,
    subscriptions: { context: contexts.subscription },
    metrics,
    log,
    readiness,
    // The worker stops first: it uses Redis and MySQL, which close after it.
    onClose: [
      async () => worker?.stop(),
      async () => mailer?.close(),
      () => alertEvents.close(),
      ...close,
    ],
  });
}
