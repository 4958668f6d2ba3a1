import { describe, expect, it } from 'vitest';
import { ledgerEventsStream, parseLedgerEvent, type LedgerEvent } from '@poolgraph/events';
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
  it('announces every posted transaction on the ledger.events stream with the cash after it', async () => {
    const pool = await openPoolWithMembers(ls, 1);
    const redis = connectRedis(TEST_REDIS_URL, createLogger('test', 'silent'), 'reader');
    const stream = ledgerEventsStream(ls.stack.redisPrefix);
    // Read on from the newest entry as it is now, so the trim (acknowledged entries go every
    // 10 s) cannot take these events before the test sees them.
    let after = (await redis.xrevrange(stream, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
    const heard: LedgerEvent[] = [];
    const readOn = async () => {
      const reply = (await redis.xread('STREAMS', stream, after)) as Array<
        [string, Array<[string, string[]]>]
      > | null;
      for (const [id, fields] of reply?.[0]?.[1] ?? []) {
        after = id;
        const event = parseLedgerEvent(fields[fields.indexOf('event') + 1]!);
        if (event.payload.poolId === pool.id) heard.push(event);
      }
      return heard.length;
    };
    const first = await contribute(ls, pool.id, pool.members[0]!, '20.00');
    const second = await contribute(ls, pool.id, pool.members[0]!, '5.00');
    await expect.poll(readOn, { timeout: 5_000, interval: 20 }).toBe(2);
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
    await redis.quit();
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
