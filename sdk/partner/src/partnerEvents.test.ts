import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePartnerEvent, type PartnerEvent } from './partnerEvents.ts';
import { verifyPartnerEvent, verifyWebhook, WebhookVerificationError } from './webhooks.ts';

/** Bodies as the alerts service writes them (alerts README, "Partner webhooks"). */
const envelope = {
  deliveryId: '019a0000-0000-7000-8000-000000000001',
  eventId: '019a0000-0000-7000-8000-000000000002',
  occurredAt: '2026-12-06T08:00:00.000Z',
  poolId: 'pool-1',
  apiKeyId: 'key-1',
  webhookId: 'hook-1',
};
const transaction = {
  id: 'tx-1',
  poolId: 'pool-1',
  investorId: 'inv-1',
  type: 'CONTRIBUTION',
  status: 'POSTED',
  amount: { amount: '20.00', currency: 'USD' },
  cashBalance: { amount: '-5.50', currency: 'USD' },
};
const posted = { ...envelope, type: 'TRANSACTION_POSTED', data: { transaction, poolName: 'A' } };
const alert = {
  id: 'alert-1',
  poolId: 'pool-1',
  kind: 'LARGE_TRANSACTION',
  message: 'Contribution of 20.00 USD is 20% of the target',
  transactionId: 'tx-1',
  observedCount: null,
  baselineCount: null,
  raisedAt: '2026-12-06T08:00:00.000Z',
};
const raised = { ...envelope, type: 'ALERT_RAISED', data: { alert, poolName: 'A' } };
const payment = {
  transactionId: 'tx-1',
  poolId: 'pool-1',
  investorId: 'inv-1',
  method: 'BANK_TRANSFER',
  amount: { amount: '5.00', currency: 'USD' },
  received: { amount: '25.00', currency: 'USD' },
  contributionStatus: 'POSTED',
};
const held = { ...envelope, type: 'PAYMENT_HELD', data: { payment, poolName: 'A' } };

