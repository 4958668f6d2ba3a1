import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from '@poolgraph/testing';
import { STRIPE_WEBHOOK_EVENTS } from '@poolgraph/ledger/payments';
import { createStripeEmulator } from '@poolgraph/stripe-emulator';
import { tailStream } from './streamTail.ts';

/**
 * The production money path's provider for a benchmark: the Stripe emulator in the bench's own
 * process (its CPU is the provider's, counted as the bench's, not the system's), on a free port,
 * with keys of this run. The ledger reads `ledgerEnv` at start; `sendWebhooksTo` points the
 * emulator's signed webhooks at the ledger once its port is known.
 */
export async function startCardProvider() {
  const run = randomBytes(8).toString('hex');
  const secretKey = `sk_test_bench_${run}`;
  const publishableKey = `pk_test_bench_${run}`;
  const webhookSecret = `whsec_bench_${run}`;
  const emulator = createStripeEmulator({ secretKey, publishableKey, retryBaseMs: 50 });
  const url = await emulator.listen(0);
  return {
    ledgerEnv: {
      STRIPE_SECRET_KEY: secretKey,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_API_URL: url,
    },
    async sendWebhooksTo(webhookUrl: string) {
      const response = await fetch(`${url}/_emulator/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          url: webhookUrl,
          secret: webhookSecret,
          events: STRIPE_WEBHOOK_EVENTS,
        }),
      });
      if (!response.ok) throw new Error(`emulator webhooks: ${response.status}`);
    },
    /** What the investor's browser does with Stripe.js: confirms with the client secret. */
    async confirm(providerPaymentId: string, clientSecret: string) {
      const response = await fetch(`${url}/v1/payment_intents/${providerPaymentId}/confirm`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${publishableKey}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ client_secret: clientSecret, payment_method: 'pm_card_visa' }),
      });
      if (!response.ok) throw new Error(`confirm ${providerPaymentId}: ${response.status}`);
    },
    async stop() {
      await emulator.idle();
      await emulator.stop();
    },
  };
}

/**
 * Waits for transactions to post, as `ledger.events` says (the moment the relay published the
 * posting): `posted(id)` resolves on that transaction's TransactionPosted. Register the wait
 * before the step that posts it (a posting nobody waits for is not kept).
 */
export async function watchPostings(stream: string) {
  const redis = new Redis(TEST_REDIS_URL);
  // From the stream's current end: an id, not '$', so nothing between two reads is missed.
  const [last] = await redis.xrevrange(stream, '+', '-', 'COUNT', 1);
  redis.disconnect();
  const waiting = new Map<string, () => void>();
  const stop = tailStream(
    stream,
    (_, event) => {
      const transactionId = event.payload?.transactionId ?? '';
      const resolve = waiting.get(transactionId);
      if (event.type !== 'TransactionPosted' || !resolve) return;
      waiting.delete(transactionId);
      resolve();
    },
    last?.[0] ?? '0-0',
  );
  return {
    posted: (transactionId: string) =>
      new Promise<void>((resolve) => waiting.set(transactionId, resolve)),
    stop,
  };
}
