import { uuidv7, type Redis } from '@poolgraph/platform';

export interface FeedOptions {
  poolId: string;
  investorIds: readonly string[];
  currency: string;
  count: number;
  /** Events per second, paced in 10 ms ticks. */
  rate: number;
}

/**
 * Appends `count` posted contributions straight to `ledger.events` at a steady rate, as the
 * ledger's relay would publish them (the same envelope, fresh event and transaction ids), so
 * that the consumers' cost per event can be measured at a chosen rate whatever the request
 * path manages on a shared machine. The ledger never sees them: only the consumers' read
 * models (settlement credit, notices, reports) do.
 */
export async function feedContributions(
  redis: Redis,
  stream: string,
  options: FeedOptions,
): Promise<void> {
  const started = performance.now();
  let sent = 0;
  let cash = 0n;
  while (sent < options.count) {
    const due = Math.min(
      options.count,
      Math.floor(((performance.now() - started) / 1000) * options.rate) + 1,
    );
    const pipeline = redis.pipeline();
    for (; sent < due; sent++) {
      cash += 1000n;
      const event = {
        id: uuidv7(),
        type: 'TransactionPosted',
        occurredAt: new Date().toISOString(),
        payload: {
          transactionId: uuidv7(),
          poolId: options.poolId,
          investorId: options.investorIds[sent % options.investorIds.length],
          type: 'CONTRIBUTION',
          amountMinor: '1000',
          currency: options.currency,
          cashBalanceMinor: cash.toString(),
        },
      };
      pipeline.xadd(stream, '*', 'event', JSON.stringify(event));
    }
    await pipeline.exec();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