/** What the parser says about `value`: the typed event, or its refusal's message. */
const outcome = (value: unknown): PartnerEvent | string => {
  try {
    return parsePartnerEvent(value);
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
};

describe('parsePartnerEvent', () => {
  it('types each event by its type', () => {
    const event = parsePartnerEvent(posted);
    if (event.type !== 'TRANSACTION_POSTED') throw new Error('narrowed wrongly');
    expect(event.data.transaction.amount).toEqual({ amount: '20.00', currency: 'USD' });
    const voided = { ...transaction, status: 'VOIDED', investorId: null, type: 'FEE' };
    const other = {
      ...posted,
      type: 'TRANSACTION_VOIDED',
      data: { transaction: voided, poolName: 'A' },
    };
    expect(outcome(other)).toEqual(other);
    const alertEvent = parsePartnerEvent(raised);
    expect(alertEvent.type === 'ALERT_RAISED' && alertEvent.data.alert.kind).toBe(
      'LARGE_TRANSACTION',
    );
    const spike = {
      ...alert,
      kind: 'TRANSACTION_SPIKE',
      transactionId: null,
      observedCount: 9,
      baselineCount: 2,
    };
    expect(outcome({ ...raised, data: { alert: spike, poolName: 'A' } })).toMatchObject({
      type: 'ALERT_RAISED',
    });
    const heldEvent = parsePartnerEvent(held);
    if (heldEvent.type !== 'PAYMENT_HELD') throw new Error('narrowed wrongly');
    expect(heldEvent.data.payment.received.amount).toBe('25.00');
    const refunded = { ...held, type: 'PAYMENT_REFUNDED' };
    expect(outcome(refunded)).toEqual(refunded);
  });

  it('refuses what is not a partner event, naming the fields', () => {
    expect(outcome(null)).toMatch(/event is not an object/);
    expect(outcome([posted])).toMatch(/event is not an object/);
    // An alert notification's body (addNotificationChannel) is not a partner event.
    expect(outcome({ deliveryId: 'd-1', alert })).toMatch(/event\.eventId/);
    expect(outcome({ ...posted, type: 'TRANSACTION_PENDING' })).toMatch(/event\.type/);
    expect(outcome({ ...posted, occurredAt: 'yesterday' })).toMatch(/event\.occurredAt/);
    const { apiKeyId: _, ...noKey } = posted;
    expect(outcome(noKey)).toMatch(/event\.apiKeyId/);
    expect(outcome({ ...posted, data: 'x' })).toMatch(/event\.data is not an object/);
    // The data of another type, or of another pool.
    expect(outcome({ ...posted, data: raised.data })).toMatch(/event\.data\.transaction is not/);
    expect(outcome({ ...raised, data: posted.data })).toMatch(/event\.data\.alert is not/);
    expect(outcome({ ...held, data: posted.data })).toMatch(/event\.data\.payment is not/);
    expect(outcome({ ...posted, type: 'toString' })).toMatch(/event\.type/);
    const elsewhere = { ...transaction, poolId: 'pool-2' };
    expect(outcome({ ...posted, data: { transaction: elsewhere, poolName: 'A' } })).toMatch(
      /transaction\.poolId is not the event's pool/,
    );
    expect(outcome({ ...posted, data: { transaction } })).toMatch(/event\.data\.poolName/);
  });

  it('refuses wrong field values inside data', () => {
    const tx = (change: Record<string, unknown>) =>
      outcome({ ...posted, data: { transaction: { ...transaction, ...change }, poolName: 'A' } });
    expect(tx({ amount: { amount: 20, currency: 'USD' } })).toMatch(/transaction\.amount/);
    expect(tx({ amount: { amount: '1e3', currency: 'USD' } })).toMatch(/transaction\.amount/);
    expect(tx({ cashBalance: { amount: '1.00' } })).toMatch(/transaction\.cashBalance/);
    expect(tx({ type: 'GIFT' })).toMatch(/transaction\.type/);
    expect(tx({ status: 'posted' })).toMatch(/transaction\.status/);
    expect(tx({ investorId: undefined })).toMatch(/transaction\.investorId/);
    expect(tx({ amount: null, cashBalance: null })).toMatchObject({ type: 'TRANSACTION_POSTED' });
    const al = (change: Record<string, unknown>) =>
      outcome({ ...raised, data: { alert: { ...alert, ...change }, poolName: 'A' } });
    expect(al({ kind: 'OTHER' })).toMatch(/alert\.kind/);
    expect(al({ observedCount: -1 })).toMatch(/alert\.observedCount/);
    expect(al({ baselineCount: 1.5 })).toMatch(/alert\.baselineCount/);
    expect(al({ raisedAt: null })).toMatch(/alert\.raisedAt/);
    const pay = (change: Record<string, unknown>) =>
      outcome({ ...held, data: { payment: { ...payment, ...change }, poolName: 'A' } });
    expect(pay({ method: 'CASH' })).toMatch(/payment\.method/);
    expect(pay({ received: null })).toMatch(/payment\.received/);
    expect(pay({ contributionStatus: 'PENDING' })).toMatch(/payment\.contributionStatus/);
    expect(pay({ poolId: 'pool-2' })).toMatch(/payment\.poolId is not the event's pool/);
  });
});

describe('verifyPartnerEvent', () => {
  const SECRET = 'ab'.repeat(32);
  const NOW = Date.UTC(2026, 11, 6, 8);
  const signed = (value: unknown) => {
    const body = JSON.stringify(value);
    const timestamp = String(NOW / 1000);
    const mac = createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex');
    const headers = {
      'x-poolgraph-timestamp': timestamp,
      'x-poolgraph-signature': `sha256=${mac}`,
    };
    return { secret: SECRET, body, headers, now: NOW };
  };
  const reason = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(WebhookVerificationError);
      return (error as WebhookVerificationError).reason;
    }
    return 'accepted';
  };

  it('answers the typed event of a signed partner delivery', () => {
    expect(verifyPartnerEvent(signed(raised))).toEqual(raised);
  });

  it('refuses a signed body that is not a partner event, and a bad signature first', () => {
    const notification = signed({ deliveryId: 'd-1', alert });
    expect(reason(() => verifyPartnerEvent(notification))).toBe('BAD_BODY');
    expect(verifyWebhook(notification).alert.id).toBe('alert-1');
    expect(reason(() => verifyPartnerEvent({ ...signed(posted), secret: 'cd'.repeat(32) }))).toBe(
      'BAD_SIGNATURE',
    );
    expect(reason(() => verifyPartnerEvent({ ...signed(posted), now: NOW + 301_000 }))).toBe(
      'STALE_TIMESTAMP',
    );
  });
});
