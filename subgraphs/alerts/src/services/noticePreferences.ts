import { isPartner, requireViewer, type Viewer } from '@poolgraph/auth';
import { forbidden, uuidv7 } from '@poolgraph/platform';
import type { AlertsQueryable } from '../db/index.ts';
import { NOTICE_KINDS, type NoticeKind } from '../db/schema.ts';
import { selectContactEmails } from '../data/contacts.ts';
import type { WrittenNotice } from '../data/notices.ts';
import { selectPreferencesOf, upsertPreference } from '../data/noticePreferences.ts';

/**
 * Email by default for what the investor did not start themself and may have to act on (a
 * capital call, money paid or charged to them, a payment of theirs that failed, money of
 * theirs held or paid back); not for their
 * own contribution or withdrawal going through as they asked (the app tells them).
 */
export const EMAIL_BY_DEFAULT: Record<NoticeKind, boolean> = {
  CAPITAL_CALL: true,
  DISTRIBUTION: true,
  DISTRIBUTION_VOIDED: true,
  FEE: true,
  CARRY: true,
  CONTRIBUTION_POSTED: false,
  CONTRIBUTION_VOIDED: true,
  WITHDRAWAL_POSTED: false,
  WITHDRAWAL_VOIDED: true,
  PAYMENT_HELD: true,
  PAYMENT_REFUNDED: true,
};

export interface EffectivePreference {
  kind: NoticeKind;
  inApp: true;
  email: boolean;
  isDefault: boolean;
}

/** Every kind for one investor: their own choice where they made one, else the default. */
function effective(stored: ReadonlyMap<NoticeKind, boolean>): EffectivePreference[] {
  return NOTICE_KINDS.map((kind) => {
    const own = stored.get(kind);
    return {
      kind,
      inApp: true,
      email: own ?? EMAIL_BY_DEFAULT[kind],
      isDefault: own === undefined,
    };
  });
}

/** A person's own preferences; an API key has none (FORBIDDEN), anonymous UNAUTHENTICATED. */
function owner(viewer: Viewer | null): Viewer {
  const caller = requireViewer(viewer);
  if (isPartner(caller)) throw forbidden('API keys have no notice preferences.');
  return caller;
}

export async function noticePreferencesOf(
  db: AlertsQueryable,
  viewer: Viewer | null,
): Promise<EffectivePreference[]> {
  const caller = owner(viewer);
  const rows = await selectPreferencesOf(db, [caller.userId]);
  return effective(new Map(rows.map((row) => [row.kind, row.email])));
}

/** The caller's address for notice emails, as users last announced it (null: not yet). */
export async function noticeEmailAddressOf(
  db: AlertsQueryable,
  viewer: Viewer | null,
): Promise<string | null> {
  const caller = owner(viewer);
  return (await selectContactEmails(db, [caller.userId])).get(caller.userId) ?? null;
}

/** Sets whether the caller is emailed notices of one kind; returns that kind's preference. */
export async function setNoticePreference(
  db: AlertsQueryable,
  viewer: Viewer | null,
  kind: NoticeKind,
  email: boolean,
): Promise<EffectivePreference> {
  const caller = owner(viewer);
  await upsertPreference(db, { investorId: caller.userId, kind, email });
  return { kind, inApp: true, email, isDefault: false };
}

/**
 * The email delivery rows of notices just written: one on the EMAIL channel for each notice whose
 * investor wants its kind by email (their own choice when they made one, else the default).
 */
export const emailDeliveries = (written: readonly WrittenNotice[]) =>
  written
    .filter(({ notice, ownEmailChoice }) => ownEmailChoice ?? EMAIL_BY_DEFAULT[notice.kind])
    .map(({ notice }) => ({
      id: uuidv7(),
      noticeId: notice.id,
      investorId: notice.investorId,
      channel: 'EMAIL' as const,
    }));
