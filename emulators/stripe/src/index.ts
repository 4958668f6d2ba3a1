/**
 * `npm run emulator:stripe`: the Stripe emulator as its own process (the demo starts it too).
 * Settings from the environment, with the demo's defaults; test keys only.
 */
import { createStripeEmulator } from './server.ts';

const env = process.env;
const port = Number(env.STRIPE_EMULATOR_PORT ?? 12111);
const emulator = createStripeEmulator({
  secretKey: env.STRIPE_SECRET_KEY ?? 'sk_test_poolgraph_emulator',
  publishableKey: env.STRIPE_PUBLISHABLE_KEY ?? 'pk_test_poolgraph_emulator',
  webhookUrl: env.STRIPE_WEBHOOK_URL ?? 'http://127.0.0.1:4003/webhooks/stripe',
  webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? 'whsec_poolgraph_emulator',
  // Comma-separated, as the endpoint's enabled events; unset: every event.
  webhookEvents: env.STRIPE_WEBHOOK_EVENTS?.split(',').map((type) => type.trim()),
  dataFile: env.STRIPE_EMULATOR_DATA,
});
const url = await emulator.listen(port, env.STRIPE_EMULATOR_HOST ?? '127.0.0.1');
console.error(`Stripe emulator (not Stripe: local test stand-in) listening on ${url}`);
const stop = () => void emulator.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
