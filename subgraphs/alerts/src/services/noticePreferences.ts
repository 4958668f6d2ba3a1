import { isPartner, requireViewer, type Viewer } from '@poolgraph/auth';
import { forbidden, uuidv7 } from '@poolgraph/platform';
import type { AlertsQueryable } from '../db/index.ts';
import { NOTICE_KINDS, type NoticeKind } from '../db/schema.ts';
import { selectContactEmails } from '../data/contacts.ts';
import type { NoticeRow } from '../data/notices.ts';
import { selectPreferencesOf, upsertPreference } from '../data/noticePreferences.ts';

/**
 * Email by default for what the investor did not start themself and may have to act on (a
 * capital call, money paid or charged to them, a payment of theirs that failed); not for their
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

/** The notices (of any investors) whose investor wants them by email. */
export async function noticesToEmail(
  db: AlertsQueryable,
  notices: readonly NoticeRow[],
): Promise<NoticeRow[]> {
  if (notices.length === 0) return [];
  const stored = new Map<string, boolean>();
  for (const row of await selectPreferencesOf(
    db,
    notices.map((n) => n.investorId),
  )) {
    stored.set(`${row.investorId}:${row.kind}`, row.email);
  }
  return notices.filter((n) => stored.get(`${n.investorId}:${n.kind}`) ?? EMAIL_BY_DEFAULT[n.kind]);
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

/** The delivery rows of the notices to email: one per notice on the EMAIL channel. */
export const emailDeliveries = (notices: readonly NoticeRow[]) =>
  notices.map((n) => ({
    id: uuidv7(),
    noticeId: n.id,
    investorId: n.investorId,
    channel: 'EMAIL' as const,
  }));
