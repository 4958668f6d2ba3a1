import { describe, expect, it } from 'vitest';
import type { PaymentRow } from '../data/payments.ts';
import { lookUpPoolPayments, MAX_POOL_PROVIDER_LOOKUPS } from './poolLookups.ts';
import type { PaymentAdapter } from './provider.ts';

/** A provider that answers every lookup as succeeded, counting them. */
function countingProvider() {
  const asked: string[] = [];
  const adapter = {
    provider: 'stripe',
    method: 'CARD',
    async state(payment: PaymentRow) {
      asked.push(payment.providerPaymentId!);
      return { state: 'succeeded', status: 'succeeded', amountReceived: payment.amount } as const;
    },
  } as unknown as PaymentAdapter;
  return { adapter, asked };
}

const payment = (n: number, providerPaymentId: string | null = `pi_${n}`) =>
  ({
    provider: 'stripe',
    providerPaymentId,
    transactionId: `tx-${n}`,
    amount: 100n,
    currency: 'USD',
  }) as unknown as PaymentRow;

describe("a pool's provider lookups", () => {
  it('asks once per opened card payment of the pool, and never about one not opened yet', async () => {
    const { adapter, asked } = countingProvider();
    const found = await lookUpPoolPayments(adapter, [payment(1), payment(2), payment(3, null)], 30);
    expect(asked.sort()).toEqual(['pi_1', 'pi_2']);
    expect(found.map((f) => f.providerPaymentId).sort()).toEqual(['pi_1', 'pi_2']);
  });

  it(`refuses a window with more than ${MAX_POOL_PROVIDER_LOOKUPS} card payments before asking anything`, async () => {
    const { adapter, asked } = countingProvider();
    const many = Array.from({ length: MAX_POOL_PROVIDER_LOOKUPS + 1 }, (_v, n) => payment(n));
    await expect(lookUpPoolPayments(adapter, many, 365)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'days' },
    });
    expect(asked).toEqual([]);
  });
});
