import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createStripeEmulator, signPayload } from '@poolgraph/stripe-emulator';
import { createLogger } from '@poolgraph/platform';
import type { StackOptions, TestUser } from '@poolgraph/test-stack';
import { createPayments, type PaymentsConfig } from '../src/payments/index.ts';
import type { PaymentsDeps } from '../src/payments/deps.ts';
import { STRIPE_WEBHOOK_EVENTS } from '../src/payments/webhook.ts';
import { assertBooksBalance } from '../src/books.ts';
import { expectData, startLedgerStack, type LedgerStack, type TestTransaction } from './helpers.ts';

export const SECRET_KEY = `sk_test_${randomBytes(8).toString('hex')}`;
export const PUBLISHABLE_KEY = `pk_test_${randomBytes(8).toString('hex')}`;
export const WEBHOOK_SECRET = `whsec_${randomBytes(16).toString('hex')}`;

export interface PaymentsStack extends LedgerStack {
  emulatorUrl: string;
  webhookUrl: string;
  /** Payment services over the test's ledger database (what the npm scripts use). */
  payments(): PaymentsDeps;
  /** Calls an emulator-only control endpoint. */
  control<T = Record<string, unknown>>(path: string, body?: unknown): Promise<T>;
  /** What the investor's browser does with Stripe.js: confirms with the client secret. */
  confirmCard(intentId: string, clientSecret: string, paymentMethod?: string): Promise<Response>;
  /** Resolves once the emulator has no webhook delivery under way. */
  idle(): Promise<void>;
}

/**
 * A ledger stack whose card payments go through the Stripe emulator (a real HTTP server on a
 * free port, the official SDK pointed at it) and whose webhooks come back to the ledger's
 * endpoint, signed. The emulator starts first (the ledger needs its URL), learns the webhook URL
 * once the ledger listens, and is stopped after the stack.
 */
export async function startPaymentsStack(
  extra: Partial<PaymentsConfig> = {},
  ledgerConfig: Record<string, unknown> = {},
): Promise<PaymentsStack> {
  const config: PaymentsConfig = {
    stripe: {
      secretKey: SECRET_KEY,
      webhookSecret: WEBHOOK_SECRET,
      apiUrl: 'http://127.0.0.1:1',
      webhookToleranceSeconds: 300,
    },
    bank: { beneficiary: 'Test Collections', iban: 'GB33BUKB20201555555555', bic: 'BUKBGB22' },
    timeoutsMs: { CARD: 3_600_000, BANK_TRANSFER: 86_400_000 },
    sweepIntervalMs: 200,
    ...extra,
  };
  const emulator = createStripeEmulator({
    secretKey: SECRET_KEY,
    publishableKey: PUBLISHABLE_KEY,
    retryBaseMs: 50,
    maxAttempts: 4,
  });
  const emulatorUrl = await emulator.listen(0);
  config.stripe!.apiUrl = emulatorUrl;
  const options: StackOptions = {
    serviceConfig: { ledger: { ...ledgerConfig, payments: config } },
  };
  const ls = await startLedgerStack(options);
  let deps: PaymentsDeps | undefined;
  const webhookUrl = `${ls.stack.urls.ledger}/webhooks/stripe`;
  const control = async <T>(path: string, body: unknown = {}) => {
    const response = await fetch(`${emulatorUrl}/_emulator/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`emulator ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  await control('webhooks', {
    url: webhookUrl,
    secret: WEBHOOK_SECRET,
    events: STRIPE_WEBHOOK_EVENTS,
  });
  return {
    ...ls,
    emulatorUrl,
    webhookUrl,
    payments() {
      deps ??= createPayments(config, ls.ledger.db, createLogger('test', 'silent'), () => {});
      return deps;
    },
    control,
    confirmCard: (intentId: string, clientSecret: string, paymentMethod = 'pm_card_visa') =>
      fetch(`${emulatorUrl}/v1/payment_intents/${intentId}/confirm`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${PUBLISHABLE_KEY}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ client_secret: clientSecret, payment_method: paymentMethod }),
      }),
    idle: () => emulator.idle(),
    async stop() {
      await ls.stop();
      await emulator.idle();
      await emulator.stop();
    },
  };
}

/** startPaymentsStack for a test file: the books checked after each test (as useLedgerStack). */
export function usePaymentsStack(
  extra: Partial<PaymentsConfig> = {},
  ledgerConfig: Record<string, unknown> = {},
): PaymentsStack {
  let current: PaymentsStack | undefined;
  const started = () => {
    if (!current) throw new Error('the payments stack is used before it started');
    return current;
  };
  beforeAll(async () => {
    current = await startPaymentsStack(extra, ledgerConfig);
  });
  afterEach(async () => {
    await assertBooksBalance(started().ledger.db);
  });
  afterAll(async () => {
    await current?.stop();
  });
  const forward = {} as PaymentsStack;
  for (const name of [
    'stack',
    'ledger',
    'emulatorUrl',
    'webhookUrl',
    'payments',
    'control',
    'confirmCard',
    'idle',
    'gql',
    'stop',
  ] as const) {
    Object.defineProperty(forward, name, { get: () => started()[name] });
  }
  return forward;
}

