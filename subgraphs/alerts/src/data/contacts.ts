import { inArray, sql } from 'drizzle-orm';
import { sqlValues } from '@poolgraph/platform';
import type { AlertsQueryable } from '../db/index.ts';
import { contacts } from '../db/schema.ts';

export interface ContactChange {
  userId: string;
  email: string;
  changedAt: Date;
  eventId: string;
}

/**
 * upsertContacts: each account's address from its UserContactChanged events, one statement.
 * A row takes the event's address only when the event is newer (its time, then its id) than
 * the one it holds, so redelivered and reordered events change nothing.
 */
export async function upsertContacts(
  db: AlertsQueryable,
  changes: readonly ContactChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const newer = sql`(VALUES(changed_at) > changed_at OR (VALUES(changed_at) = changed_at AND VALUES(event_id) > event_id))`;
  // Assignments run in order and later ones see earlier ones: changed_at is set last, so
  // `newer` reads the row's old time throughout (event_id only breaks ties of equal times).
  await db.execute(sql`
    INSERT INTO contacts (user_id, email, changed_at, event_id)
    VALUES ${sqlValues(changes.map((c) => [c.userId, c.email, c.changedAt, c.eventId]))}
    ON DUPLICATE KEY UPDATE
      email = IF(${newer}, VALUES(email), email),
      event_id = IF(${newer}, VALUES(event_id), event_id),
      changed_at = IF(${newer}, VALUES(changed_at), changed_at)`);
}

/** selectContactEmails: the addresses alerts knows, by user id (unknown users are absent). */
export async function selectContactEmails(
  db: AlertsQueryable,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: contacts.userId, email: contacts.email })
    .from(contacts)
    .where(inArray(contacts.userId, [...new Set(userIds)]));
  return new Map(rows.map((row) => [row.userId, row.email]));
}
