import { formatMoneyText } from '@poolgraph/money';
import { uuidv7 } from '@poolgraph/platform';
import type { AlertsQueryable } from '../db/index.ts';
import { insertAlert, type AlertRow, type NewAlert } from '../data/alerts.ts';
import { selectEnabledChannels } from '../data/channels.ts';
import { insertNotifications } from '../data/notifications.ts';
import { insertOutboxEvents } from '../data/outbox.ts';
import type { PoolFactsRow } from '../data/poolFacts.ts';
import { ALERT_RAISED } from '../events/alertStream.ts';

export type AlertDraft = Pick<
  NewAlert,
  'kind' | 'message' | 'transactionId' | 'observedCount' | 'baselineCount'
> & { sourceEventId: string };

/**
 * Persists an alert and its notification outbox rows in the caller's transaction: the in-app
 * one (delivered by being written) and one PENDING row per enabled webhook/email channel of the
 * pool's manager, which the dispatcher delivers after commit; and its AlertRaised event in the
 * outbox, which the relay publishes to the stream the live subscriptions tail.
 */
export type ChannelsOf = (
  tx: AlertsQueryable,
  managerId: string,
) => Promise<Array<{ id: string; kind: 'WEBHOOK' | 'EMAIL' }>>;

/** Channels read once per manager per transaction (a batch raises many alerts of one manager). */
export function channelsOnce(): ChannelsOf {
  const byManager = new Map<string, ReturnType<ChannelsOf>>();
  return (tx, managerId) => {
    let channels = byManager.get(managerId);
    if (!channels) byManager.set(managerId, (channels = selectEnabledChannels(tx, managerId)));
    return channels;
  };
}

export async function raiseAlert(
  tx: AlertsQueryable,
  facts: Pick<PoolFactsRow, 'poolId' | 'managerId'>,
  draft: AlertDraft,
  channelsOf: ChannelsOf = selectEnabledChannels,
  now = new Date(),
): Promise<AlertRow> {
  const alert: AlertRow = {
    id: uuidv7(),
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
  };
  await insertAlert(tx, { ...alert, sourceEventId: draft.sourceEventId });
  const channels = await channelsOf(tx, facts.managerId);
  await insertNotifications(tx, [
    {
      id: uuidv7(),
      alertId: alert.id,
      managerId: facts.managerId,
      channel: 'IN_APP',
      channelId: null,
      status: 'DELIVERED',
      deliveredAt: now,
    },
    ...channels.map((c) => ({
      id: uuidv7(),
      alertId: alert.id,
      managerId: facts.managerId,
      channel: c.kind,
      channelId: c.id,
      status: 'PENDING' as const,
    })),
  ]);
  await insertOutboxEvents(tx, [
    { id: uuidv7(), type: ALERT_RAISED, aggregateId: alert.id, payload: alert, occurredAt: now },
  ]);
  return alert;
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
