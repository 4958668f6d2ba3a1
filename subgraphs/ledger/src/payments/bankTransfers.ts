import { hasRole, requireRole, type Viewer } from '@poolgraph/auth';
import { formatMoneyText, parseAmount } from '@poolgraph/money';
import {
  badUserInput,
  conflict,
  ErrorCode,
  forbidden,
  isDeadlock,
  notFound,
  retryTransaction,
} from '@poolgraph/platform';
import { GraphQLError } from 'graphql';
import { insertBankTransfer, selectBankTransfers, setBankKey } from '../data/bankTransfers.ts';
import { lockPayment, selectPaymentByReference, type PaymentRow } from '../data/payments.ts';
import { selectPoolFactsByIds } from '../data/poolFacts.ts';
import type { TransactionRow } from '../data/transactions.ts';
import { settlePending } from '../movements/settlePending.ts';
import { normalizeReference } from './bank.ts';
import type { PaymentsDeps } from './deps.ts';
import { pendingOf } from './settlement.ts';
import { announceHeldOf, heldAmount } from './suspense.ts';

export interface TransferResult {
  /** The contribution as it now stands. */
  row: TransactionRow;
  /** Whether this call recorded the transfer (false: a replay, nothing written). */
  recorded: boolean;
  /** Whether this call settled the contribution (posted it, or voided it: not taken). */
  settled: boolean;
  /** What the payment now holds for a refund (suspense.ts). */
  held: bigint;
}

/** A transfer as the bank knows it: its amount and the bank's key for it, when there is one. */
export interface Transfer {
  amount: bigint;
  bankKey: string | null;
}

/**
 * Records one transfer on its payment, once, under the payment's row lock. A statement's line
 * (`bankKey`) recorded before is a replay, and so is one of the amount of a manager's confirmation
 * that no line took yet (the line takes it: the manager saw this transfer). A manager's
 * confirmation (no key) of an amount recorded before is a replay, and of another amount CONFLICT:
 * nothing tells a second transfer from a mistyped amount, so a second transfer is recorded from
 * the bank's statement. Returns whether it recorded anything and what has arrived in all.
 */
async function recordTransfer(
  deps: PaymentsDeps,
  payment: PaymentRow,
  transfer: Transfer,
): Promise<{ recorded: boolean; received: bigint }> {
  return retryTransaction(
    () =>
      deps.db.transaction(async (tx) => {
        const locked = await lockPayment(tx, payment.transactionId);
        if (!locked) throw new Error(`payment ${payment.transactionId} lost its row`);
        const received = locked.receivedAmount ?? 0n;
        const recorded = await selectBankTransfers(tx, payment.transactionId);
        const { amount, bankKey } = transfer;
        if (recorded.some((t) => t.bankKey !== null && t.bankKey === bankKey)) {
          return { recorded: false, received };
        }
        const sameAmount = recorded.find(
          (t) => t.amount === amount && (bankKey === null || t.bankKey === null),
        );
        if (sameAmount) {
          if (bankKey !== null) await setBankKey(tx, sameAmount.id, bankKey);
          return { recorded: false, received };
        }
        if (bankKey === null && recorded.length > 0) {
          const before = formatMoneyText(received, payment.currency);
          throw conflict(
            `This payment already received ${before}; a second transfer is recorded by importing the bank statement that lists it.`,
          );
        }
        await insertBankTransfer(tx, { transactionId: payment.transactionId, amount, bankKey });
        return { recorded: true, received: received + amount };
      }),
    { retryable: isDeadlock },
  );
}

/**
 * Records one incoming transfer and settles its pending contribution by it: the contribution
 * posts for what has arrived, at most what was reserved (a partial transfer posts the smaller
 * amount and ends it; the rest is a new contribution). Every transfer is recorded on the
 * payment, also one arriving after the contribution ended (voided, or posted by an earlier
 * transfer): what the pool did not take is held for a refund (suspense.ts) and announced.
 * Recording comes first, so a crash between the steps is finished by the same transfer again.
 */
export async function matchTransfer(
  deps: PaymentsDeps,
  payment: PaymentRow,
  transfer: Transfer,
): Promise<TransferResult> {
  if (transfer.amount <= 0n) throw badUserInput('amount', 'must be greater than zero.');
  const { recorded, received } = await recordTransfer(deps, payment, transfer);
  const amount = received < payment.amount ? received : payment.amount;
  let row: TransactionRow | null = null;
  try {
    const settlement = await settlePending(deps.db, pendingOf(payment), {
      status: 'POSTED',
      amount,
    });
    if (settlement.changed) {
      deps.onSettled();
      row = settlement.row;
    }
  } catch (error) {
    if (!(error instanceof GraphQLError && error.extensions.code === ErrorCode.CONFLICT))
      throw error;
  }
  // Settled before (by this transfer, a replay, or otherwise): what arrived since is held.
  const settled = row !== null;
  row ??= await announceHeldOf(deps, payment.transactionId);
  if (!row) throw new Error(`transaction ${payment.transactionId} lost its row`);
  const held = heldAmount({ ...payment, receivedAmount: received }, row);
  return { row, recorded, settled, held };
}

/** The payment a quoted reference names; NOT_FOUND for a malformed or unknown one. */
export async function paymentByReference(deps: PaymentsDeps, quoted: string): Promise<PaymentRow> {
  const reference = normalizeReference(quoted);
  if (!reference) {
    throw badUserInput('reference', 'is not a Poolgraph payment reference (PG-XXXX-XXXX-X).');
  }
  const payment = await selectPaymentByReference(deps.db, reference);
  if (!payment) throw notFound('Payment');
  return payment;
}

/**
 * The bank's id for a transfer, as a statement's `transfer_id` column gives it: 1 to 128
 * printable ASCII characters once trimmed; null when none is given.
 */
export function bankKeyOf(quoted: string | undefined): string | null {
  const key = quoted?.trim() ?? '';
  if (key === '') return null;
  if (!/^[\x20-\x7e]{1,128}$/.test(key)) {
    throw badUserInput(
      'transfer_id',
      "must be the bank's id for the transfer: 1 to 128 printable ASCII characters.",
    );
  }
  return key;
}

/**
 * confirmBankTransfer: the pool's manager (or an admin) saw the money arrive. Money arriving
 * after the contribution was voided is recorded and held for a refund, and the answer is
 * CONFLICT saying so (the contribution is not what this confirmed), also when it is confirmed
 * again. A posted contribution is the answer, also to the confirmation that recorded the
 * transfer when a replay of it settled first: a confirmation records only a payment's first
 * transfer, so nothing but this transfer can have posted it. What it brought beyond the
 * contribution is held either way (the answer's amount says what posted).
 */
export async function confirmBankTransfer(
  deps: PaymentsDeps,
  viewer: Viewer | null,
  args: { reference: string; amount: string },
): Promise<TransactionRow> {
  const actor = requireRole(viewer, 'MANAGER', 'ADMIN');
  const payment = await paymentByReference(deps, args.reference);
  const [facts] = await selectPoolFactsByIds(deps.db, [payment.poolId]);
  if (!hasRole(actor, 'ADMIN') && facts?.managerId !== actor.userId) {
    throw forbidden("Only the pool's manager can confirm transfers into it.");
  }
  const amount = parseAmount(args.amount, payment.currency, { field: 'amount' });
  const { row, settled } = await matchTransfer(deps, payment, { amount, bankKey: null });
  if (!settled && row.status === 'VOIDED') {
    throw conflict(
      'This contribution was already VOIDED; the transfer is recorded as received and held in suspense for a refund.',
    );
  }
  return row;
}
