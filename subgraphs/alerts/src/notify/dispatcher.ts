import { uuidv7, type Keyring, type Logger, type SessionRevocations } from '@poolgraph/platform';
import type { AlertsDb } from '../db/index.ts';
import { selectAlertsByIds, type AlertRow } from '../data/alerts.ts';
import { selectChannelsWithSecret, type ChannelWithSecret } from '../data/channels.ts';
import { recordAttempt } from '../data/deliveryAttempts.ts';
import { claimDueNotifications, type NotificationRow } from '../data/notifications.ts';
import { selectPoolFacts } from '../data/poolFacts.ts';
import { DEFAULT_RETRY, retryDelayMs, type RetryPolicy } from './backoff.ts';
import { deliverDueNoticeEmails } from './noticeMail.ts';
import type { Mailer } from '@poolgraph/platform';
import { postWebhook, type WebhookOutcome } from './webhook.ts';
import { partnerDispatch } from './partnerDispatch.ts';
import { startPollLoop } from './pollLoop.ts';

export interface DispatcherOptions {
  db: AlertsDb;
  log: Logger;
  mailer?: Mailer;
  /**
   * Opens the webhook secrets. A secret that does not open (its KEK missing from the ring) fails
   * that channel's attempts, with the reason, and they retry and dead-letter as any failure
   * (replayNotification puts them back once the KEK is configured again).
   */
  secrets: Keyring;
  production: boolean;
  retry?: RetryPolicy;
  pollIntervalMs?: number;
  timeoutMs?: number;
  batchSize?: number;
  /** The shared revocation list: partner deliveries of a key revoked a moment ago are not sent. */
  revocations?: SessionRevocations;
  /** Called after each attempt is recorded (metrics): how it ended and the channel's kind. */
  onAttempt?: (outcome: 'delivered' | 'retry' | 'dead', channel: string) => void;
}

/** Rows just committed to each of the dispatcher's outboxes. */
export interface DispatchWork {
  /** Alert notifications (webhook and email channels). */
  alerts: number;
  noticeEmails: number;
  partners: number;
}

export interface Dispatcher {
  /**
   * Runs a pass now of each outbox that got rows (all three without `work`): a loop with
   * nothing new is left to its poll, so a read of the stream that queued nothing costs no claim.
   */
  notify(work?: Partial<DispatchWork>): void;
  stop(): Promise<void>;
}

/** What every receiver gets: the alert (its id to dedupe on) and the pool's name. */
export function notificationBody(notificationId: string, alert: AlertRow, poolName: string) {
  return {
    deliveryId: notificationId,
    alert: {
      id: alert.id,
      poolId: alert.poolId,
      poolName,
      kind: alert.kind,
      message: alert.message,
      transactionId: alert.transactionId,
      observedCount: alert.observedCount,
      baselineCount: alert.baselineCount,
      raisedAt: alert.raisedAt.toISOString(),
    },
  };
}

/**
 * Delivers the notification outbox (and, the same way, investors' notice emails:
 * noticeMail.ts): claims due PENDING rows (SKIP LOCKED, leased), sends each,
 * logs the attempt, and either marks it DELIVERED, schedules a retry with backoff, or after
 * `maxAttempts` marks it DEAD (replayNotification puts it back). At least once: a dispatcher
 * that dies after sending and before recording sends again after the lease; receivers dedupe on
 * the alert id (or the delivery id).
 */
