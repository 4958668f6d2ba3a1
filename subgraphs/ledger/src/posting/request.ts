import type { PoolIdentity } from '../data/poolAccounts.ts';
import type { PoolFactsRow } from '../data/poolFacts.ts';
import type { PlannedTransaction, PoolBooks } from './model.ts';

/** One idempotent money movement, as every posting path (online and bulk) hands it over. */
export interface PostingRequest {
  actorId: string;
  idempotencyKey: string;
  operation: string;
  /** Hash of the canonical request; a replay must match it. */
  requestHash: string;
  /** The pool, with what its cash account is opened with when the ledger first sees it. */
  pool: PoolIdentity;
  /** The capital accounts the plan reads: these investors', or every one of the pool's. */
  investors: string[] | 'all';
  /** True for contributions: they open the investor's capital account when it is missing. */
  opensAccounts?: boolean;
  occurredAt?: Date;
  /**
   * Checks the pool's facts as they are under the cash row lock (status, manager, whether the
   * investor is a member) and throws to refuse. Absent for trusted callers (the import), which
   * supply the facts themselves.
   */
  check?: (facts: PoolFactsRow | undefined, isMember: boolean) => void;
  /** The investor whose membership `check` is told about. */
  memberId?: string;
  /** Decides the transactions from the locked books; throws (e.g. INSUFFICIENT_FUNDS) to refuse. */
  plan: (books: PoolBooks) => PlannedTransaction[];
}
