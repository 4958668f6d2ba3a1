import { GraphQLError } from 'graphql';
import { ErrorCode, type Logger } from '@poolgraph/platform';
import type { LedgerDb } from '../db/index.ts';
import { selectPoolsChargingManagementFees } from '../data/poolFacts.ts';
import type { Poster } from '../movements/lanes.ts';
import { feeRequest, readFeeBooks, unchargedDuePeriods } from './feeBooks.ts';
import { periodFee } from './schedule.ts';

/** How often the fee schedule looks for due periods (each replica with background work). */
export const FEE_SCHEDULE_INTERVAL_MS = 60_000;

export interface FeeScheduleDeps {
  db: LedgerDb;
  poster: Poster;
  log: Logger;
}

const codeOf = (error: unknown) =>
  error instanceof GraphQLError ? (error.extensions.code as string | undefined) : undefined;

/**
 * One pass: every due period of every pool with a management fee that is not charged yet is
 * charged now, oldest first, through the one movement pipeline (a FEE under the period's key).
 * Two workers at once post each period once: the key is inserted with the transaction, so the
 * second waits for the first and replays it (or, had it computed another amount, is refused as a
 * reused key, which means charged). A period the pool's cash cannot pay stays due and is tried
 * again next pass, and the pool's later periods wait behind it. Returns how many periods it saw
 * charged: posted by it, or by a concurrent worker whose posting its own request replayed.
 */
export async function chargeDueFees(deps: FeeScheduleDeps, now = new Date()): Promise<number> {
  let charged = 0;
  for (const facts of await selectPoolsChargingManagementFees(deps.db)) {
    const periods = await unchargedDuePeriods(deps.db, facts, now);
    if (periods.length === 0) continue;
    const { basisMinor } = await readFeeBooks(deps.db, facts);
    const amount = periodFee(basisMinor, facts.managementFeeBps, facts.feeFrequency);
    // Nothing to charge on a zero basis; the periods stay due until there is one.
    if (amount === 0n) continue;
    for (const period of periods) {
      try {
        await deps.poster.post(feeRequest(facts, period, amount));
        charged++;
      } catch (error) {
        if (codeOf(error) === ErrorCode.IDEMPOTENCY_KEY_REUSED) continue;
        const level = codeOf(error) === ErrorCode.INSUFFICIENT_FUNDS ? 'info' : 'warn';
        deps.log[level](
          { err: error, poolId: facts.poolId, periodStart: period.start.toISOString() },
          'management fee not charged this pass',
        );
        break;
      }
    }
  }
  return charged;
}

export interface FeeScheduleWorker {
  /** One pass now (joins a pass under way); resolves with how many periods it saw charged. */
  run(): Promise<number>;
  stop(): Promise<void>;
}

/** The fee schedule as a loop: a pass at start, then every `intervalMs`. */
export function startFeeSchedule(
  deps: FeeScheduleDeps & { intervalMs?: number },
): FeeScheduleWorker {
  let running: Promise<number> | undefined;
  let stopped = false;
  const run = () => {
    running ??= chargeDueFees(deps).finally(() => (running = undefined));
    return running;
  };
  const tick = () => {
    if (!stopped) void run().catch((error) => deps.log.error({ err: error }, 'fee pass failed'));
  };
  const timer = setInterval(tick, deps.intervalMs ?? FEE_SCHEDULE_INTERVAL_MS);
  timer.unref();
  tick();
  return {
    run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
