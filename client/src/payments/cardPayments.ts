/**
 * The seam between the contribution dialog and whoever confirms card payments in the browser.
 *
 * Card data never reaches Poolgraph: the ledger's `startContribution` creates the payment at the
 * provider and hands back its client secret; the browser confirms the payment with the
 * provider directly, and the provider's webhook (not this code) tells the ledger the outcome.
 *
 * Two implementations, chosen at build time (vite.config.ts):
 * - `stripe`: Stripe.js, loaded from js.stripe.com when a real publishable key is configured;
 *   its Card Element collects the card inside Stripe's iframe, `confirmCardPayment` confirms.
 * - `emulator`: the local Stripe emulator (emulators/stripe) of the demo and the tests, reached
 *   through the web server's `/stripe-emulator` proxy. It has no card form: the user picks one
 *   of Stripe's test cards, and the confirmation is the same request Stripe.js makes
 *   (`POST /v1/payment_intents/:id/confirm` with the publishable key and the client secret).
 */

export type CardPaymentOutcome =
  | { status: 'succeeded' | 'processing' }
  /** The provider refused (declined card, wrong secret…): its message is for the user. */
  | { status: 'failed'; message: string };

export interface CardPayments {
  kind: 'stripe' | 'emulator';
  /** Shows the provider's card form in `container`; returns how to remove it. */
  mount(container: HTMLElement): Promise<() => void>;
  /** Confirms the payment whose client secret `startContribution` returned. */
  confirm(clientSecret: string, testCard?: TestCard): Promise<CardPaymentOutcome>;
}

/** Stripe's test payment methods the emulator understands. */
export const TEST_CARDS = [
  { value: 'pm_card_visa', label: 'Visa ending 4242 (pays)' },
  { value: 'pm_card_chargeDeclined', label: 'Visa ending 0002 (declined)' },
] as const;
export type TestCard = (typeof TEST_CARDS)[number]['value'];

const PUBLISHABLE_KEY = import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY ?? '';
const PROVIDER = import.meta.env.VITE_CARD_PROVIDER === 'stripe' ? 'stripe' : 'emulator';

export function cardPayments(): CardPayments {
  return PROVIDER === 'stripe' ? stripeJsPayments(PUBLISHABLE_KEY) : emulatorPayments();
}

/** The payment's id is the client secret's prefix (`pi_123_secret_abc` → `pi_123`), as at Stripe. */
export function paymentIdOf(clientSecret: string): string {
  return clientSecret.split('_secret_')[0] ?? clientSecret;
}

function emulatorPayments(base = '/stripe-emulator'): CardPayments {
  return {
    kind: 'emulator',
    mount: () => Promise.resolve(() => undefined),
    async confirm(clientSecret, testCard = 'pm_card_visa') {
      let response: Response;
      try {
        response = await fetch(`${base}/v1/payment_intents/${paymentIdOf(clientSecret)}/confirm`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${PUBLISHABLE_KEY}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({ client_secret: clientSecret, payment_method: testCard }),
        });
      } catch {
        return { status: 'failed', message: 'The card provider could not be reached. Try again.' };
      }
      const body = (await response.json().catch(() => ({}))) as {
        status?: string;
        error?: { message?: string };
        last_payment_error?: { message?: string };
      };
      if (!response.ok) {
        return { status: 'failed', message: body.error?.message ?? 'The card was not charged.' };
      }
      if (body.status === 'succeeded' || body.status === 'processing') {
        return { status: body.status };
      }
      return {
        status: 'failed',
        message: body.last_payment_error?.message ?? 'The card was not charged.',
      };
    },
  };
}

/** The part of Stripe.js this app uses (https://docs.stripe.com/js). */
interface StripeJs {
  elements(): { create(type: 'card'): StripeCardElement };
  confirmCardPayment(
    clientSecret: string,
    data: { payment_method: { card: StripeCardElement } },
  ): Promise<{
    paymentIntent?: { status: string };
    error?: { message?: string };
  }>;
}
interface StripeCardElement {
  mount(container: HTMLElement): void;
  destroy(): void;
}

let stripeJs: Promise<StripeJs> | undefined;
/** Stripe requires Stripe.js to be loaded from js.stripe.com, never bundled. */
function loadStripeJs(publishableKey: string): Promise<StripeJs> {
  stripeJs ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'https://js.stripe.com/v3/';
    script.onload = () => {
      const factory = (window as unknown as { Stripe?: (key: string) => StripeJs }).Stripe;
      if (factory) resolve(factory(publishableKey));
      else reject(new Error('Stripe.js did not load.'));
    };
    script.onerror = () => reject(new Error('Stripe.js could not be loaded.'));
    document.head.append(script);
  });
  return stripeJs;
}

function stripeJsPayments(publishableKey: string): CardPayments {
  let card: StripeCardElement | undefined;
  return {
    kind: 'stripe',
    async mount(container) {
      const stripe = await loadStripeJs(publishableKey);
      card = stripe.elements().create('card');
      card.mount(container);
      return () => card?.destroy();
    },
    async confirm(clientSecret) {
      if (!card) return { status: 'failed', message: 'Enter your card details.' };
      const stripe = await loadStripeJs(publishableKey);
      const { paymentIntent, error } = await stripe.confirmCardPayment(clientSecret, {
        payment_method: { card },
      });
      if (error) return { status: 'failed', message: error.message ?? 'The card was declined.' };
      return paymentIntent?.status === 'succeeded' || paymentIntent?.status === 'processing'
        ? { status: paymentIntent.status }
        : { status: 'failed', message: 'The payment did not complete.' };
    },
  };
}
