import { isTransactionStep, type LedgerStreamEvent } from '@poolgraph/events';
import { formatAmount } from '@poolgraph/money';
import { uuidv7 } from '@poolgraph/platform';
import type { AlertsQueryable } from '../db/index.ts';
import type { PartnerEventType } from '../db/schema.ts';
import type { AlertRow } from '../data/alerts.ts';
import { insertPartnerDeliveries, type NewPartnerDelivery } from '../data/partnerDeliveries.ts';
import { selectWebhookTargets, type WebhookTarget } from '../data/partnerWebhooks.ts';
import { whyKeyMisses } from '../services/partnerEventRules.ts';

interface PoolEvent {
  eventId: string;
  type: PartnerEventType;
  poolId: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/** The ledger's events a partner webhook can receive, by the type it receives them as. */
const PARTNER_TYPES: Partial<Record<LedgerStreamEvent['type'], PartnerEventType>> = {
  TransactionPosted: 'TRANSACTION_POSTED',
  TransactionVoided: 'TRANSACTION_VOIDED',
  PaymentHeld: 'PAYMENT_HELD',
  PaymentRefunded: 'PAYMENT_REFUNDED',
};

const money = (minor: string | undefined, currency: string) =>
  minor === undefined ? null : { amount: formatAmount(BigInt(minor), currency), currency };

/** A ledger event as a partner receives it (amounts as the graph shows them). */
function ledgerEvent(event: LedgerStreamEvent, type: PartnerEventType): PoolEvent {
  const base = {
    eventId: event.id,
    type,
    poolId: event.payload.poolId,
    occurredAt: new Date(event.occurredAt),
  };
  if (!isTransactionStep(event)) {
    const p = event.payload;
    return {
      ...base,
      data: {
        payment: {
          transactionId: p.transactionId,
          poolId: p.poolId,
          investorId: p.investorId,
          method: p.method,
          amount: money(p.amountMinor, p.currency),
          received: money(p.receivedMinor, p.currency),
          contributionStatus: p.contributionStatus,
        },
      },
    };
  }
  const p = event.payload;
  return {
    ...base,
    data: {
      transaction: {
        id: p.transactionId,
        poolId: p.poolId,
        investorId: p.investorId,
        type: p.type,
        status: p.status ?? (type === 'TRANSACTION_VOIDED' ? 'VOIDED' : 'POSTED'),
        amount: money(p.amountMinor, p.currency),
        cashBalance: money(p.cashBalanceMinor, p.currency),
      },
    },
  };
}

function alertEvent(alert: AlertRow): PoolEvent {
  return {
    eventId: alert.id,
    type: 'ALERT_RAISED',
    poolId: alert.poolId,
    occurredAt: alert.raisedAt,
    data: {
      alert: {
        id: alert.id,
        poolId: alert.poolId,
        kind: alert.kind,
        message: alert.message,
        transactionId: alert.transactionId,
        observedCount: alert.observedCount,
        baselineCount: alert.baselineCount,
        raisedAt: alert.raisedAt.toISOString(),
      },
    },
  };
}

/** Posted and voided transactions, held and refunded money: what a partner webhook can receive. */
const forPartners = (events: readonly LedgerStreamEvent[]) =>
  events.filter((event) => PARTNER_TYPES[event.type]);

/**
 * The webhooks that may receive events of a read of `ledger.events` (one indexed query, nothing
 * when no key of the pools' managers has a webhook). The alerts the read raises are about the
 * same pools, so the query needs only the ledger's events: it runs beside the read's writes,
 * and takes no round trip of their transaction.
 */
export async function partnerTargetsOf(
  db: AlertsQueryable,
  events: readonly LedgerStreamEvent[],
): Promise<WebhookTarget[]> {
  const poolIds = new Set(forPartners(events).map((event) => event.payload.poolId));
  return poolIds.size ? selectWebhookTargets(db, [...poolIds]) : [];
}

/**
 * Partner webhook deliveries for a read of `ledger.events` (posted and voided transactions, held
 * and refunded money) and the alerts it raised, in the consumer's transaction: one row per
 * (event, webhook) whose key receives the event now (whyKeyMisses) and whose webhook asked for
 * its type, among `targets` (partnerTargetsOf). The events are built only when there is a
 * target. How many rows.
 */
export async function fanOutPartnerEvents(
  tx: AlertsQueryable,
  read: readonly LedgerStreamEvent[],
  raised: readonly AlertRow[],
  targets: readonly WebhookTarget[],
): Promise<number> {
  if (targets.length === 0) return 0;
  const events = [
    ...forPartners(read).map((event) => ledgerEvent(event, PARTNER_TYPES[event.type]!)),
    ...raised.map(alertEvent),
  ];
  const now = new Date();
  const rows: NewPartnerDelivery[] = [];
  for (const event of events) {
    for (const { pool, webhook, key } of targets) {
      if (pool.poolId !== event.poolId || !webhook.eventTypes.includes(event.type)) continue;
      if (whyKeyMisses(key, pool, event.type, now) !== null) continue;
      rows.push({
        id: uuidv7(),
        webhookId: webhook.id,
        keyId: key.keyId,
        eventId: event.eventId,
        eventType: event.type,
        poolId: event.poolId,
        payload: { ...event.data, poolName: pool.name },
        occurredAt: event.occurredAt,
      });
    }
  }
  await insertPartnerDeliveries(tx, rows);
  return rows.length;
}
