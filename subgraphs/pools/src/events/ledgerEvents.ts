import type { LedgerEventHandler } from '@poolgraph/events';
import type { Logger } from '@poolgraph/platform';
import type { PoolsTx } from '../db/index.ts';
import { settleLedgerEvents, settles } from '../settlement/apply.ts';

/**
 * Pools' part of `ledger.events` (group "pools"): posted contributions settle capital calls,
 * posted withdrawals take that settlement back (settlement/apply.ts). Distributions, fees and
 * pool-level events cost nothing: they are acknowledged without a transaction.
 */
export const settlementHandler = (log: Logger): LedgerEventHandler<PoolsTx, number> => ({
  group: 'pools',
  accepts: settles,
  // `paid` already trails the ledger by the relay's hop; waiting up to 100 ms more on a busy
  // stream lets a read settle several members in the same few statements.
  lingerMs: 100,
  apply: (tx, events) => settleLedgerEvents(tx, events, log),
  committed: (settled, events) => log.debug({ events: events.length, settled }, 'settled'),
});
