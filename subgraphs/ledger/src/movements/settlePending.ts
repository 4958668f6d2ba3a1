import { conflict, isDeadlock, retryTransaction } from '@poolgraph/platform';
import { effectiveStatus } from '../access.ts';
import type { LedgerDb, LedgerTx } from '../db/index.ts';
import { selectPoolCopies } from '../data/poolFacts.ts';
import { selectCurrentMemberIds } from '../data/poolMembers.ts';
import {
  lockAllInvestorAccounts,
  lockInvestorAccounts,
  updateInvestorAccounts,
  type InvestorAccountRow,
} from '../data/investorAccounts.ts';
import { lockPoolAccounts, updatePoolAccounts, type PoolAccountRow } from '../data/poolAccounts.ts';
import { lockTransaction, type TransactionRow } from '../data/transactions.ts';
import { announceHeld } from '../payments/suspense.ts';
import { MAX_POSTING_ATTEMPTS } from './lanes.ts';
import { Journal, type SettlementOutcome } from './journal.ts';

/** What a settlement request did: this call settled it, or it had been settled the same way. */
export interface Settled {
  row: TransactionRow;
  /** False when the transaction already had this outcome (a replay: nothing was written). */
  changed: boolean;
  /**
   * Set when money confirmed for a contribution could no longer be taken into the pool (it is
   * not OPEN, or the investor is no member): the contribution was VOIDED instead, and what was
   * received is the pool's suspense until it is refunded (payments/suspense.ts).
   */
  notTaken?: string;
}

/**
 * What settling a pending transaction needs to know before it locks anything: fields a
 * transaction never changes, so any row the caller read (or its payment's) will do. Its status
 * is read again under the locks.
 */
export type PendingRef = Pick<
  TransactionRow,
  'id' | 'poolId' | 'investorId' | 'currency' | 'type' | 'carry'
>;

/**
 * Why confirmed money can no longer enter the pool, under the pool's lock, or null when it can:
 * the pool takes provider money only while OPEN, and only from a current member. Lifecycle
 * changes refuse while contributions are pending (services/sagas.ts), so this is the last line.
 * One plain read of the pool's copy and the membership, as the posting pipeline's: current,
 * since it is the transaction's first plain read and comes after the cash row lock, under which
 * alone the sagas change the copy.
 */
async function whyNotTaken(
  tx: LedgerTx,
  { poolId, investorId }: { poolId: string; investorId: string },
): Promise<string | null> {
  const copies = await selectPoolCopies(tx, [poolId], [{ poolId, investorId }]);
  const [facts] = copies.facts;
  const status = facts ? effectiveStatus(facts) : 'unknown';
  if (status !== 'OPEN') return `the pool is ${status}`;
  return copies.members.some((m) => m.member) ? null : 'the investor is no member of the pool';
}

const sameOutcome = (row: TransactionRow, outcome: SettlementOutcome) =>
  row.status === outcome.status && (outcome.status === 'VOIDED' || row.amount === outcome.amount);

/** A settled transaction asked to end another way: exactly one settlement wins. */
function alreadySettled(row: TransactionRow, outcome: SettlementOutcome): Settled {
  if (sameOutcome(row, outcome)) return { row, changed: false };
  throw conflict(
    row.status === 'PENDING'
      ? 'This transaction is still pending.'
      : `This transaction is already ${row.status}${row.status === 'POSTED' ? ` for ${row.amount} minor units` : ''}; it cannot be ${outcome.status} now.`,
  );
}

/**
 * The second phase of a two-phase transaction, in one MySQL transaction: the pool's cash row,
 * then the member's capital account (the one lock order of the posting pipeline, so it never
 * deadlocks a posting), then the transaction row; still PENDING under those locks, it is posted
 * (entries for the settled amount, at most the reserved one) or voided, its reservation
 * released, and its event written to the outbox. Already settled the same way: a replay
 * (`changed: false`); another way: CONFLICT. Concurrent posts and voids of one transaction
 * therefore end with exactly one winner.
 */
export async function settlePending(
  db: LedgerDb,
  seen: PendingRef,
  outcome: SettlementOutcome,
): Promise<Settled> {
  const { id: transactionId, poolId, investorId, currency } = seen;
  if (!investorId) throw conflict('This transaction is not a pending one of an investor.');
  return retryTransaction(
    () =>
      db.transaction(async (tx) => {
        // The cash row exists: the pending transaction created it (the manager is not changed).
        const pools = await lockPoolAccounts(tx, [{ poolId, currency, managerId: '' }]);
        const pool = pools.get(poolId)!;
        // The pipeline's order: cash row, the pool's copy (read), then capital accounts.
        const notTaken =
          outcome.status === 'POSTED' && seen.type === 'CONTRIBUTION'
            ? await whyNotTaken(tx, { poolId, investorId })
            : null;
        // A carry is borne by the pool's current members: every account of the pool, in order.
        const others = seen.carry ? await lockAllInvestorAccounts(tx, poolId) : [];
        const accounts = seen.carry
          ? new Map(others.map((a) => [a.investorId, a]))
          : await lockInvestorAccounts(tx, [{ poolId, investorId, currency }], { create: false });
        const account: InvestorAccountRow | undefined = seen.carry
          ? accounts.get(investorId)
          : [...accounts.values()][0];
        const members = seen.carry ? await selectCurrentMemberIds(tx, poolId) : new Set<string>();
        const row = await lockTransaction(tx, transactionId);
        if (!row || !account) throw new Error(`pending transaction ${transactionId} lost its rows`);
        if (row.status !== 'PENDING') return alreadySettled(row, outcome);
        const locked = { pool, account, others, members };
        if (notTaken) return { ...(await write(tx, locked, row, VOID)), notTaken };
        if (outcome.status === 'POSTED') {
          const reserved = row.reservedAmount ?? row.amount;
          if (outcome.amount <= 0n || outcome.amount > reserved) {
            throw conflict(
              `A pending transaction posts for more than zero and at most the ${reserved} minor units it reserved.`,
            );
          }
        }
        return write(tx, locked, row, outcome);
      }),
    { attempts: MAX_POSTING_ATTEMPTS, retryable: isDeadlock },
  );
}

const VOID: SettlementOutcome = { status: 'VOIDED' };

/** Journals the outcome on copies of the locked rows and writes them back. */
async function write(
  tx: LedgerTx,
  locked: {
    pool: PoolAccountRow;
    account: InvestorAccountRow;
    /** A carry's: every account of the pool (the manager's among them). */
    others: InvestorAccountRow[];
    members: ReadonlySet<string>;
  },
  row: TransactionRow,
  outcome: SettlementOutcome,
): Promise<Settled> {
  const { pool, account, others, members } = locked;
  const books = {
    pool: { ...pool },
    investors: new Map(
      [account, ...others].map((a): [string, InvestorAccountRow] => [a.investorId, { ...a }]),
    ),
    members,
    commitments: new Map<string, bigint | null>(),
  };
  const journal = new Journal();
  const settled = journal.settle(books, row, outcome);
  await journal.write(tx);
  // What a provider received that this leaves untaken becomes the payer's suspense, told now.
  if (row.type === 'CONTRIBUTION') await announceHeld(tx, settled);
  await updatePoolAccounts(tx, [books.pool]);
  const moved = new Set([
    account.investorId,
    ...journal.entries.flatMap((e) => (e.investorId ? [e.investorId] : [])),
  ]);
  await updateInvestorAccounts(
    tx,
    [...books.investors.values()].filter((a) => moved.has(a.investorId)),
  );
  return { row: settled, changed: true };
}
