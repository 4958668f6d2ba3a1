import { z } from 'zod';
import { loadEnvOrExit, subgraphEnvShape } from '@poolgraph/platform';
import { DEFAULT_PAYMENTS, type PaymentsConfig } from './payments/index.ts';
import type { MoneyPolicy } from './movements/submit.ts';

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z
  .object({
    ...subgraphEnvShape('poolgraph_ledger', 4003),
    /**
     * "true" turns on `contribute`, an investor crediting themselves with money no provider
     * confirmed: development, the demo and benchmarks. Unset: on outside production, off in it.
     */
    CONTRIBUTE_WITHOUT_PAYMENT: z.enum(['true', 'false']).optional(),
    /**
     * "true": a withdrawal is a PENDING payout until the manager confirms the bank paid it.
     * Unset: on in production, off elsewhere.
     */
    PAY_OUT_WITHDRAWALS: z.enum(['true', 'false']).optional(),
    /** Card payments: Stripe's secret key; unset, CARD contributions are refused. */
    STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
    /** The webhook endpoint's signing secret (`whsec_…`); required with STRIPE_SECRET_KEY. */
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
    /** Where Stripe's API is; unset is api.stripe.com. The demo and tests: the local emulator. */
    STRIPE_API_URL: z.url().optional(),
    /** The webhook replay window: how old a signed timestamp may be. */
    STRIPE_WEBHOOK_TOLERANCE_SECONDS: seconds(300),
    CARD_PAYMENT_TIMEOUT_SECONDS: seconds(DEFAULT_PAYMENTS.timeoutsMs.CARD / 1000),
    BANK_TRANSFER_TIMEOUT_SECONDS: seconds(DEFAULT_PAYMENTS.timeoutsMs.BANK_TRANSFER / 1000),
    /** The collection account bank-transfer instructions name. */
    BANK_BENEFICIARY: z.string().min(1).default(DEFAULT_PAYMENTS.bank.beneficiary),
    BANK_IBAN: z
      .string()
      .regex(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/)
      .default(DEFAULT_PAYMENTS.bank.iban),
    BANK_BIC: z
      .string()
      .regex(/^[A-Z0-9]{8}([A-Z0-9]{3})?$/)
      .default(DEFAULT_PAYMENTS.bank.bic),
  })
  .refine((env) => !env.STRIPE_SECRET_KEY === !env.STRIPE_WEBHOOK_SECRET, {
    message: 'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set together or not at all',
    path: ['STRIPE_WEBHOOK_SECRET'],
  });

export type LedgerEnv = z.infer<typeof schema>;

/** The money policy: as set, else production's in production and development's elsewhere. */
export function moneyPolicyFromEnv(env: LedgerEnv): MoneyPolicy {
  const production = env.NODE_ENV === 'production';
  return {
    contributeWithoutPayment: (env.CONTRIBUTE_WITHOUT_PAYMENT ?? String(!production)) === 'true',
    payOutWithdrawals: (env.PAY_OUT_WITHDRAWALS ?? String(production)) === 'true',
  };
}
export const loadEnv = (): LedgerEnv => loadEnvOrExit(schema, process.env);

/** The payment settings the environment gives. */
export function paymentsFromEnv(env: LedgerEnv): PaymentsConfig {
  return {
    stripe:
      env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET
        ? {
            secretKey: env.STRIPE_SECRET_KEY,
            webhookSecret: env.STRIPE_WEBHOOK_SECRET,
            apiUrl: env.STRIPE_API_URL,
            webhookToleranceSeconds: env.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
          }
        : undefined,
    bank: { beneficiary: env.BANK_BENEFICIARY, iban: env.BANK_IBAN, bic: env.BANK_BIC },
    timeoutsMs: {
      CARD: env.CARD_PAYMENT_TIMEOUT_SECONDS * 1000,
      BANK_TRANSFER: env.BANK_TRANSFER_TIMEOUT_SECONDS * 1000,
    },
  };
}
