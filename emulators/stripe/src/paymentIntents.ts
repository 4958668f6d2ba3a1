import { randomBytes } from 'node:crypto';
import type { StripeEvent, WebhookSender } from './webhooks.ts';

/** The fields of Stripe's PaymentIntent object that the emulator keeps (Stripe's names). */
export interface PaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  currency: string;
  status:
    'requires_payment_method' | 'requires_confirmation' | 'processing' | 'succeeded' | 'canceled';
  client_secret: string;
  metadata: Record<string, string>;
  description: string | null;
  payment_method: string | null;
  payment_method_types: string[];
  capture_method: 'automatic';
  confirmation_method: 'automatic';
  last_payment_error: { code: string; message: string; type: 'card_error' } | null;
  canceled_at: number | null;
  cancellation_reason: string | null;
  created: number;
  livemode: false;
}

export const API_VERSION = '2026-10-28.endive';
const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const now = () => Math.floor(Date.now() / 1000);

/** A Stripe API error, answered as `{ error: { type, code, message } }` with its status. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string,
    message: string,
    readonly paymentIntent?: PaymentIntent,
  ) {
    super(message);
  }
}

/**
 * PaymentIntents and their lifecycle, in memory (optionally saved to a file by the caller). Every
 * change emits the event Stripe would, through the webhook sender.
 */
/** Stripe refuses to confirm or cancel an intent that already succeeded or was canceled. */
function unfinished(intent: PaymentIntent, verb: 'confirm' | 'cancel'): PaymentIntent {
  if (intent.status === 'succeeded' || intent.status === 'canceled') {
    throw new StripeApiError(
      400,
      'invalid_request_error',
      'payment_intent_unexpected_state',
      `You cannot ${verb} this PaymentIntent because it has a status of ${intent.status}.`,
      intent,
    );
  }
  return intent;
}

/** The fields of Stripe's Refund object that the emulator keeps (Stripe's names). */
export interface Refund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  payment_intent: string;
  status: 'succeeded';
  created: number;
}

export function createPaymentIntents(webhooks: WebhookSender) {
  const intents = new Map<string, PaymentIntent>();
  const refunds = new Map<string, Refund>();

  function event(type: string, intent: PaymentIntent, idempotencyKey: string | null): StripeEvent {
    return {
      id: id('evt'),
      object: 'event',
      api_version: API_VERSION,
      created: now(),
      type,
      livemode: false,
      pending_webhooks: 1,
      request: { id: id('req'), idempotency_key: idempotencyKey },
      data: { object: structuredClone(intent) },
    };
  }

  function get(intentId: string): PaymentIntent {
    const intent = intents.get(intentId);
    if (!intent) {
      throw new StripeApiError(
        404,
        'invalid_request_error',
        'resource_missing',
        `No such payment_intent: '${intentId}'`,
      );
    }
    return intent;
  }

  const emit = (type: string, intent: PaymentIntent, key: string | null = null) =>
    webhooks.emit(event(type, intent, key));

  return {
    all: () => [...intents.values()],
    get,
    restore(saved: PaymentIntent[]) {
      for (const intent of saved) intents.set(intent.id, intent);
    },
    create(params: {
      amount: number;
      currency: string;
      metadata: Record<string, string>;
      description: string | null;
      paymentMethodTypes: string[];
    }): { intent: PaymentIntent; delivered: Promise<void> } {
      const intentId = id('pi');
      const intent: PaymentIntent = {
        id: intentId,
        object: 'payment_intent',
        amount: params.amount,
        amount_capturable: 0,
        amount_received: 0,
        currency: params.currency,
        status: 'requires_payment_method',
        client_secret: `${intentId}_secret_${randomBytes(12).toString('hex')}`,
        metadata: params.metadata,
        description: params.description,
        payment_method: null,
        payment_method_types: params.paymentMethodTypes,
        capture_method: 'automatic',
        confirmation_method: 'automatic',
        last_payment_error: null,
        canceled_at: null,
        cancellation_reason: null,
        created: now(),
        livemode: false,
      };
      intents.set(intentId, intent);
      return { intent, delivered: emit('payment_intent.created', intent) };
    },
    /**
     * The card outcome Stripe's test cards give: `pm_card_visa` pays, `pm_card_chargeDeclined`
     * declines (the intent goes back to requires_payment_method). `amountReceived` below the
     * amount settles part of it (the emulator's stand-in for a partial capture or funding).
     */
    confirm(intentId: string, paymentMethod: string, amountReceived?: number) {
      const intent = unfinished(get(intentId), 'confirm');
      intent.payment_method = paymentMethod;
      if (paymentMethod === 'pm_card_chargeDeclined') {
        intent.status = 'requires_payment_method';
        intent.last_payment_error = {
          code: 'card_declined',
          message: 'Your card was declined.',
          type: 'card_error',
        };
        return { intent, delivered: emit('payment_intent.payment_failed', intent) };
      }
      const received = amountReceived ?? intent.amount;
      if (!Number.isInteger(received) || received <= 0 || received > intent.amount) {
        throw new StripeApiError(
          400,
          'invalid_request_error',
          'parameter_invalid_integer',
          'amount_received must be between 1 and the amount.',
        );
      }
      intent.status = 'succeeded';
      intent.amount_received = received;
      intent.last_payment_error = null;
      return { intent, delivered: emit('payment_intent.succeeded', intent) };
    },
    cancel(intentId: string, reason: string | null) {
      const intent = unfinished(get(intentId), 'cancel');
      intent.status = 'canceled';
      intent.canceled_at = now();
      intent.cancellation_reason = reason ?? 'requested_by_customer';
      return { intent, delivered: emit('payment_intent.canceled', intent) };
    },
    /**
     * Refunds part or all of a succeeded intent's money, at most what was received less what was
     * refunded before (Stripe's charge_already_refunded / amount_too_large otherwise).
     */
    refund(intentId: string, amount?: number): { intent: Refund; delivered: Promise<void> } {
      const intent = get(intentId);
      const refunded = [...refunds.values()]
        .filter((r) => r.payment_intent === intentId)
        .reduce((sum, r) => sum + r.amount, 0);
      const left = intent.status === 'succeeded' ? intent.amount_received - refunded : 0;
      const wanted = amount ?? left;
      if (!Number.isInteger(wanted) || wanted < 1 || wanted > left) {
        throw new StripeApiError(
          400,
          'invalid_request_error',
          left === 0 ? 'charge_already_refunded' : 'amount_too_large',
          `Refund amount must be between 1 and the ${left} left to refund.`,
        );
      }
      const refund: Refund = {
        id: id('re'),
        object: 'refund',
        amount: wanted,
        currency: intent.currency,
        payment_intent: intentId,
        status: 'succeeded',
        created: now(),
      };
      refunds.set(refund.id, refund);
      // Stripe sends charge.refunded; the ledger acts on its own call's answer, not the event.
      return { intent: refund, delivered: Promise.resolve() };
    },
    refunds: () => [...refunds.values()],
    /** Emulator only: changes an intent without an event (to plant reconciliation mismatches). */
    force(intentId: string, status: PaymentIntent['status'], amountReceived?: number) {
      const intent = get(intentId);
      intent.status = status;
      if (amountReceived !== undefined) intent.amount_received = amountReceived;
      return intent;
    },
  };
}

export type PaymentIntents = ReturnType<typeof createPaymentIntents>;
