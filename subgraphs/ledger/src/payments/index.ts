import type { Logger } from '@poolgraph/platform';
import type { LedgerDb } from '../db/index.ts';
import type { PaymentMethod } from '../db/schema.ts';
import { createBankTransferAdapter, type BankAccountSettings } from './bank.ts';
import type { PaymentsDeps } from './deps.ts';
import type { PaymentAdapters } from './provider.ts';
import { createStripeAdapter, createStripeClient, type StripeSettings } from './stripe.ts';

export type { PaymentsDeps } from './deps.ts';

/** The payment settings of one ledger process (from env.ts, or a test's stack). */
export interface PaymentsConfig {
  /** Card payments through Stripe; absent: CARD is refused with BAD_USER_INPUT. */
  stripe?: StripeSettings;
  bank: BankAccountSettings;
  /** How long a started payment stays PENDING before it voids itself, per method. */
  timeoutsMs: Record<PaymentMethod, number>;
  /** How often the expiry sweeper runs (ms). */
  sweepIntervalMs?: number;
}

export const DEFAULT_PAYMENTS: PaymentsConfig = {
  bank: {
    beneficiary: 'Poolgraph Collections (demo)',
    iban: 'GB33BUKB20201555555555',
    bic: 'BUKBGB22',
  },
  timeoutsMs: { CARD: 3_600_000, BANK_TRANSFER: 14 * 86_400_000 },
};

/** Builds the payment services' dependencies: adapters behind the one interface. */
export function createPayments(
  config: PaymentsConfig,
  db: LedgerDb,
  log: Logger,
  onSettled: () => void,
): PaymentsDeps {
  const stripe = config.stripe ? createStripeClient(config.stripe) : null;
  const adapters: PaymentAdapters = { BANK_TRANSFER: createBankTransferAdapter() };
  if (stripe) adapters.CARD = createStripeAdapter(stripe);
  return {
    db,
    log: log.child({ component: 'payments' }),
    adapters,
    stripe:
      stripe && config.stripe
        ? {
            client: stripe,
            webhookSecret: config.stripe.webhookSecret,
            toleranceSeconds: config.stripe.webhookToleranceSeconds,
          }
        : null,
    bank: config.bank,
    timeoutsMs: config.timeoutsMs,
    onSettled,
  };
}
