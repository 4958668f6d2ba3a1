/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `stripe` (Stripe.js with a real publishable key) or `emulator` (the demo's and tests'). */
  readonly VITE_CARD_PROVIDER?: string;
  /** The card provider's publishable key (safe to ship to browsers; never the secret key). */
  readonly VITE_STRIPE_PUBLISHABLE_KEY?: string;
}
