import type { OutboxInsert } from '@poolgraph/events';
import { formatMoneyText } from '@poolgraph/money';
import { monotonicUuidv7, uuidv7 } from '@poolgraph/platform';
import type { AlertsQueryable } from '../db/index.ts';
import { insertAlerts, type AlertRow, type NewAlert } from '../data/alerts.ts';
import { selectEnabledChannelsOf } from '../data/channels.ts';
import { insertNotifications, type NewNotification } from '../data/notifications.ts';
import type { PoolFactsRow } from '../data/poolFacts.ts';
import { ALERT_RAISED } from '../events/alertStream.ts';

export type AlertDraft = Pick<
  NewAlert,
  'kind' | 'message' | 'transactionId' | 'observedCount' | 'baselineCount'
> & { sourceEventId: string };

/** An alert to raise: the pool it is about (and its manager), and what it says. */
export interface AlertToRaise {
  facts: Pick<PoolFactsRow, 'poolId' | 'managerId'>;
  draft: AlertDraft;
}

/**
 * Persists alerts and their notification outbox rows in the caller's transaction: for each
 * alert the in-app row (delivered by being written) and one PENDING row per enabled webhook or
 * email channel of the pool's manager, which the dispatcher delivers after commit. Three
 * statements whatever the number of alerts (the alerts, their managers' channels, the
 * notification rows); the channels are a non-locking read from `reader`, which may be another
 * connection than the transaction's, so the read runs beside the alerts' insert. Each alert's
 * AlertRaised event goes to `outbox`, which the caller writes in the same transaction (the relay
 * publishes it to the stream the live subscriptions tail). `pending` counts the rows the
 * dispatcher has to deliver.
 */
export async function raiseAlerts(
  tx: AlertsQueryable,
  toRaise: readonly AlertToRaise[],
  outbox: OutboxInsert[],
  reader: AlertsQueryable = tx,
  now = new Date(),
): Promise<{ alerts: AlertRow[]; pending: number }> {
  if (toRaise.length === 0) return { alerts: [], pending: 0 };
  const alerts: AlertRow[] = toRaise.map(({ facts, draft }) => ({
    // Increasing, as notices' (services/notices.ts): alerts list by (raisedAt, id).
    id: monotonicUuidv7(),
    poolId: facts.poolId,
    managerId: facts.managerId,
    kind: draft.kind,
    message: draft.message.slice(0, 500),
    transactionId: draft.transactionId,
    observedCount: draft.observedCount,
    baselineCount: draft.baselineCount,
    status: 'OPEN',
    raisedAt: now,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
  }));
  const [, channels] = await Promise.all([
    insertAlerts(
      tx,
      alerts.map((alert, i) => ({ ...alert, sourceEventId: toRaise[i]!.draft.sourceEventId })),
    ),
    selectEnabledChannelsOf(reader, [...new Set(alerts.map((a) => a.managerId))]),
  ]);
  const rows: NewNotification[] = alerts.flatMap((alert) => [
    {
      id: uuidv7(),
      alertId: alert.id,
      managerId: alert.managerId,
      channel: 'IN_APP',
      channelId: null,
      status: 'DELIVERED',
      deliveredAt: now,
    },
    ...channels
      .filter((c) => c.managerId === alert.managerId)
      .map((c) => ({
        id: uuidv7(),
        alertId: alert.id,
        managerId: alert.managerId,
        channel: c.kind,
        channelId: c.id,
        status: 'PENDING' as const,
      })),
  ]);
  await insertNotifications(tx, rows);
  for (const alert of alerts) {
    outbox.push({
      id: uuidv7(),
      type: ALERT_RAISED,
      aggregateId: alert.id,
      payload: alert,
      occurredAt: now,
    });
  }
  return { alerts, pending: rows.length - alerts.length };
}

const TYPE_WORDS: Record<string, string> = {
  CONTRIBUTION: 'contribution',
  DISTRIBUTION: 'distribution',
  FEE: 'fee',
  WITHDRAWAL: 'withdrawal',
  PROCEEDS: 'proceeds receipt',
};

export function largeTransactionMessage(
  type: string,
  amountMinor: bigint,
  thresholdMinor: bigint,
  currency: string,
  poolName: string,
): string {
  return (
    `A ${TYPE_WORDS[type] ?? 'transaction'} of ${formatMoneyText(amountMinor, currency)} ` +
    `in ${poolName} exceeds the threshold of ${formatMoneyText(thresholdMinor, currency)}.`
  );
}

const duration = (seconds: number) =>
  seconds % 3600 === 0
    ? `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`
    : seconds % 60 === 0
      ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}`
      : `${seconds} seconds`;

export function spikeMessage(
  observed: number,
  baseline: number,
  windowSeconds: number,
  baselineSeconds: number,
  poolName: string,
): string {
  const head = `${observed} transactions in ${duration(windowSeconds)} in ${poolName}`;
  if (baseline === 0) return `${head}; there were none in the ${duration(baselineSeconds)} before.`;
  const times = (observed / baseline).toFixed(1);
  return `${head}, ${times} times the usual ${baseline.toFixed(1)} per ${duration(windowSeconds)}.`;
}
