import { Counter, Gauge, type Registry } from '@poolgraph/platform';
import { countUndeliveredNotifications } from './data/notifications.ts';
import type { AlertsDb } from './db/index.ts';

export interface AlertsMetrics {
  raised: Counter<'kind'>;
  deliveries: Counter<'outcome' | 'channel'>;
}

/**
 * The alerts subgraph's own metrics: alerts raised (by this process's detection), delivery
 * attempts by outcome, and, read at scrape time from the database, notifications waiting and
 * dead-lettered (the same numbers whichever replica is scraped).
 */
export function createAlertsMetrics(registry: Registry, db: AlertsDb): AlertsMetrics {
  let counts: { at: number; value: ReturnType<typeof countUndeliveredNotifications> } | undefined;
  const undelivered = () => {
    if (!counts || Date.now() - counts.at > 1_000) {
      counts = { at: Date.now(), value: countUndeliveredNotifications(db) };
      counts.value.catch(() => (counts = undefined));
    }
    return counts.value;
  };
  new Gauge({
    name: 'alert_notifications_pending',
    help: 'Webhook and email notifications not delivered yet (first try or awaiting a retry)',
    registers: [registry],
    async collect() {
      this.set((await undelivered()).pending);
    },
  });
  new Gauge({
    name: 'alert_notifications_dead',
    help: 'Notifications given up on after their last retry (dead letters; replayable)',
    registers: [registry],
    async collect() {
      this.set((await undelivered()).dead);
    },
  });
  const metrics = {
    raised: new Counter({
      name: 'alerts_raised_total',
      help: 'Alerts raised by detection in this process, by kind',
      labelNames: ['kind'],
      registers: [registry],
    }),
    deliveries: new Counter({
      name: 'alert_notification_attempts_total',
      help: "Notification delivery attempts by outcome (delivered, retry, dead) and channel kind (NOTICE_EMAIL: investors' notices)",
      labelNames: ['outcome', 'channel'],
      registers: [registry],
    }),
  };
  // Every series from zero, so rates and alerts see the first increment.
  for (const kind of ['LARGE_TRANSACTION', 'TRANSACTION_SPIKE']) metrics.raised.inc({ kind }, 0);
  for (const outcome of ['delivered', 'retry', 'dead']) {
    // NOTICE_EMAIL: investors' notices by email; PARTNER: partner webhooks (notify/partnerDispatch.ts).
    for (const channel of ['WEBHOOK', 'EMAIL', 'NOTICE_EMAIL', 'PARTNER']) {
      metrics.deliveries.inc({ outcome, channel }, 0);
    }
  }
  return metrics;
}
