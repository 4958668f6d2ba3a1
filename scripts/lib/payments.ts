import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { STRIPE_WEBHOOK_EVENTS } from '@poolgraph/ledger/payments';
import { startProcess, stopAll, waitUntilReady, type ManagedProcess } from './processes.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The demo's test keys: they only open the local emulator, never a real Stripe account. */
export const DEMO_STRIPE = {
  secretKey: 'sk_test_poolgraph_emulator',
  publishableKey: 'pk_test_poolgraph_emulator',
  webhookSecret: 'whsec_poolgraph_emulator',
  port: 12111,
};

export interface PaymentsDemo {
  /** The emulator's URL, or null when real Stripe keys are configured (no emulator then). */
  emulatorUrl: string | null;
  publishableKey: string;
  stop(): Promise<void>;
}

/**
 * Card payments for `npm start`: unless the environment names a real Stripe account
 * (STRIPE_SECRET_KEY without STRIPE_API_URL), the Stripe emulator runs as its own process and
 * the ledger is pointed at it (STRIPE_* set in this process's environment, which the services
 * inherit). Its PaymentIntents are kept in .poolgraph/, as the databases keep the ledger's.
 */
export async function startPaymentsDemo(
  ledgerPort: number,
  tls?: { ca: string },
): Promise<PaymentsDemo> {
  const env = process.env;
  if (env.STRIPE_SECRET_KEY && !env.STRIPE_API_URL) {
    return {
      emulatorUrl: null,
      publishableKey: env.STRIPE_PUBLISHABLE_KEY ?? '',
      stop: async () => {},
    };
  }
  const port = Number(env.STRIPE_EMULATOR_PORT ?? DEMO_STRIPE.port);
  const url = `http://127.0.0.1:${port}`;
  env.STRIPE_SECRET_KEY ??= DEMO_STRIPE.secretKey;
  env.STRIPE_PUBLISHABLE_KEY ??= DEMO_STRIPE.publishableKey;
  env.STRIPE_WEBHOOK_SECRET ??= DEMO_STRIPE.webhookSecret;
  env.STRIPE_API_URL ??= url;
  mkdirSync(resolve(ROOT, '.poolgraph'), { recursive: true });
  const emulator: ManagedProcess = await startProcess(
    'stripe-emu',
    resolve(ROOT, 'emulators/stripe/src/index.ts'),
    {
      STRIPE_EMULATOR_PORT: String(port),
      STRIPE_WEBHOOK_URL: `${tls ? 'https' : 'http'}://127.0.0.1:${ledgerPort}/webhooks/stripe`,
      STRIPE_WEBHOOK_EVENTS: STRIPE_WEBHOOK_EVENTS.join(','),
      // The emulator stands in for Stripe, not one of our services: it trusts the local CA the
      // way any Node program can, rather than through our TLS_CA.
      ...(tls ? { NODE_EXTRA_CA_CERTS: tls.ca } : {}),
      STRIPE_EMULATOR_DATA: resolve(ROOT, '.poolgraph/stripe-emulator.json'),
    },
  );
  await waitUntilReady(emulator, `${url}/_emulator/deliveries`).catch(async (error) => {
    await stopAll([emulator]);
    throw error;
  });
  return {
    emulatorUrl: url,
    publishableKey: env.STRIPE_PUBLISHABLE_KEY,
    stop: () => stopAll([emulator]),
  };
}
