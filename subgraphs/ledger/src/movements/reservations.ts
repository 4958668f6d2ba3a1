import { checkTransactionAmount } from './inputs.ts';
import {
  applyToBooks,
  checkTotal,
  spendableCash,
  type PlannedTransaction,
  type PoolBooks,
} from './poolBooks.ts';
import { carryPosting } from '../waterfall/poolWaterfall.ts';

/**
 * Two-phase money (see README, "Two-phase transactions"). A PENDING transaction writes no
 * entries: it reserves its amount in the pending columns of the accounts it touches — money on
 * its way in (`pendingIn`: a contribution not yet received, not cash, not spendable) or cash held
 * for a payout (`pendingOut`: still cash, no longer spendable). Posting releases the reservation
 * and journals the entries for the amount actually settled (at most the reserved one); voiding
 * only releases. The posted books (entries, balances, totals) therefore balance at every step.
 */

/** The kinds a pending transaction can be: one member, one cash leg and one capital leg. */
const TWO_PHASE_TYPES = new Set(['CONTRIBUTION', 'DISTRIBUTION', 'WITHDRAWAL']);

/** What a pending transaction has reserved, as stored on its row. */
export interface Reservation {
  type: PlannedTransaction['type'];
  investorId: string | null;
  amount: bigint;
  /** A carry DISTRIBUTION: reserved on the manager's account, borne by members when posted. */
  carry?: boolean;
}

const direction = (type: Reservation['type']): 'in' | 'out' =>
  type === 'CONTRIBUTION' ? 'in' : 'out';

/** The balanced legs of a two-phase transaction for `amount` (the posted one, or the reserved). */
export function legsFor(reservation: Reservation, amount: bigint): PlannedTransaction {
  const { type, investorId } = reservation;
  if (!TWO_PHASE_TYPES.has(type) || !investorId) throw new Error(`${type} cannot be two-phase`);
  const cash = direction(type) === 'in' ? amount : -amount;
  return {
    type,
    investorId,
    amount,
    legs: [
      { investorId: null, amount: cash },
      { investorId, amount: -cash },
    ],
  };
}

/** Reserves a PENDING transaction on the locked books; throws (INSUFFICIENT_FUNDS …) to refuse. */
export function reservePending(books: PoolBooks, planned: PlannedTransaction): void {
  const { pool } = books;
  if (!planned.investorId || !TWO_PHASE_TYPES.has(planned.type)) {
    throw new Error(`${planned.type} cannot be two-phase`);
  }
  const account = books.investors.get(planned.investorId);
  if (!account) throw new Error(`capital account ${planned.investorId} is not locked`);
  checkTransactionAmount(planned.amount, pool.currency);
  if (direction(planned.type) === 'in') {
    // Posting it later must still fit the ceilings: count what is pending toward them now.
    checkTotal(
      pool.totalContributed + pool.pendingIn + planned.amount,
      'pool',
      'total contributed',
      pool.currency,
    );
    checkTotal(
      account.contributed + account.pendingIn + planned.amount,
      'investor',
      'total contributed',
      pool.currency,
    );
    pool.pendingIn += planned.amount;
    account.pendingIn += planned.amount;
    return;
  }
  if (spendableCash(books) < planned.amount) {
    throw new Error('spendable cash would go negative: a plan skipped its check');
  }
  pool.pendingOut += planned.amount;
  account.pendingOut += planned.amount;
}

/** Releases what a pending transaction reserved (before it is posted, or when it is voided). */
export function releasePending(books: PoolBooks, reservation: Reservation): void {
  const account = reservation.investorId ? books.investors.get(reservation.investorId) : undefined;
  if (!account) throw new Error(`capital account ${reservation.investorId} is not locked`);
  const column = direction(reservation.type) === 'in' ? 'pendingIn' : 'pendingOut';
  if (books.pool[column] < reservation.amount || account[column] < reservation.amount) {
    throw new Error(`pending ${column} is smaller than a reservation it holds`);
  }
  books.pool[column] -= reservation.amount;
  account[column] -= reservation.amount;
}

/**
 * Posts a reservation for `amount` (0 < amount ≤ reserved): release, then the entries. A carry
 * needs the pool's current members' accounts on the books (settlePending locks them).
 */
export function postReservation(
  books: PoolBooks,
  reservation: Reservation,
  amount: bigint,
): PlannedTransaction {
  if (amount <= 0n || amount > reservation.amount) {
    throw new Error(`a pending transaction posts for 0 < amount ≤ ${reservation.amount}`);
  }
  releasePending(books, reservation);
  // A carry's legs debit the members who bear it, not the manager's account it reserved on.
  const planned =
    reservation.carry && reservation.investorId
      ? carryPosting(books, reservation.investorId, amount)
      : legsFor(reservation, amount);
  applyToBooks(books, planned);
  return planned;
}
