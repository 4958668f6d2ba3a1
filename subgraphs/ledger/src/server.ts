import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { createRemoteTokenVerifier, partnerScopeRule } from '@poolgraph/auth';
import {
  isTransactionStep,
  ledgerEventsStream,
  type TransactionStepEvent,
} from '@poolgraph/events';
import {
  createMetrics,
  createStreamTail,
  Gauge,
  createSubgraphService,
  openSubgraphResources,
  type HttpService,
  type SubgraphConfig,
  createAuditLog,
} from '@poolgraph/platform';
import { createContextFactory } from './context.ts';
import { migrationsFolder, schema } from './db/index.ts';
import { hostname } from 'node:os';
import { startPoolFactsConsumer } from './events/poolsConsumer.ts';
import { createLedgerRelay } from './events/relay.ts';
import { createPoolsPeer, type PoolsPeer } from './peers/pools.ts';
import { createPoster } from './movements/lanes.ts';
import { startExpirySweeper } from './movements/expirySweeper.ts';
import { startFeeSchedule } from './fees/feeSchedule.ts';
import { endPending } from './payments/ending.ts';
import { createPayments, DEFAULT_PAYMENTS, type PaymentsConfig } from './payments/index.ts';
import { stripeWebhookRoute } from './payments/webhook.ts';
import type { MoneyPolicy } from './movements/submit.ts';
import { createLocalViews } from './movements/poolView.ts';
import { resolvers } from './resolvers/index.ts';
import { createPostedTransactions } from './subscriptions/transactionCache.ts';

const partnerScope = partnerScopeRule({ read: 'ledger:read', write: 'ledger:write' });

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export interface LedgerServiceConfig extends SubgraphConfig {
  /** Where pool facts come from when the local copy lacks them; default `subgraphUrls.pools`. */
  pools?: PoolsPeer;
  /** Payment providers and timeouts (env.ts `paymentsFromEnv`); default: bank transfers only. */
  payments?: PaymentsConfig;
  /** How often the fee schedule looks for due management fees (ms); default 60 s. */
  feeScheduleIntervalMs?: number;
  /** What money may move without a provider (env.ts); default: development's (tests, the demo). */
  policy?: Partial<MoneyPolicy>;
}

/**
 * Builds the ledger subgraph (migrating its database) without listening. `redisPrefix` is the
 * deployment's shared prefix: the event stream and channels consumers read are named with it.
 */
export async function createService(config: LedgerServiceConfig): Promise<HttpService> {
  const { mysql, redis, readiness, close } = await openSubgraphResources(
    config,
    schema,
    migrationsFolder,
  );
  const metrics = createMetrics('ledger');
  const relay = createLedgerRelay({
    registry: metrics.registry,
    pool: mysql.pool,
    redis,
    redisPrefix: config.redisPrefix,
    log: config.log,
  });
  // The relay, the expiry sweeper, the pool facts consumer and the fee schedule are background
  // work (one switch).
  const background = config.backgroundWork !== false;
  if (background) relay.start();
  const poster = createPoster(mysql.db, () => relay.notify());
  const paymentsConfig = config.payments ?? DEFAULT_PAYMENTS;
  const payments = createPayments(paymentsConfig, mysql.db, config.log, () => relay.notify());
  // Pending transactions past their expiry void themselves (every replica sweeps; safe).
  const expiry = background
    ? startExpirySweeper({
        db: mysql.db,
        log: config.log.child({ component: 'expiry' }),
        end: (row) => endPending(payments, row),
        onSettled: () => relay.notify(),
        intervalMs: paymentsConfig.sweepIntervalMs,
      })
    : undefined;
  // Management fees fall due by the calendar (every replica runs it; the period keys make it safe).
  const fees = background
    ? startFeeSchedule({
        db: mysql.db,
        poster,
        log: config.log.child({ component: 'fee-schedule' }),
        intervalMs: config.feeScheduleIntervalMs,
      })
    : undefined;
  const pools = config.pools ?? createPoolsPeer(config.subgraphUrls.pools, config.log);
  const poolFacts = background
    ? startPoolFactsConsumer({
        db: mysql.db,
        redis,
        redisPrefix: config.redisPrefix,
        consumerName: config.consumerName ?? hostname(),
        log: config.log.child({ component: 'pool-facts' }),
      })
    : undefined;

  // Live subscriptions tail the event stream (not pub/sub): a Redis restart or a caller's
  // reconnect loses nothing (packages/platform/src/streamTail.ts).
  const poolEvents = createStreamTail<TransactionStepEvent>({
    redisUrl: config.redisUrl,
    redis,
    stream: ledgerEventsStream(config.redisPrefix),
    // Transaction steps only: a payment's held and refunded money is the investor's notice.
    keyOf: (event) => (isTransactionStep(event) ? event.payload?.poolId : undefined),
    idOf: (event) => event.id,
    log: config.log.child({ component: 'stream-tail' }),
  });
  new Gauge({
    name: 'ledger_live_subscriptions',
    help: 'Live subscriptions this process serves from the ledger.events stream',
    registers: [metrics.registry],
    collect() {
      this.set(poolEvents.listeners);
    },
  });
  const contexts = createContextFactory({
    db: mysql.db,
    poster,
    pools,
    verifier: createRemoteTokenVerifier(config.jwksUrl),
    log: config.log,
    poolEvents,
    postedTransactions: createPostedTransactions(mysql.db),
    views: createLocalViews(mysql.db),
    payments,
    policy: { contributeWithoutPayment: true, payOutWithdrawals: false, ...config.policy },
  });

  return createSubgraphService({
    typeDefs,
    tls: config.tls,
    audit: { log: createAuditLog(mysql.pool, config.log), queryField: 'ledgerAuditLog' },
    // Partner keys (docs/DECISIONS.md, "Partner access"): scopes checked before every root field.
    authorizeRootField: (context, operation) => partnerScope(context.viewer, operation),
    resolvers,
    context: contexts.http,
    subscriptions: { context: contexts.subscription },
    metrics,
    log: config.log,
    readiness,
    routes: { '/webhooks/stripe': stripeWebhookRoute(payments) },
    // The sweeper, relay and consumer stop first: their last pass still has Redis and MySQL.
    onClose: [
      async () => expiry?.stop(),
      async () => fees?.stop(),
      () => relay.stop(),
      async () => poolFacts?.stop(),
      () => poolEvents.close(),
      ...close,
    ],
  });
}
