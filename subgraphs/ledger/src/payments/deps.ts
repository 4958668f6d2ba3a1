import type Stripe from 'stripe';
import type { Logger } from '@poolgraph/platform';
import type { LedgerDb } from '../db/index.ts';
import type { PaymentMethod } from '../db/schema.ts';
import type { BankAccountSettings } from './bank.ts';
import type { PaymentAdapters } from './provider.ts';

/** Everything the payment services need, built once per process (see payments/index.ts). */
export interface PaymentsDeps {
  db: LedgerDb;
  log: Logger;
  adapters: PaymentAdapters;
  /** The Stripe SDK and its webhook settings; null when card payments are not configured. */
  stripe: { client: Stripe; webhookSecret: string; toleranceSeconds: number } | null;
  bank: BankAccountSettings;
  /** How long a started payment stays PENDING before it voids itself, per method (ms). */
  timeoutsMs: Record<PaymentMethod, number>;
  /** Wakes the outbox relay after a settlement committed. */
  onSettled: () => void;
}