export const INTENT_FIELDS = `id method clientSecret providerPaymentId providerStatus
  bankTransfer { reference amount { amount currency } beneficiary iban bic }
  transaction { id type status amount { amount currency } reservedAmount { amount } expiresAt settledAt investor { id } pool { id } }`;

export const START = `mutation Start($poolId: ID!, $amount: Decimal!, $method: PaymentMethod!, $key: String!) {
  startContribution(poolId: $poolId, amount: $amount, method: $method, idempotencyKey: $key) { ${INTENT_FIELDS} } }`;

export const CONFIRM_TRANSFER = `mutation Confirm($reference: String!, $amount: Decimal!) {
  confirmBankTransfer(reference: $reference, amount: $amount) { id status amount { amount } reservedAmount { amount } } }`;

export const TRANSACTION = `query Tx($id: ID!) { transaction(id: $id) {
  id status amount { amount } reservedAmount { amount } settledAt } }`;

export const PENDING_MONEY = `query Pending($id: ID!, $investorId: ID!) {
  pool(id: $id) { cashBalance { amount } pendingContributions { amount } pendingPayouts { amount }
    spendableCash { amount } totalContributed { amount } }
  position(poolId: $id, investorId: $investorId) { contributed { amount } capital { amount } pending { amount } } }`;

export interface TestIntent {
  id: string;
  method: string;
  clientSecret: string | null;
  providerPaymentId: string | null;
  providerStatus: string;
  bankTransfer: {
    reference: string;
    amount: { amount: string; currency: string };
    beneficiary: string;
    iban: string;
    bic: string;
  } | null;
  transaction: TestTransaction & {
    reservedAmount: { amount: string } | null;
    expiresAt: string | null;
    settledAt: string | null;
  };
}

export async function start(
  ps: PaymentsStack,
  poolId: string,
  investor: TestUser,
  amount: string,
  method: 'CARD' | 'BANK_TRANSFER',
  key = `start-${randomBytes(6).toString('hex')}`,
): Promise<TestIntent> {
  return expectData(
    await ps.gql<{ startContribution: TestIntent }>(
      START,
      { poolId, amount, method, key },
      investor,
    ),
  ).startContribution;
}

/** A transaction's status and amount as its investor reads it through the gateway. */
export async function transactionOf(ps: PaymentsStack, id: string, user: TestUser) {
  return expectData(
    await ps.gql<{
      transaction: {
        status: string;
        amount: { amount: string };
        reservedAmount: { amount: string } | null;
      };
    }>(TRANSACTION, { id }, user),
  ).transaction;
}

/** The pool's and one investor's pending and posted money. */
export async function pendingMoney(ps: PaymentsStack, poolId: string, investor: TestUser) {
  return expectData(
    await ps.gql<{
      pool: Record<string, { amount: string }>;
      position: Record<string, { amount: string }> | null;
    }>(PENDING_MONEY, { id: poolId, investorId: investor.userId }, investor),
  );
}

/** A webhook body signed as the emulator (or an attacker who lacks the secret) would. */
export function signedWebhook(body: unknown, secret = WEBHOOK_SECRET, at = Date.now()) {
  const payload = JSON.stringify(body);
  return { payload, signature: signPayload(payload, secret, Math.floor(at / 1000)) };
}

/** Rows of one table of the ledger database. */
export async function countRows(ps: PaymentsStack, table: string, where = '1=1'): Promise<number> {
  const [rows] = await ps.ledger.pool.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`);
  return Number((rows as Array<{ n: unknown }>)[0]?.n);
}

/**
 * What the ledger told a payment's payer about its money, in order: "PaymentHeld 500 of 2500
 * (BANK_TRANSFER, POSTED)" is 5.00 held of 25.00 received, the contribution posted for the rest.
 */
export async function paymentMoneyEvents(ps: PaymentsStack, transactionId: string) {
  const [rows] = await ps.ledger.pool.query(
    `SELECT type, payload FROM outbox WHERE type IN ('PaymentHeld', 'PaymentRefunded')
      AND JSON_VALUE(payload, '$.transactionId') = ? ORDER BY seq`,
    [transactionId],
  );
  return (rows as Array<{ type: string; payload: string | Record<string, string> }>).map((row) => {
    const p =
      typeof row.payload === 'string'
        ? (JSON.parse(row.payload) as Record<string, string>)
        : row.payload;
    return `${row.type} ${p.amountMinor} of ${p.receivedMinor} (${p.method}, ${p.contributionStatus})`;
  });
}
