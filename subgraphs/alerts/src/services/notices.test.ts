import { describe, expect, it } from 'vitest';
import type { PaymentMoneyEvent, TransactionStepEvent } from '@poolgraph/events';
import { capitalCallNotices, paymentMoneyNotice, transactionNotices } from './notices.ts';

const step = (
  type: TransactionStepEvent['type'],
  payload: Partial<TransactionStepEvent['payload']>,
): TransactionStepEvent =>
  ({
    id: 'event-1',
    type,
    occurredAt: '2026-12-01T10:00:00.000Z',
    payload: {
      transactionId: 'tx-1',
      poolId: 'pool-1',
      investorId: 'ivy',
      type: 'CONTRIBUTION',
      amountMinor: '100000',
      currency: 'USD',
      cashBalanceMinor: '0',
      ...payload,
    },
  }) as TransactionStepEvent;

describe('transactionNotices', () => {
  it('says nothing of a pending step: only outcomes are news', () => {
    expect(transactionNotices(step('TransactionPending', { status: 'PENDING' }))).toEqual([]);
  });

  it('tells what arrived and what was started when a payment posts for less', () => {
    const [notice] = transactionNotices(
      step('TransactionPosted', { amountMinor: '90000', reservedAmountMinor: '100000' }),
    );
    expect(notice).toMatchObject({ kind: 'CONTRIBUTION_POSTED', amountMinor: 90000n });
    expect(notice!.message).toBe(
      'Your contribution of 900.00 USD was received (1000.00 USD was started).',
    );
  });

  it('gives a voided payment the amount it had reserved', () => {
    const [notice] = transactionNotices(
      step('TransactionVoided', { amountMinor: '100000', reservedAmountMinor: '100000' }),
    );
    expect(notice).toMatchObject({ kind: 'CONTRIBUTION_VOIDED', amountMinor: 100000n });
  });

  it("gives each member their share of a fee, skipping zero shares, and no one the pool's total", () => {
    const notices = transactionNotices(
      step('TransactionPosted', {
        type: 'FEE',
        investorId: null,
        amountMinor: '1000',
        allocations: [
          { investorId: 'ivy', amountMinor: '1000' },
          { investorId: 'zoe', amountMinor: '0' },
        ],
      }),
    );
    expect(notices.map((n) => [n.investorId, n.amountMinor])).toEqual([['ivy', 1000n]]);
    expect(notices[0]).toMatchObject({
      message: 'Your share of a fee: 10.00 USD.',
      feePeriodStart: null,
      feePeriodEnd: null,
    });
  });

  it('says a scheduled fee is the management fee for its period, and keeps the period', () => {
    const fee = (feePeriod: { start: string; end: string | null }) =>
      transactionNotices(
        step('TransactionPosted', {
          type: 'FEE',
          investorId: null,
          amountMinor: '2000',
          allocations: [{ investorId: 'ivy', amountMinor: '1200' }],
          feePeriod,
        }),
      )[0];
    const quarter = fee({ start: '2027-01-31T09:00:00.000Z', end: '2027-04-30T09:00:00.000Z' });
    expect(quarter).toMatchObject({
      kind: 'FEE',
      amountMinor: 1200n,
      message: 'Your share of the management fee for 2027-01-31 to 2027-04-30: 12.00 USD.',
      feePeriodStart: new Date('2027-01-31T09:00:00.000Z'),
      feePeriodEnd: new Date('2027-04-30T09:00:00.000Z'),
    });
    expect(fee({ start: '2027-01-31T09:00:00.000Z', end: null })).toMatchObject({
      message: 'Your share of the management fee (charged once) from 2027-01-31: 12.00 USD.',
      feePeriodEnd: null,
    });
  });

  it("shows a waterfall distribution's tiers, and none on a pro-rata one", () => {
    const [waterfall] = transactionNotices(
      step('TransactionPosted', {
        type: 'DISTRIBUTION',
        amountMinor: '12345',
        tiers: {
          returnOfCapitalMinor: '10000',
          preferredReturnMinor: '800',
          profitShareMinor: '1545',
        },
      }),
    );
    expect(waterfall).toMatchObject({
      kind: 'DISTRIBUTION',
      amountMinor: 12345n,
      returnOfCapitalMinor: 10000n,
      preferredReturnMinor: 800n,
      profitShareMinor: 1545n,
      message:
        'You received a distribution of 123.45 USD: 100.00 USD return of capital, 8.00 USD preferred return, 15.45 USD profit share.',
    });
    const [proRata] = transactionNotices(step('TransactionPosted', { type: 'DISTRIBUTION' }));
    expect(proRata).toMatchObject({ returnOfCapitalMinor: null, profitShareMinor: null });
    expect(proRata!.message).toBe('You received a distribution of 1000.00 USD.');
  });

  it('tells the manager the carry they received and each member the part they bore', () => {
    const notices = transactionNotices(
      step('TransactionPosted', {
        type: 'DISTRIBUTION',
        investorId: 'manager',
        amountMinor: '3000',
        allocations: [
          { investorId: 'ivy', amountMinor: '750' },
          { investorId: 'zoe', amountMinor: '2250' },
        ],
      }),
    );
    expect(notices.map((n) => [n.investorId, n.kind, n.amountMinor, n.message])).toEqual([
      ['manager', 'DISTRIBUTION', 3000n, 'You received carried interest of 30.00 USD.'],
      [
        'ivy',
        'CARRY',
        750n,
        'Carried interest of 30.00 USD was paid to the manager from a distribution; your part, borne by your capital: 7.50 USD.',
      ],
      [
        'zoe',
        'CARRY',
        2250n,
        'Carried interest of 30.00 USD was paid to the manager from a distribution; your part, borne by your capital: 22.50 USD.',
      ],
    ]);
  });
});

