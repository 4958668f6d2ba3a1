import { sqlFormat, tableRows, uuidv7 } from '@poolgraph/platform';
import type { LedgerTx } from '../db/index.ts';
import { bankTransfers } from '../db/schema.ts';

export type BankTransferRow = typeof bankTransfers.$inferSelect;

const bankTransferRows = tableRows(bankTransfers);

/** selectBankTransfers: the transfers recorded for one payment (its row is locked by the caller). */
export async function selectBankTransfers(
  tx: LedgerTx,
  transactionId: string,
): Promise<BankTransferRow[]> {
  return bankTransferRows.select(tx, 'WHERE transaction_id = ?', [transactionId]);
}

/**
 * insertBankTransfer: one more transfer for a payment, and the payment's received amount raised
 * by it, in the caller's transaction.
 */
export async function insertBankTransfer(
  tx: LedgerTx,
  transfer: { transactionId: string; amount: bigint; bankKey: string | null },
): Promise<void> {
  await tx.execute(
    sqlFormat('INSERT INTO bank_transfers (id, transaction_id, amount, bank_key) VALUES (?)', [
      [uuidv7(), transfer.transactionId, transfer.amount, transfer.bankKey],
    ]),
  );
  await tx.execute(
    sqlFormat(
      `UPDATE payments SET provider_status = 'received',
        received_amount = COALESCE(received_amount, 0) + ?, updated_at = ? WHERE transaction_id = ?`,
      [transfer.amount, new Date(), transfer.transactionId],
    ),
  );
}

/** setBankKey: a confirmation recorded without the bank's key takes the key of its statement line. */
export async function setBankKey(tx: LedgerTx, id: string, bankKey: string): Promise<void> {
  await tx.execute(sqlFormat('UPDATE bank_transfers SET bank_key = ? WHERE id = ?', [bankKey, id]));
}
