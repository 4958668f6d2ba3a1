import { uuidv7, type Keyring, type Logger, type SessionRevocations } from '@poolgraph/platform';
import type { AlertsDb } from '../db/index.ts';
import { recordAttempt } from '../data/deliveryAttempts.ts';
import { claimDuePartnerDeliveries, type PartnerDeliveryRow } from '../data/partnerDeliveries.ts';
import { selectPartnerKeysByIds } from '../data/partnerKeys.ts';
import {
  selectWebhooksWithSecret,
  type PartnerWebhookWithSecret,
} from '../data/partnerWebhooks.ts';
import { selectPoolFactsByIds } from '../data/poolFacts.ts';
import { whyKeyMisses } from '../services/partnerEventRules.ts';
import { retryDelayMs, type RetryPolicy } from './backoff.ts';
import { postWebhook, type WebhookOutcome } from './webhook.ts';

export interface PartnerDispatchOptions {
  db: AlertsDb;
  log: Logger;
  secrets: Keyring;
  production: boolean;
  retry: RetryPolicy;
  timeoutMs: number;
  leaseMs: number;
  batchSize: number;
  /** The shared revocation list: a key revoked a moment ago is refused before alerts hears of it. */
  revocations?: SessionRevocations;
  onAttempt?: (outcome: 'delivered' | 'retry' | 'dead', channel: string) => void;
}

/** What a partner endpoint receives (README "Partner webhooks"); `data` as it was at the event. */
export const partnerBody = (d: PartnerDeliveryRow) => ({
  deliveryId: d.id,
  eventId: d.eventId,
  type: d.eventType,
  occurredAt: d.occurredAt.toISOString(),
  poolId: d.poolId,
  apiKeyId: d.keyId,
  webhookId: d.webhookId,
  data: d.payload,
});

/**
 * One pass of partner webhook deliveries, run by the notification dispatcher beside its own:
 * claimed, leased, signed and posted as alert webhooks are, attempts in the same log, the same
 * backoff and dead letters. Before each attempt the key must still receive the event (not
 * revoked, not expired, the pool still in its scope); else the delivery ends DEAD, unsent, with
 * the reason. How many rows it handled.
 */
export function partnerDispatch(options: PartnerDispatchOptions): () => Promise<number> {
  const { db, retry } = options;

  /** One attempt; `final` when it must not be retried (the key or the webhook is gone). */
  async function attempt(
    d: PartnerDeliveryRow,
    webhook: PartnerWebhookWithSecret | undefined,
    keyReason: string | null,
  ): Promise<{ outcome: WebhookOutcome; final: boolean }> {
    const unsent = (error: string, final: boolean) => ({
      outcome: { ok: false, statusCode: null, error: error.slice(0, 500) },
      final,
    });
    if (!webhook) return unsent('not sent: the webhook was removed', true);
    if (keyReason) return unsent(`not sent: ${keyReason}`, true);
    if (await options.revocations?.isRevoked(d.keyId, d.keyId)) {
      return unsent('not sent: the API key was revoked', true);
    }
    if (webhook.secret === null) {
      return unsent(`cannot sign: ${webhook.secretProblem ?? 'the webhook has no secret'}`, false);
    }
    const headers = {
      'x-poolgraph-delivery-id': d.id,
      'x-poolgraph-event-id': d.eventId,
      'x-poolgraph-event-type': d.eventType,
    };
    const body = JSON.stringify(partnerBody(d));
    const outcome = await postWebhook(webhook.url, webhook.secret, body, headers, {
      production: options.production,
      timeoutMs: options.timeoutMs,
    });
    return { outcome, final: false };
  }

  return async function runOnce(): Promise<number> {
    const due = await claimDuePartnerDeliveries(db, {
      limit: options.batchSize,
      leaseMs: options.leaseMs,
    });
    if (due.length === 0) return 0;
    const [webhooks, keys, pools] = await Promise.all([
      selectWebhooksWithSecret(db, options.secrets, [...new Set(due.map((d) => d.webhookId))]),
      selectPartnerKeysByIds(db, [...new Set(due.map((d) => d.keyId))]),
      selectPoolFactsByIds(db, [...new Set(due.map((d) => d.poolId))]),
    ]);
    const webhookById = new Map(webhooks.map((w) => [w.id, w]));
    const keyById = new Map(keys.map((k) => [k.keyId, k]));
    const poolById = new Map(pools.map((p) => [p.poolId, p]));
    await Promise.all(
      due.map(async (d) => {
        const started = Date.now();
        const key = keyById.get(d.keyId);
        const keyReason = key
          ? whyKeyMisses(key, poolById.get(d.poolId) ?? null, d.eventType, new Date())
          : 'the API key is unknown';
        const { outcome, final } = await attempt(d, webhookById.get(d.webhookId), keyReason);
        const count = d.attempts + 1;
        const dead = !outcome.ok && (final || count >= retry.maxAttempts);
        await recordAttempt(
          db,
          {
            id: uuidv7(),
            notificationId: d.id,
            attempt: count,
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
              Date.now() + (outcome.ok || dead ? 0 : retryDelayMs(retry, count)),
            ),
          },
          d,
          'partner',
        );
        options.onAttempt?.(outcome.ok ? 'delivered' : dead ? 'dead' : 'retry', 'PARTNER');
        if (!outcome.ok) {
          options.log.warn(
            { partnerDeliveryId: d.id, attempt: count, dead, error: outcome.error },
            'partner webhook delivery failed',
          );
        }
      }),
    );
    return due.length;
  };
}