export function startDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, log } = options;
  const retry = options.retry ?? DEFAULT_RETRY;
  const pollMs = options.pollIntervalMs ?? 1_000;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const leaseMs = timeoutMs * 3 + 5_000;
  let stopping = false;
  // Partner webhooks (notify/partnerDispatch.ts): the same loop, backoff and log.
  const runPartnerOnce = partnerDispatch({
    db,
    log,
    secrets: options.secrets,
    production: options.production,
    retry,
    timeoutMs,
    leaseMs,
    batchSize: options.batchSize ?? 20,
    revocations: options.revocations,
    onAttempt: options.onAttempt,
  });

  async function deliver(
    n: NotificationRow,
    alert: AlertRow | undefined,
    channel: ChannelWithSecret | undefined,
  ) {
    if (!alert) return { ok: false, statusCode: null, error: 'the alert is gone' };
    if (!channel || !channel.enabled)
      return { ok: false, statusCode: null, error: 'the channel was removed' };
    const facts = await selectPoolFacts(db, alert.poolId);
    const poolName = facts?.name ?? alert.poolId;
    const payload = notificationBody(n.id, alert, poolName);
    const headers = { 'x-poolgraph-alert-id': alert.id, 'x-poolgraph-delivery-id': n.id };
    if (channel.kind === 'WEBHOOK') {
      if (channel.secret === null) {
        const reason = channel.secretProblem ?? 'the channel has no secret';
        return { ok: false, statusCode: null, error: `cannot sign: ${reason}`.slice(0, 500) };
      }
      return postWebhook(channel.url!, channel.secret, JSON.stringify(payload), headers, {
        production: options.production,
        timeoutMs,
      });
    }
    if (!options.mailer) return { ok: false, statusCode: null, error: 'SMTP is not configured' };
    try {
      await options.mailer.send({
        to: channel.email!,
        subject: `[Poolgraph] ${alert.kind === 'LARGE_TRANSACTION' ? 'Large transaction' : 'Transaction spike'} in ${poolName}`,
        text: `${alert.message}\n\nPool: ${poolName}\nAlert: ${alert.id}\nRaised at: ${payload.alert.raisedAt}\n`,
        headers,
      });
      return { ok: true, statusCode: null, error: null };
    } catch (error) {
      return { ok: false, statusCode: null, error: String((error as Error).message).slice(0, 500) };
    }
  }

  async function runOnce(): Promise<number> {
    const due = await claimDueNotifications(db, { limit: options.batchSize ?? 20, leaseMs });
    if (due.length === 0) return 0;
    const alerts = new Map(
      (
        await selectAlertsByIds(
          db,
          due.map((n) => n.alertId),
        )
      ).map((a) => [a.id, a]),
    );
    const channelIds = due.map((n) => n.channelId).filter((id): id is string => !!id);
    const channels = new Map(
      (await selectChannelsWithSecret(db, options.secrets, channelIds)).map((c) => [c.id, c]),
    );
    await Promise.all(
      due.map(async (n) => {
        const started = Date.now();
        const outcome: WebhookOutcome = await deliver(
          n,
          alerts.get(n.alertId),
          channels.get(n.channelId ?? ''),
        );
        const attempt = n.attempts + 1;
        const dead = !outcome.ok && attempt >= retry.maxAttempts;
        await recordAttempt(
          db,
          {
            id: uuidv7(),
            notificationId: n.id,
            attempt,
            attemptedAt: new Date(started),
            ok: outcome.ok,
            statusCode: outcome.statusCode,
            error: outcome.error,
            durationMs: Date.now() - started,
          },
          {
            status: outcome.ok ? 'DELIVERED' : dead ? 'DEAD' : 'PENDING',
            deliveredAt: outcome.ok ? new Date() : null,
            lastError: outcome.error,
            nextAttemptAt: new Date(
              Date.now() + (outcome.ok || dead ? 0 : retryDelayMs(retry, attempt)),
            ),
          },
          n,
        );
        options.onAttempt?.(
          outcome.ok ? 'delivered' : dead ? 'dead' : 'retry',
          channels.get(n.channelId ?? '')?.kind ?? 'unknown',
        );
        if (!outcome.ok) {
          log.warn(
            { notificationId: n.id, attempt, dead, error: outcome.error },
            'notification delivery failed',
          );
        }
      }),
    );
    return due.length;
  }

  const runNoticeEmailsOnce = () =>
    deliverDueNoticeEmails({
      db,
      log,
      mailer: options.mailer,
      retry,
      leaseMs,
      batchSize: options.batchSize ?? 20,
      onAttempt: options.onAttempt,
    });
  // Alert notifications, notices' emails and partner webhooks each get a loop of their own, so a
  // partner's slow endpoint or a slow mail server never holds up a manager's alert.
  const runs: Record<keyof DispatchWork, () => Promise<number>> = {
    alerts: runOnce,
    noticeEmails: runNoticeEmailsOnce,
    partners: runPartnerOnce,
  };
  const loops = Object.entries(runs).map(([outbox, run]) => ({
    outbox: outbox as keyof DispatchWork,
    loop: startPollLoop(run, { pollMs, log, stopping: () => stopping }),
  }));
  return {
    notify(work) {
      for (const { outbox, loop } of loops) if (!work || (work[outbox] ?? 0) > 0) loop.notify();
    },
    async stop() {
      stopping = true;
      for (const { loop } of loops) loop.notify();
      await Promise.all(loops.map(({ loop }) => loop.done));
    },
  };
}
