import { describe, expect, it } from 'vitest';
import { parseLedgerEvent, type LedgerEvent } from '@poolgraph/events';
import { connectRedis, createLogger } from '@poolgraph/platform';
import { TEST_REDIS_URL } from '@poolgraph/testing';
import {
  contribute,
  expectData,
  openPoolWithMembers,
  POOL_MONEY,
  useLedgerStack,
} from './helpers.ts';

const ls = useLedgerStack();

describe('live events', () => {
  it("announces every posted transaction on the pool's channel with the cash after it", async () => {
    const pool = await openPoolWithMembers(ls, 1);
    const subscriber = connectRedis(TEST_REDIS_URL, createLogger('test', 'silent'), 'subscriber');
    const heard: LedgerEvent[] = [];
    subscriber.on('pmessage', (_pattern, _channel, message: string) =>
      heard.push(parseLedgerEvent(message)),
    );
    await subscriber.psubscribe(`*ledger.pool.${pool.id}`);
    const first = await contribute(ls, pool.id, pool.members[0]!, '20.00');
    const second = await contribute(ls, pool.id, pool.members[0]!, '5.00');
    await expect.poll(() => heard.length, { timeout: 5_000 }).toBe(2);
    expect(heard.map((e) => [e.type, e.payload.transactionId, e.payload.cashBalanceMinor])).toEqual(
      [
        ['TransactionPosted', first.id, '2000'],
        ['TransactionPosted', second.id, '2500'],
      ],
    );
    expect(heard[0]!.payload).toMatchObject({
      poolId: pool.id,
      investorId: pool.members[0]!.userId,
      type: 'CONTRIBUTION',
      amountMinor: '2000',
      currency: 'USD',
    });
    await subscriber.quit();
  });

  it('shows a pool without transactions as zero in its currency', async () => {
    const pool = await openPoolWithMembers(ls, 0, 'JPY');
    const money = expectData(
      await ls.gql<{ pool: Record<string, { amount: string; currency?: string }> }>(
        POOL_MONEY,
        { id: pool.id },
        pool.manager,
      ),
    );
    expect(money.pool.cashBalance).toEqual({ amount: '0', currency: 'JPY' });
  });
});