describe('capitalCallNotices', () => {
  it("tells each called member their part, with the call's percent as people write it", () => {
    const notices = capitalCallNotices({
      id: 'event-2',
      type: 'CapitalCalled',
      occurredAt: '2026-12-01T10:00:00.000Z',
      payload: {
        poolId: 'pool-1',
        callId: 'call-1',
        currency: 'JPY',
        percent: '12.5000',
        dueDate: '2027-01-04T00:00:00.000Z',
        items: [{ investorId: 'ivy', calledMinor: '1250' }],
      },
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toBe(
      'Capital call: 12.5% of your commitment, 1250 JPY, due 2027-01-04.',
    );
  });
});

describe('paymentMoneyNotice', () => {
  const money = (
    type: PaymentMoneyEvent['type'],
    payload: Partial<PaymentMoneyEvent['payload']>,
  ): PaymentMoneyEvent => ({
    id: 'event-2',
    type,
    occurredAt: '2026-12-01T10:00:00.000Z',
    payload: {
      transactionId: 'tx-1',
      poolId: 'pool-1',
      investorId: 'ivy',
      method: 'CARD',
      currency: 'USD',
      amountMinor: '2500',
      receivedMinor: '2500',
      contributionStatus: 'VOIDED',
      ...payload,
    },
  });

  it('tells the payer why their money is held and how it comes back, card or transfer', () => {
    const card = paymentMoneyNotice(money('PaymentHeld', {}));
    expect(card).toMatchObject({ investorId: 'ivy', kind: 'PAYMENT_HELD', amountMinor: 2500n });
    expect(card.message).toBe(
      '25.00 USD you paid arrived for a contribution the pool could no longer take; it is held for you and is being refunded to your card.',
    );
    const surplus = paymentMoneyNotice(
      money('PaymentHeld', {
        method: 'BANK_TRANSFER',
        amountMinor: '500',
        contributionStatus: 'POSTED',
      }),
    );
    expect(surplus.message).toBe(
      "5.00 USD more than your contribution arrived; it is held for you and the pool's manager will send it back to you.",
    );
  });

  it('gives notices written one after another increasing ids (the inbox order of one read)', () => {
    const ids = Array.from(
      { length: 50 },
      (_, i) => paymentMoneyNotice(money(i % 2 ? 'PaymentRefunded' : 'PaymentHeld', {})).id,
    );
    expect([...ids].sort()).toEqual(ids);
  });

  it('tells the payer what was paid back, and where', () => {
    const back = paymentMoneyNotice(money('PaymentRefunded', {}));
    expect(back).toMatchObject({ kind: 'PAYMENT_REFUNDED', transactionId: 'tx-1' });
    expect(back.message).toBe('25.00 USD was refunded to your card.');
  });
});
