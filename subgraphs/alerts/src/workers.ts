import type { StreamConsumer } from '@poolgraph/events';
import { annotateActiveSpan, type Logger, type RedisClient } from '@poolgraph/platform';
import type { AlertsDb } from './db/index.ts';
import { createSpikeDetector } from './detection/spikeDetector.ts';
import { alertsRaisedChannel } from './events/alertChannel.ts';
import { startDetectionConsumer } from './events/ledgerConsumer.ts';
import { startPoolFactsConsumer } from './events/poolConsumer.ts';
import type { RetryPolicy } from './notify/backoff.ts';
import { startDispatcher, type Dispatcher } from './notify/dispatcher.ts';
import type { Mailer } from './notify/email.ts';
import type { AlertsMetrics } from './metrics.ts';

export interface AlertsWorkerOptions {
  db: AlertsDb;
  redis: RedisClient;
  /** The deployment's shared prefix: streams, the alerts channel and detector keys. */
  redisPrefix: string;
  log: Logger;
  /** Stable per replica (default: the host name). */
  consumerName?: string;
  mailer?: Mailer;
  production: boolean;
  retry?: RetryPolicy;
  pollIntervalMs?: number;
  claimIdleMs?: number;
  webhookTimeoutMs?: number;
  metrics?: AlertsMetrics;
}

export interface AlertsWorker {
  dispatcher: Dispatcher;
  stop(): Promise<void>;
}

/**
 * Everything alerts does in the background, in the subgraph's process or alone
 * (`npm run alerts:worker`), any number of replicas: pool facts from `pools.events`, detection
 * from `ledger.events`, and the notification dispatcher.
 */
export function startAlertsWorker(options: AlertsWorkerOptions): AlertsWorker {
  const { db, redis, log, redisPrefix } = options;
  const dispatcher = startDispatcher({
    db,
    log: log.child({ component: 'dispatcher' }),
    mailer: options.mailer,
    production: options.production,
    retry: options.retry,
    pollIntervalMs: options.pollIntervalMs,
    timeoutMs: options.webhookTimeoutMs,
    onAttempt: (outcome, channel) => options.metrics?.deliveries.inc({ outcome, channel }),
  });
  const channel = alertsRaisedChannel(redisPrefix);
  const consumers: StreamConsumer[] = [
    startPoolFactsConsumer({
      db,
      redis,
      eventsPrefix: redisPrefix,
      consumerName: options.consumerName,
      log: log.child({ component: 'pool-facts' }),
    }),
    startDetectionConsumer({
      db,
      redis,
      eventsPrefix: redisPrefix,
      consumerName: options.consumerName,
      claimIdleMs: options.claimIdleMs,
      detector: createSpikeDetector(redis, redisPrefix),
      log: log.child({ component: 'detection' }),
      onRaised: (alerts) => {
        dispatcher.notify();
        for (const alert of alerts) {
          options.metrics?.raised.inc({ kind: alert.kind });
          annotateActiveSpan('alert raised', { 'alert.id': alert.id, 'alert.kind': alert.kind });
          // Live delivery is best effort (the inbox and the outbox are the reliable paths).
          redis.publish(channel, JSON.stringify(alert)).catch((error: unknown) => {
            log.warn({ err: error, alertId: alert.id }, 'alertRaised publish failed');
          });
        }
      },
    }),
  ];
  return {
    dispatcher,
    async stop() {
      await Promise.all(consumers.map((c) => c.stop()));
      await dispatcher.stop();
    },
  };
}
