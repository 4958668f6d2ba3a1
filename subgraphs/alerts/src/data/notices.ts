import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { sqlValues } from '@poolgraph/platform';
import type { AlertsQueryable } from '../db/index.ts';
import { notices, type NoticeKind } from '../db/schema.ts';

export interface NoticeRow {
  id: string;
  investorId: string;
  poolId: string;
  kind: NoticeKind;
  amountMinor: bigint;
  currency: string;
  message: string;
  transactionId: string | null;
  capitalCallId: string | null;
  dueDate: Date | null;
  feePeriodStart: Date | null;
  feePeriodEnd: Date | null;
  returnOfCapitalMinor: bigint | null;
  preferredReturnMinor: bigint | null;
  profitShareMinor: bigint | null;
  occurredAt: Date;
  createdAt: Date;
  readAt: Date | null;
  sourceEventId: string;
}

export type NewNotice = Omit<NoticeRow, 'createdAt' | 'readAt'>;

const columns = {
  id: notices.id,
  investorId: notices.investorId,
  poolId: notices.poolId,
  kind: notices.kind,
  amountMinor: notices.amountMinor,
  currency: notices.currency,
  message: notices.message,
  transactionId: notices.transactionId,
  capitalCallId: notices.capitalCallId,
  dueDate: notices.dueDate,
  feePeriodStart: notices.feePeriodStart,
  feePeriodEnd: notices.feePeriodEnd,
  returnOfCapitalMinor: notices.returnOfCapitalMinor,
  preferredReturnMinor: notices.preferredReturnMinor,
  profitShareMinor: notices.profitShareMinor,
  occurredAt: notices.occurredAt,
  createdAt: notices.createdAt,
  readAt: notices.readAt,
  sourceEventId: notices.sourceEventId,
};

/** A notice written now, with its investor's own email choice for its kind (null: never set). */
export interface WrittenNotice {
  notice: NoticeRow;
  ownEmailChoice: boolean | null;
}

/**
 * insertNoticesOnce: the notices not written before (one per event and investor: the unique
 * key ignores a redelivered event's copies), returned as written. One statement: a multi-row
 * INSERT IGNORE … RETURNING (MariaDB) answers the rows it inserted, with their creation time and
 * the investor's stored email preference for the kind (a primary-key lookup in the RETURNING
 * list, so the email choice costs no statement of its own), escaped by mysql2 rather than
 * drizzle's insert builder (it runs for every ledger event the detector consumes, and the
 * builder cost more CPU than the rest of the consumer).
 */
export async function insertNoticesOnce(
  tx: AlertsQueryable,
  rows: NewNotice[],
): Promise<WrittenNotice[]> {
  if (rows.length === 0) return [];
  const minorText = (value: bigint | null) => (value === null ? null : value.toString());
  const values = rows.map((r) => [
    r.id,
    r.investorId,
    r.poolId,
    r.kind,
    r.amountMinor.toString(),
    r.currency,
    r.message,
    r.transactionId,
    r.capitalCallId,
    r.dueDate,
    r.feePeriodStart,
    r.feePeriodEnd,
    minorText(r.returnOfCapitalMinor),
    minorText(r.preferredReturnMinor),
    minorText(r.profitShareMinor),
    r.occurredAt,
    r.sourceEventId,
  ]);
  const [written] = (await tx.execute(sql`
    INSERT IGNORE INTO notices (id, investor_id, pool_id, kind, amount_minor, currency, message,
      transaction_id, capital_call_id, due_date, fee_period_start, fee_period_end,
      return_of_capital_minor, preferred_return_minor, profit_share_minor, occurred_at,
      source_event_id)
    VALUES ${sqlValues(values)}
    RETURNING id, created_at, (SELECT email FROM notice_preferences p
      WHERE p.investor_id = notices.investor_id AND p.kind = notices.kind) AS email`)) as unknown as [
    Array<{ id: string; created_at: Date; email: number | null }>,
  ];
  const returned = new Map(written.map((row) => [row.id, row]));
  return rows.flatMap((row) => {
    const back = returned.get(row.id);
    if (!back) return [];
    const notice: NoticeRow = { ...row, createdAt: back.created_at, readAt: null };
    return [{ notice, ownEmailChoice: back.email === null ? null : back.email === 1 }];
  });
}

export interface NoticeFilter {
  investorId: string;
  unreadOnly: boolean;
  after?: { createdAt: Date; id: string };
  limit: number;
}

/** selectNotices: one investor's notices, newest first. */
export async function selectNotices(db: AlertsQueryable, f: NoticeFilter): Promise<NoticeRow[]> {
  const conditions: SQL[] = [eq(notices.investorId, f.investorId)];
  if (f.unreadOnly) conditions.push(isNull(notices.readAt));
  if (f.after) {
    const { createdAt, id } = f.after;
    conditions.push(
      or(
        lt(notices.createdAt, createdAt),
        and(eq(notices.createdAt, createdAt), lt(notices.id, id)),
      )!,
    );
  }
  return db
    .select(columns)
    .from(notices)
    .where(and(...conditions))
    .orderBy(desc(notices.createdAt), desc(notices.id))
    .limit(f.limit);
}

/** selectNoticeOf: one notice, only when it is this investor's (else undefined). */
export async function selectNoticeOf(
  db: AlertsQueryable,
  id: string,
  investorId: string,
): Promise<NoticeRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(notices)
    .where(and(eq(notices.id, id), eq(notices.investorId, investorId)));
  return row;
}

/** countUnreadNotices: the investor's unread badge (the `notices_investor_unread` index). */
export async function countUnreadNotices(db: AlertsQueryable, investorId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`COUNT(*)` })
    .from(notices)
    .where(and(eq(notices.investorId, investorId), isNull(notices.readAt)));
  return Number(row?.count ?? 0);
}

/** markNoticesRead: the investor's own unread notices (all of them when ids is null); how many changed. */
export async function markNoticesRead(
  db: AlertsQueryable,
  investorId: string,
  ids: readonly string[] | null,
  at: Date,
): Promise<number> {
  if (ids !== null && ids.length === 0) return 0;
  const [result] = await db
    .update(notices)
    .set({ readAt: at })
    .where(
      and(
        eq(notices.investorId, investorId),
        isNull(notices.readAt),
        ids === null ? undefined : inArray(notices.id, [...ids]),
      ),
    );
  return result.affectedRows;
}

/** selectNoticesByIds: notices by id, whoever's (the dispatcher's read). */
export async function selectNoticesByIds(
  db: AlertsQueryable,
  ids: readonly string[],
): Promise<NoticeRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(columns)
    .from(notices)
    .where(inArray(notices.id, [...ids]));
}
