import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ledgerEventsStream, poolEventsStream } from '@poolgraph/events';
import { uuidv7 } from '@poolgraph/platform';

/** Writes events as the pools and ledger relays do (one `event` field of JSON per entry). */
export async function publishPoolChanged(
  redis: Redis,
  prefix: string,
  pool: {
    poolId: string;
    managerId: string;
    revision?: number;
    targetMinor?: string | null;
    name?: string;
  },
) {
  const event = {
    id: uuidv7(),
    type: 'PoolChanged',
    occurredAt: new Date().toISOString(),
    payload: {
      poolId: pool.poolId,
      revision: pool.revision ?? 1,
      name: pool.name ?? 'Stream pool',
      currency: 'USD',
      managerId: pool.managerId,
      status: 'OPEN',
      targetMinor: pool.targetMinor === undefined ? '10000000' : pool.targetMinor,
      committedMinor: '0',
      calledMinor: '0',
      memberCount: 0,
    },
  };
  await redis.xadd(poolEventsStream(prefix), '*', 'event', JSON.stringify(event));
}

/** `count` TransactionPosted events for a pool, pipelined; returns their event ids. */
export async function publishContributions(
  redis: Redis,
  prefix: string,
  poolId: string,
  count: number,
  amountMinor: string,
  occurredAt = () => new Date(),
): Promise<string[]> {
  const ids: string[] = [];
  const pipeline = redis.pipeline();
  for (let i = 0; i < count; i++) {
    const id = uuidv7();
    ids.push(id);
    const event = {
      id,
      type: 'TransactionPosted',
      occurredAt: occurredAt().toISOString(),
      payload: {
        transactionId: uuidv7(),
        poolId,
        investorId: randomUUID(),
        type: 'CONTRIBUTION',
        amountMinor,
        currency: 'USD',
        cashBalanceMinor: '0',
      },
    };
    pipeline.xadd(ledgerEventsStream(prefix), '*', 'event', JSON.stringify(event));
  }
  await pipeline.exec();
  return ids;
}
