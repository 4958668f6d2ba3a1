import { describe, expect, it } from 'vitest';
import type { TransactionStepEvent } from '@poolgraph/events';
import { capitalCallNotices, transactionNotices } from './notices.ts';

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
