import Stripe from 'stripe';
import type { PaymentRow } from '../data/payments.ts';
import type { OpenedPayment, PaymentAdapter, ProviderPayment, ProviderState } from './provider.ts';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** Where the API is: absent for api.stripe.com; the local emulator in tests and the demo. */
  apiUrl?: string;
  /** How old a webhook's signed timestamp may be, in seconds (the replay window). */
  webhookToleranceSeconds: number;
}

/** The official SDK, pointed at `apiUrl` through its host/port/protocol options when given. */
export function createStripeClient(settings: StripeSettings): Stripe {
  const url = settings.apiUrl ? new URL(settings.apiUrl) : null;
  return new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    telemetry: false,
    ...(url && {
      host: url.hostname,
      port: url.port || (url.protocol === 'https:' ? 443 : 80),
      protocol: url.protocol === 'http:' ? 'http' : 'https',
    }),
  });
}

/** A PaymentIntent's status in the ledger's terms. */
export function stateOf(intent: Stripe.PaymentIntent): ProviderState {
  const { status } = intent;
  if (status === 'succeeded')
    return { state: 'succeeded', status, amountReceived: BigInt(intent.amount_received) };
  if (status === 'canceled') return { state: 'canceled', status };
  if (status === 'requires_payment_method' && intent.last_payment_error)
    return { state: 'failed', status };
  return { state: 'open', status };
}

const isUnexpectedState = (error: unknown) =>
  error instanceof Stripe.errors.StripeInvalidRequestError &&
  error.code === 'payment_intent_unexpected_state';

/**
 * Card payments through Stripe PaymentIntents. One PaymentIntent per pending contribution,
 * created with the Stripe idempotency key `poolgraph-<transactionId>` (a retried create returns
 * the same intent) and `metadata.transaction_id`, which every webhook carries back, so an event
 * that overtakes the create call's answer still finds its payment.
 */
export function createStripeAdapter(stripe: Stripe): PaymentAdapter {
  const retrieve = (payment: PaymentRow) =>
    stripe.paymentIntents.retrieve(payment.providerPaymentId!);

  async function ensureId(payment: PaymentRow): Promise<string> {
    return payment.providerPaymentId ?? (await adapter.open(payment)).providerPaymentId!;
  }

  const adapter: PaymentAdapter = {
    provider: 'stripe',
    method: 'CARD',
    async open(payment): Promise<OpenedPayment> {
      const intent = payment.providerPaymentId
        ? await retrieve(payment)
        : await stripe.paymentIntents.create(
            {
              amount: Number(payment.amount),
              currency: payment.currency.toLowerCase(),
              allowed_payment_method_types: ['card'],
              description: `Poolgraph contribution ${payment.transactionId}`,
              metadata: {
                transaction_id: payment.transactionId,
                pool_id: payment.poolId,
                investor_id: payment.investorId,
              },
            },
            { idempotencyKey: `poolgraph-${payment.transactionId}` },
          );
      return {
        providerPaymentId: intent.id,
        clientSecret: intent.client_secret,
        status: intent.status,
      };
    },
    async state(payment) {
      if (!payment.providerPaymentId) return { state: 'open', status: payment.providerStatus };
      return stateOf(await retrieve(payment));
    },
    async cancel(payment) {
      const id = await ensureId(payment);
      try {
        return stateOf(await stripe.paymentIntents.cancel(id));
      } catch (error) {
        // Succeeded (or canceled) meanwhile: the state it reached decides, not the cancel.
        if (isUnexpectedState(error)) return stateOf(await stripe.paymentIntents.retrieve(id));
        throw error;
      }
    },
    async refund(payment, amount) {
      await stripe.refunds.create(
        { payment_intent: await ensureId(payment), amount: Number(amount) },
        { idempotencyKey: `poolgraph-refund-${payment.transactionId}-${payment.refundedAmount}` },
      );
    },
    async list(since) {
      const found: ProviderPayment[] = [];
      for await (const intent of stripe.paymentIntents.list({
        created: { gte: Math.floor(since.getTime() / 1000) },
        limit: 100,
      })) {
        found.push({
          providerPaymentId: intent.id,
          transactionId: intent.metadata.transaction_id ?? null,
          amount: BigInt(intent.amount),
          currency: intent.currency.toUpperCase(),
          state: stateOf(intent),
        });
      }
      return found;
    },
  };
  return adapter;
}
