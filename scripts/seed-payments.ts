import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { connectMysql, createLogger } from '@poolgraph/platform';
import { schema as ledgerSchema } from '@poolgraph/ledger/db';
import { createPayments, DEFAULT_PAYMENTS, matchStatement } from '@poolgraph/ledger/payments';
import { call, type Auth } from './lib/graphql.ts';

interface People {
  manager: Auth;
  ivy: Auth;
  ian: Auth;
}

export interface PaymentsSeedOptions {
  gatewayUrl: string;
  ledgerMysqlUrl: string;
  /** The Stripe emulator (null with real Stripe keys: the card step is skipped). */
  emulatorUrl: string | null;
  publishableKey: string;
}

const FUND = 'Northwind Growth Fund I';
const START = `mutation SeedStart($poolId: ID!, $amount: Decimal!, $method: PaymentMethod!, $key: String!) {
  startContribution(poolId: $poolId, amount: $amount, method: $method, idempotencyKey: $key) {
    clientSecret providerPaymentId bankTransfer { reference amount { amount currency } }
    transaction { id status amount { amount } } } }`;

interface Intent {
  clientSecret: string | null;
  providerPaymentId: string | null;
  bankTransfer: { reference: string; amount: { amount: string; currency: string } } | null;
  transaction: { id: string; status: string; amount: { amount: string } };
}

async function waitForStatus(url: string, who: Auth, id: string, want: string): Promise<void> {
  for (let n = 0; n < 100; n++) {
    const { transaction } = await call<{ transaction: { status: string } | null }>(
      url,
      'query SeedTx($id: ID!) { transaction(id: $id) { status } }',
      { id },
      who.accessToken,
    );
    if (transaction?.status === want) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`transaction ${id} did not become ${want}`);
}

/**
 * The payments demo, idempotent (fixed keys; the statement matches once): Ian pays 2,500.00 by
 * card through the Stripe emulator — startContribution, then the confirmation Stripe.js would
 * send from his browser with the client secret, then the signed webhook posts it — and Ivy
 * pays 5,000.00 by bank transfer, matched from a bank statement CSV by its reference.
 */
export async function seedPayments(people: People, options: PaymentsSeedOptions): Promise<void> {
  const { gatewayUrl } = options;
  const lines: string[] = [];
  const { me } = await call<{ me: { managedPools: Array<{ id: string; name: string }> } }>(
    gatewayUrl,
    '{ me { managedPools { id name } } }',
    {},
    people.manager.accessToken,
  );
  const fund = me.managedPools.find((p) => p.name === FUND)?.id;
  if (!fund) return;
  const start = (who: Auth, amount: string, method: string, key: string) =>
    call<{ startContribution: Intent }>(
      gatewayUrl,
      START,
      { poolId: fund, amount, method, key },
      who.accessToken,
    ).then((d) => d.startContribution);

  if (options.emulatorUrl) {
    const card = await start(people.ian, '2500.00', 'CARD', `demo-${fund}-ian-card-1`);
    if (card.transaction.status === 'PENDING' && card.clientSecret && card.providerPaymentId) {
      const confirmed = await fetch(
        `${options.emulatorUrl}/v1/payment_intents/${card.providerPaymentId}/confirm`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${options.publishableKey}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({
            client_secret: card.clientSecret,
            payment_method: 'pm_card_visa',
          }),
        },
      );
      if (!confirmed.ok)
        throw new Error(`the emulator refused the card: ${await confirmed.text()}`);
    }
    await waitForStatus(gatewayUrl, people.ian, card.transaction.id, 'POSTED');
    lines.push(
      `  Card contribution (Stripe emulator) ${card.providerPaymentId}: 2500.00 USD POSTED`,
    );
  }

  const bank = await start(people.ivy, '5000.00', 'BANK_TRANSFER', `demo-${fund}-ivy-bank-1`);
  const reference = bank.bankTransfer!.reference;
  const file = resolve(import.meta.dirname, '../.poolgraph/demo-statement.csv');
  writeFileSync(
    file,
    // The bank's id of the transfer keeps it one transfer when the demo is seeded again another day.
    `date,reference,amount,currency,transfer_id,payer\n${new Date().toISOString().slice(0, 10)},${reference},5000.00,USD,DEMO-${fund}-IVY-1,Ivy Investor\n`,
  );
  const mysql = connectMysql({ url: options.ledgerMysqlUrl }, ledgerSchema);
  try {
    const deps = createPayments(DEFAULT_PAYMENTS, mysql.db, createLogger('seed', 'warn'), () => {});
    const [result] = await matchStatement(deps, readFileSync(file, 'utf8'));
    lines.push(
      `  Bank transfer ${reference} matched from ${file}: ${result?.outcome} (${result?.detail})`,
    );
  } finally {
    await mysql.close();
  }
  console.log(['', 'Payments demo:', ...lines].join('\n'));
}
