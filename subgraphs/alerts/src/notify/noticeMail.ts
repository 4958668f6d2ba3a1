import type { Logger, Mailer } from '@poolgraph/platform';
import { formatMoneyText } from '@poolgraph/money';
import type { AlertsDb } from '../db/index.ts';
import type { NoticeKind } from '../db/schema.ts';
import { selectContactEmails } from '../data/contacts.ts';
import {
  claimDueNoticeDeliveries,
  recordNoticeAttempt,
  type NoticeDeliveryRow,
} from '../data/noticeDeliveries.ts';
import { selectNoticesByIds, type NoticeRow } from '../data/notices.ts';
import { selectPoolFactsByIds } from '../data/poolFacts.ts';
import { retryDelayMs, type RetryPolicy } from './backoff.ts';

const SUBJECT: Record<NoticeKind, string> = {
  CAPITAL_CALL: 'Capital call',
  DISTRIBUTION: 'Distribution',
  DISTRIBUTION_VOIDED: 'Distribution cancelled',
  FEE: 'Fee',
  CARRY: 'Carried interest',
  CONTRIBUTION_POSTED: 'Contribution received',
  CONTRIBUTION_VOIDED: 'Contribution failed',
  WITHDRAWAL_POSTED: 'Withdrawal paid',
  WITHDRAWAL_VOIDED: 'Withdrawal cancelled',
  PAYMENT_HELD: 'Payment held for you',
  PAYMENT_REFUNDED: 'Payment refunded',
};

const day = (date: Date) => date.toISOString().slice(0, 10);

/** A notice as an email: its sentence, then its details line by line (plain text). */
export function noticeEmail(notice: NoticeRow, poolName: string) {
  const money = (minor: bigint) => formatMoneyText(minor, notice.currency);
  const lines = [notice.message, '', `Pool: ${poolName}`];
  if (notice.returnOfCapitalMinor !== null) {
    lines.push(`Return of capital: ${money(notice.returnOfCapitalMinor)}`);
    lines.push(`Preferred return: ${money(notice.preferredReturnMinor ?? 0n)}`);
    lines.push(`Profit share: ${money(notice.profitShareMinor ?? 0n)}`);
  }
  if (notice.feePeriodStart) {
    const end = notice.feePeriodEnd ? ` to ${day(notice.feePeriodEnd)}` : ' (charged once)';
    lines.push(`Management fee period: ${day(notice.feePeriodStart)}${end}`);
  }
  if (notice.dueDate) lines.push(`Due: ${day(notice.dueDate)}`);
  lines.push(`Notice: ${notice.id}`, `Occurred at: ${notice.occurredAt.toISOString()}`, '');
  lines.push(
    `Email is on for ${SUBJECT[notice.kind].toLowerCase()} notices; change it in the app under Notices.`,
  );
  return {
    subject: `[Poolgraph] ${SUBJECT[notice.kind]} in ${poolName}`,
    text: `${lines.join('\n')}\n`,
  };
}

export interface NoticeMailDeps {
  db: AlertsDb;
  log: Logger;
  mailer?: Mailer;
  retry: RetryPolicy;
  leaseMs: number;
  batchSize: number;
  onAttempt?: (outcome: 'delivered' | 'retry' | 'dead', channel: string) => void;
}

type Outcome =
  { ok: true; to: string } | { ok: false; to: string | null; error: string; final?: true };

/**
 * One pass over the notices' email outbox: claims due rows, sends each to the investor's address
 * as users last announced it, and records DELIVERED, a retry with backoff, or DEAD after
 * `maxAttempts` (an investor whose address is not known yet is retried the same way; without
 * SMTP configured a row is DEAD at once). Returns how many rows it handled.
 */
export async function deliverDueNoticeEmails(deps: NoticeMailDeps): Promise<number> {
  const { db, retry } = deps;
  const due = await claimDueNoticeDeliveries(db, { limit: deps.batchSize, leaseMs: deps.leaseMs });
  if (due.length === 0) return 0;
  const notices = new Map(
    (
      await selectNoticesByIds(
        db,
        due.map((d) => d.noticeId),
      )
    ).map((n) => [n.id, n]),
  );
  const emails = await selectContactEmails(
    db,
    due.map((d) => d.investorId),
  );
  const pools = new Map(
    (
      await selectPoolFactsByIds(
        db,
        [...notices.values()].map((n) => n.poolId),
      )
    ).map((p) => [p.poolId, p.name]),
  );

  async function send(row: NoticeDeliveryRow): Promise<Outcome> {
    const notice = notices.get(row.noticeId);
    const to = emails.get(row.investorId) ?? null;
    // Without SMTP (the demo, development) no email can ever go: DEAD at once, quietly, whether
    // or not the investor's address has arrived yet.
    if (!deps.mailer) return { ok: false, to, error: 'SMTP is not configured', final: true };
    if (!notice) return { ok: false, to, error: 'the notice is gone' };
    if (!to) return { ok: false, to, error: 'no address is known for the investor yet' };
    try {
      await deps.mailer.send({
        to,
        ...noticeEmail(notice, pools.get(notice.poolId) ?? notice.poolId),
        headers: { 'x-poolgraph-notice-id': notice.id, 'x-poolgraph-delivery-id': row.id },
      });
      return { ok: true, to };
    } catch (error) {
      return { ok: false, to, error: String((error as Error).message).slice(0, 500) };
    }
  }

  await Promise.all(
    due.map(async (row) => {
      const outcome = await send(row);
      const attempts = row.attempts + 1;
      const dead = !outcome.ok && (outcome.final || attempts >= retry.maxAttempts);
      await recordNoticeAttempt(db, row, {
        status: outcome.ok ? 'DELIVERED' : dead ? 'DEAD' : 'PENDING',
        attempts,
        lastError: outcome.ok ? null : outcome.error,
        sentTo: outcome.to,
        deliveredAt: outcome.ok ? new Date() : null,
        nextAttemptAt: new Date(
          Date.now() + (outcome.ok || dead ? 0 : retryDelayMs(retry, attempts)),
        ),
      });
      deps.onAttempt?.(outcome.ok ? 'delivered' : dead ? 'dead' : 'retry', 'NOTICE_EMAIL');
      if (!outcome.ok && !outcome.final) {
        deps.log.warn(
          { noticeDeliveryId: row.id, attempts, dead, error: outcome.error },
          'notice email failed',
        );
      }
    }),
  );
  return due.length;
}
