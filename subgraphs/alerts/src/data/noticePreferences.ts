import { inArray } from 'drizzle-orm';
import type { AlertsQueryable } from '../db/index.ts';
import { noticePreferences, type NoticeKind } from '../db/schema.ts';

export interface PreferenceRow {
  investorId: string;
  kind: NoticeKind;
  email: boolean;
}

const columns = {
  investorId: noticePreferences.investorId,
  kind: noticePreferences.kind,
  email: noticePreferences.email,
};

/** selectPreferencesOf: the kinds these investors set themselves (the others are defaults). */
export async function selectPreferencesOf(
  db: AlertsQueryable,
  investorIds: readonly string[],
): Promise<PreferenceRow[]> {
  if (investorIds.length === 0) return [];
  return db
    .select(columns)
    .from(noticePreferences)
    .where(inArray(noticePreferences.investorId, [...new Set(investorIds)]));
}

/** upsertPreference: one investor's choice for one kind (the last write wins). */
export async function upsertPreference(db: AlertsQueryable, row: PreferenceRow): Promise<void> {
  await db
    .insert(noticePreferences)
    .values(row)
    .onDuplicateKeyUpdate({ set: { email: row.email, updatedAt: new Date() } });
}
