import { consumePoolSnapshots, type PoolEvent, type StreamConsumer } from '@poolgraph/events';
import type { Logger, RedisClient } from '@poolgraph/platform';
import type { LedgerDb, LedgerQueryable } from '../db/index.ts';
import { upsertPoolFacts } from '../data/poolFacts.ts';
import { endLeavingUpTo, upsertPoolMember } from '../data/poolMembers.ts';

/** Applies one pools snapshot to the local copy; older revisions change nothing (idempotent). */
export async function applyPoolEvent(db: LedgerQueryable, event: PoolEvent): Promise<void> {
  if (event.type === 'PoolChanged') {
    const p = event.payload;
    await upsertPoolFacts(db, {
      poolId: p.poolId,
      currency: p.currency,
      managerId: p.managerId,
      status: p.status,
      visibility: p.visibility ?? 'LISTED',
      revision: p.revision,
      terms: p.terms
        ? {
            version: p.terms.version,
            carryBps: p.terms.carryBps,
            hurdleBps: p.terms.hurdleBps,
            hurdleCompounding: p.terms.hurdleCompounding,
            catchUp: p.terms.catchUp,
            managementFeeBps: p.terms.managementFeeBps,
            feeBasis: p.terms.feeBasis,
            feeFrequency: p.terms.feeFrequency,
            feeHolidayMonths: p.terms.feeHolidayMonths,
          }
        : null,
      // The event's time: for the snapshot that opened the pool, when it opened.
      openedAt: p.status === 'DRAFT' ? null : new Date(event.occurredAt),
    });
    await endLeavingUpTo(db, p.poolId, p.revision);
  } else {
    const p = event.payload;
    await upsertPoolMember(db, {
      poolId: p.poolId,
      investorId: p.investorId,
      member: p.member,
      commitmentMinor: BigInt(p.commitmentMinor),
      revision: p.revision,
    });
  }
}

/**
 * Keeps the ledger's copy of pool facts (status, currency, manager, members) from
 * `<prefix>pools.events`, consumer group `ledger`; a read's snapshots apply in one commit.
 */
export function startPoolFactsConsumer(options: {
  db: LedgerDb;
  redis: RedisClient;
  redisPrefix: string;
  consumerName: string;
  log: Logger;
}): StreamConsumer {
  const { db } = options;
  return consumePoolSnapshots({
    redis: options.redis,
    redisPrefix: options.redisPrefix,
    group: 'ledger',
    consumer: options.consumerName,
    apply: (events) =>
      db.transaction(async (tx) => {
        for (const event of events) await applyPoolEvent(tx, event);
      }),
    log: options.log,
  });
}
