import { and, desc, eq, gte, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { insertRows, isDuplicateKey, sqlFormat, tableRows } from '@poolgraph/platform';
import type { LedgerQueryable, LedgerTx } from '../db/index.ts';
import { payments, transactions, type PaymentProviderName } from '../db/schema.ts';

export type PaymentRow = typeof payments.$inferSelect;
export type NewPaymentRow = Omit<
  PaymentRow,
  'receivedAmount' | 'refundedAmount' | 'heldAnnounced' | 'createdAt' | 'updatedAt'
>;

const paymentRows = tableRows(payments);
const PAYMENT_COLUMNS = [
  'transaction_id',
  'provider',
  'method',
  'pool_id',
  'investor_id',
  'amount',
  'currency',
  'provider_payment_id',
  'reference',
  'provider_status',
  'created_at',
  'updated_at',
];

/**
 * insertPayment: the payment behind a pending transaction, once. Returns the row as stored: the
 * new one (built here, its times written explicitly, so nothing is read back), or the one an
 * earlier call with the same transaction wrote (a replayed startContribution: `inserted` false).
 */
export async function insertPayment(
  db: LedgerQueryable,
  row: NewPaymentRow,
): Promise<{ payment: PaymentRow; inserted: boolean }> {
  const now = new Date();
  const stored: PaymentRow = {
    ...row,
    receivedAmount: null,
    refundedAmount: 0n,
    heldAnnounced: 0n,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await insertRows(db, 'payments', PAYMENT_COLUMNS, [
      [
        row.transactionId,
        row.provider,
        row.method,
        row.poolId,
        row.investorId,
        row.amount,
        row.currency,
        row.providerPaymentId,
        row.reference,
        row.providerStatus,
        now,
        now,
      ],
    ]);
    return { payment: stored, inserted: true };
  } catch (error) {
    const earlier = isDuplicateKey(error)
      ? await selectPaymentByTransactionId(db, row.transactionId)
      : null;
    if (earlier) return { payment: earlier, inserted: false };
    throw error;
  }
}

/** selectPaymentByTransactionId: the payment behind one transaction, if any. */
export async function selectPaymentByTransactionId(
  db: LedgerQueryable,
  transactionId: string,
): Promise<PaymentRow | null> {
  const [row] = await paymentRows.select(db, 'WHERE transaction_id = ?', [transactionId]);
  return row ?? null;
}

/** lockPayment: the payment behind one transaction, locked FOR UPDATE (payments/suspense.ts). */
export async function lockPayment(tx: LedgerTx, transactionId: string): Promise<PaymentRow | null> {
  const [row] = await paymentRows.select(tx, 'WHERE transaction_id = ? FOR UPDATE', [
    transactionId,
  ]);
  return row ?? null;
}

/** setHeldAnnounced: how much of the payment's suspense the payer has now been told about. */
export async function setHeldAnnounced(
  tx: LedgerTx,
  transactionId: string,
  amount: bigint,
): Promise<void> {
  await tx.execute(
    sqlFormat('UPDATE payments SET held_announced = ? WHERE transaction_id = ?', [
      amount,
      transactionId,
    ]),
  );
}

/** selectPaymentsByTransactionIds: payments of several transactions (expiry, reconciliation). */
export async function selectPaymentsByTransactionIds(
  db: LedgerQueryable,
  ids: readonly string[],
): Promise<PaymentRow[]> {
  if (ids.length === 0) return [];
  return paymentRows.select(db, 'WHERE transaction_id IN (?)', [[...ids]]);
}

/** selectPaymentByProviderId: a provider's payment (a Stripe PaymentIntent id) here. */
export async function selectPaymentByProviderId(
  db: LedgerQueryable,
  provider: PaymentProviderName,
  providerPaymentId: string,
): Promise<PaymentRow | null> {
  const [row] = await paymentRows.select(db, 'WHERE provider = ? AND provider_payment_id = ?', [
    provider,
    providerPaymentId,
  ]);
  return row ?? null;
}

/** selectPaymentByReference: a bank transfer by the reference its payer quotes. */
export async function selectPaymentByReference(
  db: LedgerQueryable,
  reference: string,
): Promise<PaymentRow | null> {
  const [row] = await paymentRows.select(db, 'WHERE reference = ?', [reference]);
  return row ?? null;
}

/**
 * setProviderPaymentId: records the provider's id once it answered; a webhook that overtook the
 * answer may have recorded it first (the same id: no change; another id never overwrites).
 */
export async function setProviderPaymentId(
  db: LedgerQueryable,
  transactionId: string,
  providerPaymentId: string,
): Promise<void> {
  await db
    .update(payments)
    .set({ providerPaymentId, updatedAt: new Date() })
    .where(
      and(
        eq(payments.transactionId, transactionId),
        or(isNull(payments.providerPaymentId), eq(payments.providerPaymentId, providerPaymentId)),
      ),
    );
}

/**
 * recordOpenedPayment: the provider's answer to the create call, in one statement: its id (a
 * webhook that overtook the answer may have recorded it first; another id never overwrites) and
 * its status, only while the stored one is still `creating` (the answer must not overwrite what
 * a faster webhook recorded). Returns the row as the statement left it.
 */
export async function recordOpenedPayment(
  db: LedgerQueryable,
  payment: PaymentRow,
  opened: { providerPaymentId: string; status: string },
): Promise<PaymentRow> {
  const updatedAt = new Date();
  await db.execute(
    sqlFormat(
      `UPDATE payments SET provider_payment_id = COALESCE(provider_payment_id, ?),
        provider_status = IF(provider_status = 'creating', ?, provider_status), updated_at = ?
        WHERE transaction_id = ?`,
      [opened.providerPaymentId, opened.status, updatedAt, payment.transactionId],
    ),
  );
  return {
    ...payment,
    providerPaymentId: payment.providerPaymentId ?? opened.providerPaymentId,
    providerStatus: payment.providerStatus === 'creating' ? opened.status : payment.providerStatus,
    updatedAt,
  };
}

/** updatePaymentStatus: what the provider last said (status, and the amount received once known). */
export async function updatePaymentStatus(
  db: LedgerQueryable,
  transactionId: string,
  providerStatus: string,
  receivedAmount: bigint | null,
): Promise<void> {
  await db.execute(
    sqlFormat(
      `UPDATE payments SET provider_status = ?, received_amount = COALESCE(?, received_amount),
        updated_at = ? WHERE transaction_id = ?`,
      [providerStatus, receivedAmount, new Date(), transactionId],
    ),
  );
}

/** selectRecentPayments: payments created since `since`, newest first (reconciliation). */
export async function selectRecentPayments(
  db: LedgerQueryable,
  since: Date,
  poolId: string | null,
): Promise<PaymentRow[]> {
  return db
    .select()
    .from(payments)
    .where(
      poolId
        ? and(gte(payments.createdAt, since), eq(payments.poolId, poolId))
        : gte(payments.createdAt, since),
    )
    .orderBy(desc(payments.createdAt))
    .limit(10_000);
}

/**
 * setRefundedAmount: records money paid back, only if nobody recorded another refund since
 * `from` was read (two refunds of one payment at once: one records, the other finds it done).
 */
export async function setRefundedAmount(
  db: LedgerQueryable,
  transactionId: string,
  from: bigint,
  to: bigint,
): Promise<boolean> {
  const [result] = await db
    .update(payments)
    .set({ refundedAmount: to, updatedAt: new Date() })
    .where(and(eq(payments.transactionId, transactionId), eq(payments.refundedAmount, from)));
  return result.affectedRows === 1;
}

/**
 * selectHeldByPoolIds: each pool's suspense, money received for its payments that it did not
 * take and that is not refunded yet: Σ received − posted − refunded (see payments/suspense.ts).
 */
export async function selectHeldByPoolIds(
  db: LedgerQueryable,
  poolIds: readonly string[],
): Promise<Map<string, bigint>> {
  if (poolIds.length === 0) return new Map();
  const rows = await db
    .select({
      poolId: payments.poolId,
      held: sql<string>`SUM(${payments.receivedAmount} - ${payments.refundedAmount}
        - IF(${transactions.status} = 'POSTED', ${transactions.amount}, 0))`,
    })
    .from(payments)
    .innerJoin(transactions, eq(transactions.id, payments.transactionId))
    .where(and(inArray(payments.poolId, [...poolIds]), isNotNull(payments.receivedAmount)))
    .groupBy(payments.poolId);
  return new Map(rows.map((r) => [r.poolId, BigInt(r.held ?? '0')]));
}
