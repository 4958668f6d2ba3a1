import type { IncomingMessage, ServerResponse } from 'node:http';
import type Stripe from 'stripe';
import {
  selectPaymentByProviderId,
  selectPaymentByTransactionId,
  setProviderPaymentId,
  type PaymentRow,
} from '../data/payments.ts';
import { insertProviderEvent, markProviderEventProcessed } from '../data/providerEvents.ts';
import type { PaymentsDeps } from './deps.ts';
import { applyProviderState } from './settlement.ts';

/**
 * The events the ledger's Stripe webhook endpoint subscribes to (the endpoint's
 * `enabled_events`): a card payment's outcomes. Every other `payment_intent.*` event is
 * handled too if it comes (processEvent), but none changes what the ledger holds:
 * `payment_intent.created` announces an intent the ledger itself opened and recorded (a
 * webhook request and three statements for an acknowledgement), and the intermediate states
 * (`processing`, `requires_action`) leave the contribution pending.
 */
export const STRIPE_WEBHOOK_EVENTS = [
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'payment_intent.canceled',
] as const;

/** Stripe's events are a few KB; anything far larger is not one. */
const MAX_WEBHOOK_BYTES = 256 * 1024;

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_WEBHOOK_BYTES) throw new Refusal(413, 'The body is too large for a webhook.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function answer(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * The payment an event is about: by the PaymentIntent id, else by the transaction id the
 * intent carries in metadata (an event that overtook the create call's answer), and only while
 * that payment has no other intent id (the create call's answer may record this one meanwhile).
 * Anything else is an unknown payment.
 */
async function paymentOf(deps: PaymentsDeps, intent: Stripe.PaymentIntent): Promise<PaymentRow> {
  const byId = await selectPaymentByProviderId(deps.db, 'stripe', intent.id);
  if (byId) return byId;
  const transactionId = intent.metadata?.transaction_id;
  const byMetadata = transactionId
    ? await selectPaymentByTransactionId(deps.db, transactionId)
    : null;
  const otherId = byMetadata?.providerPaymentId && byMetadata.providerPaymentId !== intent.id;
  if (!byMetadata || byMetadata.provider !== 'stripe' || otherId) {
    throw new Refusal(404, 'The event is about a payment this ledger does not know.');
  }
  if (!byMetadata.providerPaymentId) {
    await setProviderPaymentId(deps.db, byMetadata.transactionId, intent.id);
  }
  return { ...byMetadata, providerPaymentId: intent.id };
}

/**
 * What a verified event does. Events arrive late, twice and out of order, so the event only
 * says which payment to look at: the intent's current state is asked from Stripe and applied
 * (applyProviderState, exactly once by the ledger's own checks). `payment_intent.created` is
 * the exception: a new intent is open, and any state it reaches later comes with an event of
 * its own (succeeded, payment_failed, canceled), so once its payment is found and matches it is
 * acknowledged without asking Stripe (docs/DECISIONS.md, "Payments").
 */
async function processEvent(deps: PaymentsDeps, event: Stripe.Event): Promise<string> {
  if (!event.type.startsWith('payment_intent.')) return `ignored: ${event.type}`;
  const intent = event.data.object as Stripe.PaymentIntent;
  const payment = await paymentOf(deps, intent);
  if (
    BigInt(intent.amount) !== payment.amount ||
    intent.currency.toUpperCase() !== payment.currency
  ) {
    throw new Refusal(422, 'The event names another amount or currency than the payment.');
  }
  if (event.type === 'payment_intent.created') return 'acknowledged: created';
  const adapter = deps.adapters.CARD!;
  const state = await adapter.state(payment);
  return state ? applyProviderState(deps, payment, state) : 'ignored: no state';
}

/**
 * POST /webhooks/stripe. The signature (HMAC-SHA256 with the endpoint secret, checked by the
 * SDK's constructEvent) and its timestamp (the replay window) come first: a refusal writes
 * nothing and is logged. A verified event is stored raw, once per event id, before it is
 * processed; a redelivery of a processed event only answers 200. A failure while processing
 * answers 500, so the provider delivers it again.
 */
export function stripeWebhookRoute(deps: PaymentsDeps) {
  const log = deps.log.child({ component: 'stripe-webhook' });
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return answer(res, 405, { error: 'Webhooks are POSTed.' });
    if (!deps.stripe) return answer(res, 404, { error: 'Card payments are not configured.' });
    let event: Stripe.Event;
    let raw: Buffer;
    try {
      raw = await readRaw(req);
      const signature = req.headers['stripe-signature'];
      event = deps.stripe.client.webhooks.constructEvent(
        raw,
        typeof signature === 'string' ? signature : '',
        deps.stripe.webhookSecret,
        deps.stripe.toleranceSeconds,
      );
    } catch (error) {
      const status = error instanceof Refusal ? error.status : 400;
      log.warn(
        { reason: (error as Error).message, ip: req.socket.remoteAddress },
        'webhook refused',
      );
      return answer(res, status, { error: 'The webhook was refused.' });
    }
    const earlier = await insertProviderEvent(deps.db, {
      provider: 'stripe',
      eventId: event.id,
      type: event.type,
      payload: raw.toString('utf8'),
    });
    if (earlier?.processedAt) {
      const refused = earlier.outcome?.startsWith('refused') ?? false;
      return answer(res, refused ? 400 : 200, { received: true, duplicate: true });
    }
    try {
      const outcome = await processEvent(deps, event);
      await markProviderEventProcessed(deps.db, 'stripe', event.id, outcome);
      log.info({ eventId: event.id, type: event.type, outcome }, 'webhook processed');
      answer(res, 200, { received: true, outcome });
    } catch (error) {
      if (error instanceof Refusal) {
        await markProviderEventProcessed(deps.db, 'stripe', event.id, `refused: ${error.message}`);
        log.warn({ eventId: event.id, type: event.type, reason: error.message }, 'webhook refused');
        return answer(res, error.status, { error: error.message });
      }
      log.error(
        { err: error, eventId: event.id },
        'webhook processing failed; the provider retries',
      );
      answer(res, 500, { error: 'Processing failed; deliver again.' });
    }
  };
}
