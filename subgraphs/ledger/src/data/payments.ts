import { and, desc, eq, gte, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { LedgerQueryable } from '../db/index.ts';
import { payments, transactions, type PaymentProviderName } from '../db/schema.ts';

export type PaymentRow = typeof payments.$inferSelect;
export type NewPaymentRow = typeof payments.$inferInsert;

/**
 * insertPayment: the payment behind a pending transaction, once (a replayed startContribution
 * finds the row its first call wrote).
 */
export async function insertPayment(db: LedgerQueryable, row: NewPaymentRow): Promise<void> {
  await db
    .insert(payments)
    .values(row)
    .onDuplicateKeyUpdate({ set: { transactionId: sql`${payments.transactionId}` } });
}

/** selectPaymentByTransactionId: the payment behind one transaction, if any. */
export async function selectPaymentByTransactionId(
  db: LedgerQueryable,
  transactionId: string,
): Promise<PaymentRow | null> {
  const [row] = await db.select().from(payments).where(eq(payments.transactionId, transactionId));
  return row ?? null;
}

/** selectPaymentsByTransactionIds: payments of several transactions (expiry, reconciliation). */
export async function selectPaymentsByTransactionIds(
  db: LedgerQueryable,
  ids: readonly string[],
): Promise<PaymentRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(payments)
    .where(inArray(payments.transactionId, [...ids]));
}

/** selectPaymentByProviderId: a provider's payment (a Stripe PaymentIntent id) here. */
export async function selectPaymentByProviderId(
  db: LedgerQueryable,
  provider: PaymentProviderName,
  providerPaymentId: string,
): Promise<PaymentRow | null> {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.provider, provider), eq(payments.providerPaymentId, providerPaymentId)));
  return row ?? null;
}

/** selectPaymentByReference: a bank transfer by the reference its payer quotes. */
export async function selectPaymentByReference(
  db: LedgerQueryable,
  reference: string,
): Promise<PaymentRow | null> {
  const [row] = await db.select().from(payments).where(eq(payments.reference, reference));
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
 * updatePaymentStatus: what the provider last said (status, amount received). `onlyFrom`: only
 * while the stored status is still that one (the create call's answer must not overwrite what
 * a faster webhook recorded).
 */
export async function updatePaymentStatus(
  db: LedgerQueryable,
  transactionId: string,
  providerStatus: string,
  receivedAmount: bigint | null,
  onlyFrom?: string,
): Promise<void> {
  await db
    .update(payments)
    .set({
      providerStatus,
      updatedAt: new Date(),
      ...(receivedAmount === null ? {} : { receivedAmount }),
    })
    .where(
      onlyFrom === undefined
        ? eq(payments.transactionId, transactionId)
        : and(eq(payments.transactionId, transactionId), eq(payments.providerStatus, onlyFrom)),
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
 * take and that is not refunded yet: Σ received − posted − refunded (see payments/refunds.ts).
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
