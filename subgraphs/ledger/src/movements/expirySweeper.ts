import type { Logger } from '@poolgraph/platform';
import type { LedgerDb } from '../db/index.ts';
import { selectExpiredPending, type TransactionRow } from '../data/transactions.ts';
import type { SettlementOutcome } from './journal.ts';
import { settlePending, type Settled } from './settlePending.ts';

const VOIDED: SettlementOutcome = { status: 'VOIDED' };

/** How often each replica looks for expired pending transactions, and how many per pass. */
export const EXPIRY_INTERVAL_MS = 5_000;
const EXPIRY_BATCH = 50;

export interface ExpirySweeperOptions {
  db: LedgerDb;
  log: Logger;
  /**
   * Ends an expired transaction. Default: VOIDED; payments ask their provider first (a card
   * payment that succeeded at the last second is posted, not voided) and throw when it cannot
   * be asked, which leaves the transaction for the next pass.
   */
  end?: (row: TransactionRow) => Promise<Settled>;
  /** Called after a pass settled something (the relay is woken). */
  onSettled?: () => void;
  intervalMs?: number;
}

export interface ExpirySweeper {
  /** One pass now; resolves with how many transactions it settled. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * A pending transaction past its `expiresAt` voids itself: every replica runs this loop, and
 * settlePending's row lock and PENDING check make concurrent sweeps (and a webhook racing one)
 * settle each transaction exactly once; the loser sees it settled and moves on.
 */
export function startExpirySweeper(options: ExpirySweeperOptions): ExpirySweeper {
  const { db, log } = options;
  const end = options.end ?? ((row: TransactionRow) => settlePending(db, row, VOIDED));
  let running: Promise<number> | undefined;
  let stopped = false;

  async function pass(): Promise<number> {
    let settled = 0;
    for (const row of await selectExpiredPending(db, new Date(), EXPIRY_BATCH)) {
      try {
        const result = await end(row);
        if (result.changed) {
          settled++;
          log.info({ transactionId: row.id, status: result.row.status }, 'expired pending settled');
        }
      } catch (error) {
        // Settled meanwhile by a webhook or another replica (CONFLICT), or the provider is down.
        log.warn({ err: error, transactionId: row.id }, 'expired pending not settled this pass');
      }
    }
    if (settled > 0) options.onSettled?.();
    return settled;
  }

  const sweep = () => {
    running ??= pass().finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void sweep().catch((error) => log.error({ err: error }, 'expiry sweep failed'));
  }, options.intervalMs ?? EXPIRY_INTERVAL_MS);
  timer.unref();
  return {
    sweep,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
