import { createHmac, timingSafeEqual } from 'node:crypto';
import { parsePartnerEvent, type PartnerEvent } from './partnerEvents.ts';

/** `sha256=<hex of HMAC-SHA256(secret, "<timestamp>.<raw body>")>`. */
export const SIGNATURE_HEADER = 'x-poolgraph-signature';
/** Unix seconds when the delivery was signed (each attempt signs afresh). */
export const TIMESTAMP_HEADER = 'x-poolgraph-timestamp';
/** How far a delivery's timestamp may be from the receiver's clock, by default. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * What Poolgraph POSTs to a webhook: one alert. Delivery is at least once (a retry after a lost
 * answer sends it again): dedupe on `deliveryId` (or `alert.id`).
 */
export interface AlertWebhook {
  deliveryId: string;
  alert: {
    id: string;
    poolId: string;
    poolName: string;
    kind: 'LARGE_TRANSACTION' | 'TRANSACTION_SPIKE';
    message: string;
    transactionId: string | null;
    observedCount: number | null;
    baselineCount: number | null;
    /** ISO 8601, UTC. */
    raisedAt: string;
  };
}

export type WebhookRejection =
  'MISSING_HEADER' | 'BAD_TIMESTAMP' | 'STALE_TIMESTAMP' | 'BAD_SIGNATURE' | 'BAD_BODY';

/** A delivery that is not Poolgraph's, was altered, or is too old (a replay): answer 400/401. */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
  constructor(
    readonly reason: WebhookRejection,
    message: string,
  ) {
    super(message);
  }
}

/** Headers as Node's `req.headers` or a Fetch `Headers`. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

function header(headers: WebhookHeaders, name: string): string {
  const value =
    headers instanceof Headers
      ? headers.get(name)
      : Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  if (typeof value !== 'string' || value === '' || value.includes(',')) {
    // Absent, or sent twice (an array, or joined by a comma): not one signature to check.
    throw new WebhookVerificationError('MISSING_HEADER', `expected one ${name} header`);
  }
  return value.trim();
}

/** What both verifiers take: the delivery as received and the webhook's secret. */
export interface WebhookDelivery {
  /** The webhook's secret, shown once when the webhook was added. */
  secret: string;
  /** The raw bytes received (before any JSON parser: re-serialized JSON does not match). */
  body: string | Uint8Array;
  headers: WebhookHeaders;
  toleranceSeconds?: number;
  /** The receiver's clock, in milliseconds (tests). */
  now?: number;
}

/**
 * Checks a delivery's signature and age and answers its body parsed as JSON. The signature is
 * compared in constant time; a timestamp further than `toleranceSeconds` from `now` (either way)
 * is refused, so a captured delivery cannot be replayed later.
 */
function verifiedJson(input: WebhookDelivery): unknown {
  if (!input.secret) throw new TypeError('verifying a webhook needs its secret');
  const timestamp = header(input.headers, TIMESTAMP_HEADER);
  const signature = header(input.headers, SIGNATURE_HEADER);
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw new WebhookVerificationError('BAD_TIMESTAMP', `${TIMESTAMP_HEADER} is not unix seconds`);
  }
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const age = Math.abs((input.now ?? Date.now()) / 1000 - Number(timestamp));
  if (age > tolerance) {
    throw new WebhookVerificationError(
      'STALE_TIMESTAMP',
      `signed ${Math.round(age)} s away from this clock (tolerance ${tolerance} s)`,
    );
  }
  const sent = /^sha256=([0-9a-f]{64})$/.exec(signature)?.[1];
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  const expected = createHmac('sha256', input.secret).update(`${timestamp}.`).update(body).digest();
  if (!sent || !timingSafeEqual(Buffer.from(sent, 'hex'), expected)) {
    throw new WebhookVerificationError('BAD_SIGNATURE', 'the signature does not match the body');
  }
  try {
    return JSON.parse(Buffer.from(body).toString('utf8')) as unknown;
  } catch {
    throw new WebhookVerificationError('BAD_BODY', 'the signed body is not JSON');
  }
}

/**
 * Checks an alert webhook's delivery (a manager's `addNotificationChannel`) and returns its
 * payload. Throws WebhookVerificationError naming the reason.
 */
export function verifyWebhook(input: WebhookDelivery): AlertWebhook {
  return verifiedJson(input) as AlertWebhook;
}

/**
 * Checks a partner webhook's delivery (`addPartnerWebhook`) and returns its pool event, typed by
 * `type`. Throws WebhookVerificationError naming the reason: a signed body that is not a partner
 * event (another webhook's, or a shape this SDK does not know) is `BAD_BODY`.
 */
export function verifyPartnerEvent(input: WebhookDelivery): PartnerEvent {
  const value = verifiedJson(input);
  try {
    return parsePartnerEvent(value);
  } catch (error) {
    throw new WebhookVerificationError('BAD_BODY', (error as Error).message);
  }
}
