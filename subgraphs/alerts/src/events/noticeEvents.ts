import {
  insertOutboxEvents,
  isTransactionStep,
  type CapitalCalledEvent,
  type LedgerStreamEvent,
  type OutboxInsert,
} from '@poolgraph/events';
import { uuidv7 } from '@poolgraph/platform';
import type { AlertsDb, AlertsQueryable } from '../db/index.ts';
import {
  insertNoticesOnce,
  markNoticesRead,
  type NewNotice,
  type NoticeRow,
} from '../data/notices.ts';
import { insertNoticeDeliveries } from '../data/noticeDeliveries.ts';
import { emailDeliveries } from '../services/noticePreferences.ts';
import { capitalCallNotices, paymentMoneyNotice, transactionNotices } from '../services/notices.ts';
import type { AlertRaisedEvent } from './alertStream.ts';

/**
 * Notices travel live on the same stream as alerts (`alerts.raised`), as NoticeCreated events
 * written to the outbox with the notice; the stream tail keys them by investor.
 */
export const NOTICE_CREATED = 'NoticeCreated';
/** Some of an investor's notices were marked read: their live unread count changes. */
export const NOTICES_READ = 'NoticesRead';
export const noticeKey = (investorId: string) => `notice:${investorId}`;

const DATE_FIELDS = [
  'dueDate',
  'feePeriodStart',
  'feePeriodEnd',
  'occurredAt',
  'createdAt',
  'readAt',
] as const;
const MINOR_FIELDS = [
  'amountMinor',
  'returnOfCapitalMinor',
  'preferredReturnMinor',
  'profitShareMinor',
] as const;

/** The notice as an event payload: JSON has no bigint, so amounts travel as strings. */
function payloadOf(row: NoticeRow): Record<string, unknown> {
  const payload: Record<string, unknown> = { ...row };
  for (const field of MINOR_FIELDS) payload[field] = row[field]?.toString() ?? null;
  return payload;
}

/** The event's payload back into a row (a field an older event lacks is null). */
export function noticeFromEvent(event: AlertRaisedEvent): NoticeRow {
  const raw = event.payload;
  const row: Record<string, unknown> = { ...raw };
  for (const field of MINOR_FIELDS) {
    const value = raw[field];
    row[field] = typeof value === 'string' ? BigInt(value) : null;
  }
  for (const field of DATE_FIELDS) {
    const value = raw[field];
    row[field] = typeof value === 'string' ? new Date(value) : null;
  }
  return row as unknown as NoticeRow;
}

/** What writing some events' notices did: the notices written now, and how many emails queued. */
export interface Noticed {
  notices: NoticeRow[];
  emails: number;
}

/**
 * Writes the notices some events give and, for the kinds each investor wants by email, their
 * email delivery rows (the dispatcher sends them), in the caller's transaction: one statement,
 * two when an email is queued. Their NoticeCreated events go to `outbox`, which the caller
 * writes in the same transaction. Exactly once per event and investor: a redelivered event's
 * notices already exist and are neither written, announced nor queued again (data/notices.ts).
 */
export async function writeNotices(
  tx: AlertsQueryable,
  rows: NewNotice[],
  outbox: OutboxInsert[],
): Promise<Noticed> {
  const written = await insertNoticesOnce(tx, rows);
  const notices = written.map((w) => w.notice);
  for (const row of notices) {
    outbox.push({
      id: uuidv7(),
      type: NOTICE_CREATED,
      aggregateId: row.investorId,
      payload: payloadOf(row),
      occurredAt: row.createdAt,
    });
  }
  const emails = emailDeliveries(written);
  await insertNoticeDeliveries(tx, emails);
  return { notices, emails: emails.length };
}

/**
 * Marks the investor's own notices read (all unread when `ids` is null) and, when any changed,
 * announces it (NoticesRead, in the same transaction) so that their live unread count
 * (`Subscription.unreadNoticeCount`) is counted again in every tab. How many changed.
 */
export const readNotices = (
  db: AlertsDb,
  investorId: string,
  ids: readonly string[] | null,
  at: Date,
): Promise<number> =>
  db.transaction(async (tx) => {
    const changed = await markNoticesRead(tx, investorId, ids, at);
    if (changed > 0) {
      await insertOutboxEvents(tx, [
        {
          id: uuidv7(),
          type: NOTICES_READ,
          aggregateId: investorId,
          payload: { investorId, count: changed },
          occurredAt: at,
        },
      ]);
    }
    return changed;
  });

/**
 * Each investor's payment outcomes and fee shares, from any step of a ledger transaction, and
 * their money held or paid back.
 */
export const noticeLedgerEvents = (
  tx: AlertsQueryable,
  events: LedgerStreamEvent[],
  outbox: OutboxInsert[],
) =>
  writeNotices(
    tx,
    events.flatMap((event) =>
      isTransactionStep(event) ? transactionNotices(event) : [paymentMoneyNotice(event)],
    ),
    outbox,
  );

/** The handler `pools.events`' consumer calls: each member's part of a capital call. */
export const noticeCapitalCalls = (db: AlertsDb, events: CapitalCalledEvent[]) =>
  db.transaction(async (tx) => {
    const outbox: OutboxInsert[] = [];
    const noticed = await writeNotices(tx, events.flatMap(capitalCallNotices), outbox);
    await insertOutboxEvents(tx, outbox);
    return noticed;
  });
