import { consumeLedgerEvents, type StreamConsumer } from '@poolgraph/events';
import {
  annotateActiveSpan,
  createSessionRevocations,
  type Keyring,
  type Logger,
  type Mailer,
  type MysqlPool,
  type RedisClient,
  type Registry,
} from '@poolgraph/platform';
import type { AlertsDb } from './db/index.ts';
import { createSpikeDetector } from './detection/spikeDetector.ts';
import { detectionHandler } from './events/ledgerEvents.ts';
import { startPoolFactsConsumer } from './events/poolConsumer.ts';
import { startUsersConsumer } from './events/userConsumer.ts';
import type { Noticed } from './events/noticeEvents.ts';
import { createAlertsRelay } from './events/relay.ts';
import type { RetryPolicy } from './notify/backoff.ts';
import { startDispatcher, type Dispatcher } from './notify/dispatcher.ts';
import type { AlertsMetrics } from './metrics.ts';

export interface AlertsWorkerOptions {
  db: AlertsDb;
  /** The same database's mysql2 pool: the outbox relay holds its lock on a connection of it. */
  pool: MysqlPool;
  redis: RedisClient;
  /** The deployment's shared prefix: streams (alerts.raised too) and detector keys. */
  redisPrefix: string;
  log: Logger;
  /** Stable per replica (default: the host name). */
  consumerName?: string;
  mailer?: Mailer;
  /** Opens the webhook secrets for delivery (SECRETS_KEK and SECRETS_KEK_PREVIOUS). */
  secrets: Keyring;
  production: boolean;
  retry?: RetryPolicy;
  pollIntervalMs?: number;
  claimIdleMs?: number;
  webhookTimeoutMs?: number;
  metrics?: AlertsMetrics;
  /** Where the outbox relay registers its metrics (outbox lag). */
  registry?: Registry;
  relayPollIntervalMs?: number;
}

export interface AlertsWorker {
  dispatcher: Dispatcher;
  /** Wakes the relay: a request wrote outbox rows (e.g. NoticesRead). */
  notifyRelay(): void;
  stop(): Promise<void>;
}

/**
 * Everything alerts does in the background, in the subgraph's process or alone
 * (`npm run alerts:worker`), any number of replicas: pool facts from `pools.events`, investors'
 * addresses and partner keys' facts from `users.events`, detection from `ledger.events`, the
 * notification dispatcher (alerts' notifications, notices' emails and partner webhooks), and the
 * outbox relay that publishes
 * AlertRaised events to `alerts.raised` (the live subscriptions' stream). The relay runs
 * wherever detection runs, so alerts raised by a standalone worker go live without waiting
 * for a subgraph process (its GET_LOCK keeps several relays to one publisher at a time).
 */
export function startAlertsWorker(options: AlertsWorkerOptions): AlertsWorker {
  const { db, redis, log, redisPrefix } = options;
  const dispatcher = startDispatcher({
    db,
    log: log.child({ component: 'dispatcher' }),
    mailer: options.mailer,
    secrets: options.secrets,
    production: options.production,
    retry: options.retry,
    pollIntervalMs: options.pollIntervalMs,
    timeoutMs: options.webhookTimeoutMs,
    // The list every service checks tokens against (the users subgraph writes it on revokeApiKey).
    revocations: createSessionRevocations(redis, redisPrefix),
    onAttempt: (outcome, channel) => options.metrics?.deliveries.inc({ outcome, channel }),
  });
  const relay = createAlertsRelay({
    pool: options.pool,
    redis,
    redisPrefix,
    log,
    registry: options.registry,
    pollIntervalMs: options.relayPollIntervalMs,
  });
  relay.start();
  // Committed notices: their NoticeCreated events are in the outbox, their emails (if any) in
  // notice_deliveries; publish and send them now.
  const onNoticed = ({ emails }: Noticed) => {
    relay.notify();
    dispatcher.notify({ noticeEmails: emails });
  };
  const consumers: StreamConsumer[] = [
    startPoolFactsConsumer({
      db,
      redis,
      eventsPrefix: redisPrefix,
      consumerName: options.consumerName,
      log: log.child({ component: 'pool-facts' }),
      onNoticed,
    }),
    startUsersConsumer({
      db,
      redis,
      redisPrefix,
      consumerName: options.consumerName,
      log: log.child({ component: 'users-events' }),
    }),
    consumeLedgerEvents({
      db,
      redis,
      redisPrefix,
      consumer: options.consumerName,
      claimIdleMs: options.claimIdleMs,
      registry: options.registry,
      log: log.child({ component: 'detection' }),
      handler: detectionHandler({
        db,
        detector: createSpikeDetector(redis, redisPrefix),
        log: log.child({ component: 'detection' }),
        onNoticed,
        onDeliveries: (work) => dispatcher.notify(work),
        onRaised: (alerts) => {
          // Committed: their AlertRaised events are in the outbox; the relay publishes them now
          // (its poll catches up after a crash between commit and this call).
          relay.notify();
          for (const alert of alerts) {
            options.metrics?.raised.inc({ kind: alert.kind });
            annotateActiveSpan('alert raised', { 'alert.id': alert.id, 'alert.kind': alert.kind });
          }
        },
      }),
    }),
  ];
  return {
    dispatcher,
    notifyRelay: () => relay.notify(),
    async stop() {
      await Promise.all(consumers.map((c) => c.stop()));
      await Promise.all([dispatcher.stop(), relay.stop()]);
    },
  };
}
