import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  expectData,
  graphql,
  startSmtpCapture,
  type SmtpCapture,
} from '@poolgraph/testing';
import { startStack, STRIPE_WEBHOOK_EVENTS, type Stack } from '@poolgraph/test-stack';
import { createStripeEmulator } from '@poolgraph/stripe-emulator';
import { INITIAL_SCRIPT_BUDGET_BYTES, initialScript, kB } from '../scripts/bundle-size.ts';
import {
  ensureExplorerBuilt,
  launchChromium,
  OUTPUT,
  previewBuiltApp,
  recordActivity,
  reloadUntil,
  reportPagesOnFailure,
  screenReviews,
  screenshot,
  seriousViolations,
  serveBuiltApp,
} from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(
  readFileSync(resolve(ROOT, 'gateway/persisted-queries/client.json'), 'utf8'),
) as { operations: Array<{ id: string; name: string }> };
const manifestIds = new Set(manifest.operations.map((o) => o.id));

// The emulator's keys are the demo's: the built app carries the demo's publishable key.
const STRIPE_SECRET_KEY = 'sk_test_poolgraph_emulator';
const STRIPE_WEBHOOK_SECRET = 'whsec_poolgraph_e2e';
const emulator = createStripeEmulator({
  secretKey: STRIPE_SECRET_KEY,
  publishableKey: 'pk_test_poolgraph_emulator',
  retryBaseMs: 50,
  maxAttempts: 4,
});

const DESKTOP = { width: 1366, height: 800 };

let stack: Stack;
let app: { url: string; server: PreviewServer; outDir: string };
let browser: Browser;
const contexts: BrowserContext[] = [];
reportPagesOnFailure(() => contexts.flatMap((c) => c.pages()));
/** Every GraphQL request the pages sent over HTTP: the operation and its persisted-query hash. */
const sent: Array<{ operationName?: string; hash?: string; hasQuery: boolean }> = [];
const { review, expectClean, a11y, clipped } = screenReviews('axe.json');

async function newPage(): Promise<Page> {
  // Reduced motion: axe measures colours as they are, not halfway through a fade-in.
  const context = await browser.newContext({
    reducedMotion: 'reduce',
    acceptDownloads: true,
    viewport: DESKTOP,
  });
  contexts.push(context);
  const page = await context.newPage();
  recordActivity(page);
  if (process.env.E2E_DEBUG) {
    page.on('console', (m) => console.error(`[console] ${m.text()}`));
    page.on('response', (r) => {
      if (!r.url().endsWith('/graphql')) return;
      void r
        .text()
        .then((t) =>
          console.error(
            `[http ${r.status()}] ${r.request().postData()?.slice(0, 80)} => ${t.slice(0, 400)}`,
          ),
        )
        .catch(() => undefined);
    });
    page.on('websocket', (ws) => {
      console.error(`[ws open] ${ws.url()}`);
      ws.on('framesent', (f) => console.error(`[ws >] ${String(f.payload).slice(0, 1500)}`));
      ws.on('framereceived', (f) => console.error(`[ws <] ${String(f.payload).slice(0, 1500)}`));
      ws.on('close', () => console.error('[ws closed]'));
    });
  }
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const body = request.postDataJSON() as {
      operationName?: string;
      query?: string;
      extensions?: { persistedQuery?: { sha256Hash?: string } };
    };
    sent.push({
      operationName: body.operationName,
      hash: body.extensions?.persistedQuery?.sha256Hash,
      hasQuery: typeof body.query === 'string',
    });
  });
  return page;
}

async function signUp(page: Page, role: 'manager' | 'investor', name: string) {
  await page.goto(`${app.url}/signup`);
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  if (role === 'manager') await page.getByText('A fund manager').click();
  await page.getByLabel('Name').fill(name);
  const email = `${role}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@e2e.poolgraph.dev`;
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: false }).first().fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByTestId('signed-in-as').waitFor();
  return { email, password: 'correct-horse-battery' };
}

/** Contributes from the investor's positions through the payment dialog, up to the pay step. */
async function startContribution(page: Page, poolName: string, amount: string, method: string) {
  await page.getByRole('button', { name: `Contribute to ${poolName}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Amount').fill(amount);
  await dialog.getByRole('radio', { name: method }).check();
  await dialog.getByRole('button', { name: 'Review' }).click();
  await dialog.getByRole('table', { name: 'Contribution summary' }).waitFor();
  return dialog;
}

/** A card contribution through the emulator, as an investor does it. */
async function payByCard(page: Page, poolName: string, amount: string) {
  const dialog = await startContribution(page, poolName, amount, 'Card');
  await dialog.getByRole('button', { name: 'Continue to card payment' }).click();
  await dialog.getByRole('radio', { name: /4242/ }).check();
  await dialog.getByRole('button', { name: /^Pay / }).click();
  await dialog.getByText('Payment accepted').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
}

describe('the web app in Chromium against the real supergraph', () => {
  beforeAll(async () => {
    await ensureExplorerBuilt();
    const emulatorUrl = await emulator.listen(0);
    stack = await startStack({
      serviceConfig: {
        ledger: {
          payments: {
            stripe: {
              secretKey: STRIPE_SECRET_KEY,
              webhookSecret: STRIPE_WEBHOOK_SECRET,
              apiUrl: emulatorUrl,
              webhookToleranceSeconds: 300,
            },
            bank: {
              beneficiary: 'Poolgraph Collections',
              iban: 'GB33BUKB20201555555555',
              bic: 'BUKBGB22',
            },
            timeoutsMs: { CARD: 3_600_000, BANK_TRANSFER: 86_400_000 },
          },
        },
      },
    });
    // Card outcomes come back to the ledger as signed webhooks, as from Stripe.
    await fetch(`${emulatorUrl}/_emulator/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        url: `${stack.urls.ledger!}/webhooks/stripe`,
        secret: STRIPE_WEBHOOK_SECRET,
        events: STRIPE_WEBHOOK_EVENTS,
      }),
    });
    // The app talks to a gateway as production runs it: only the manifests' operations, by id.
    const strict = await stack.startGateway({
      safelist: true,
      persistedQueriesDir: resolve(ROOT, 'gateway/persisted-queries'),
    });
    [app, browser] = await Promise.all([
      serveBuiltApp(strict.url, { stripeEmulatorUrl: emulatorUrl }),
      launchChromium(),
    ]);
  }, 120_000);

  afterAll(async () => {
    // Leaving the pages closes their sockets cleanly (no reset for the proxy to report).
    await Promise.all(
      contexts.flatMap((c) => c.pages()).map((p) => p.goto('about:blank').catch(() => undefined)),
    );
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await app?.server.close();
    await stack?.stop();
    await emulator.idle();
    await emulator.stop();
  });

  it('runs a pool live between a manager and an investor, with alerts and a matching statement', async () => {
    const manager = await newPage();
    await manager.goto(`${app.url}/login`);
    await manager.getByRole('heading', { name: 'Log in to Poolgraph' }).waitFor();
    await review(manager, 'log-in');
    const managerLogin = await signUp(manager, 'manager', 'Morgan E2E');
    await review(manager, 'manager-dashboard-empty');

    // The manager creates and opens a pool; the form checks amounts before sending, accepts
    // what people type ("100,000") and mirrors the server's rules (minimum ≤ target).
    const poolName = `Harbor Fund ${Date.now() % 100000}`;
    await manager.getByRole('button', { name: 'New pool' }).click();
    await manager.getByLabel('Name').fill(poolName);
    await manager.getByLabel('Target amount').fill('100000.001');
    await manager.getByRole('button', { name: 'Create pool' }).click();
    await manager.getByText('USD allows at most 2 decimal places.').waitFor();
    await manager.getByLabel('Target amount').fill('100,000');
    await manager.getByLabel('Minimum contribution').fill('200,000');
    await manager.getByRole('button', { name: 'Create pool' }).click();
    await manager
      .getByText('The minimum contribution must be at most the target amount.')
      .waitFor();
    await review(manager, 'manager-new-pool-errors', { phone: false });
    await manager.getByLabel('Minimum contribution').fill('100');
    // The network fails once: the form says so at its top and offers a retry that works.
    await manager.route('**/graphql', (route) =>
      route.request().postData()?.includes('CreatePool') ? route.abort() : route.fallback(),
    );
    await manager.getByRole('button', { name: 'Create pool' }).click();
    await manager.getByText('The server could not be reached.', { exact: false }).waitFor();
    await manager.unroute('**/graphql');
    await manager.getByRole('button', { name: 'Try again' }).click();
    await manager.getByRole('heading', { name: poolName }).waitFor();
    await expect.poll(() => manager.title()).toBe(`${poolName} · Poolgraph`);
    await manager.getByRole('button', { name: 'Open pool' }).click();
    await expect.poll(() => manager.getByTestId('pool-status').textContent()).toBe('open');
    await expect
      .poll(() => manager.getByTestId('pool-page-target').textContent())
      .toBe('$100,000.00');
    await review(manager, 'manager-pool');
    const poolUrl = manager.url();

    // The investor joins, then pays by card through the provider's confirmation (the emulator).
    const investor = await newPage();
    await signUp(investor, 'investor', 'Ivy E2E');
    await expect.poll(() => investor.title()).toBe('Open pools · Poolgraph');
    await investor.getByLabel('Search pools').fill(poolName.toLowerCase());
    await investor.getByRole('button', { name: `Join ${poolName}` }).click();
    await investor.getByLabel('Commitment').fill('50');
    await investor.getByRole('button', { name: 'Join pool' }).click();
    await investor.getByText('The commitment must be at least the minimum contribution.').waitFor();
    await review(investor, 'investor-join', { phone: false });
    await investor.getByLabel('Commitment').fill('50,000');
    await investor.getByRole('button', { name: 'Join pool' }).click();
    await investor.getByRole('heading', { name: 'My positions' }).waitFor();
    await review(investor, 'investor-positions-joined');

    const dialog = await startContribution(investor, poolName, '2,500', 'Card');
    expect(
      await dialog.getByRole('table', { name: 'Contribution summary' }).textContent(),
    ).toContain('$2,500.00');
    await review(investor, 'investor-contribution-summary', { phone: false });
    await dialog.getByRole('button', { name: 'Continue to card payment' }).click();
    // A declined card: the provider's message, the payment still open for another card.
    await dialog.getByRole('radio', { name: /declined/ }).check();
    await review(investor, 'investor-card-payment', { phone: false });
    await dialog.getByRole('button', { name: 'Pay $2,500.00' }).click();
    await dialog.getByText('Your card was declined.').waitFor();
    await review(investor, 'investor-card-declined', { phone: false });
    await dialog.getByRole('button', { name: 'Start again' }).click();
    await dialog.getByRole('button', { name: 'Continue to card payment' }).click();
    await dialog.getByRole('radio', { name: /4242/ }).check();
    await dialog.getByRole('button', { name: 'Pay $2,500.00' }).click();
    await dialog.getByText('Payment accepted').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();

    // The provider's webhook posts it: the manager's page shows the new cash without a reload.
    await expect
      .poll(() => manager.getByTestId('pool-page-cash').textContent(), { timeout: 20_000 })
      .toBe('$2,500.00');
    await manager.getByRole('tab', { name: 'Transactions' }).click();
    await manager.getByTestId('transactions').getByText('$2,500.00').first().waitFor();

    // Above the pool's threshold (10% of the target by default): a toast, live.
    await payByCard(investor, poolName, '15000');
    await manager
      .getByRole('alert')
      .filter({ hasText: `Large transaction in ${poolName}` })
      .waitFor({ timeout: 20_000 });
    await expect
      .poll(() => manager.getByTestId('pool-page-cash').textContent(), { timeout: 20_000 })
      .toBe('$17,500.00');
    await review(manager, 'manager-pool-live');

    // A bank transfer: instructions with copy buttons; pending for both until the money arrives.
    const transfer = await startContribution(investor, poolName, '1000', 'Bank transfer');
    await transfer.getByRole('button', { name: 'Get transfer details' }).click();
    const instructions = transfer.getByTestId('bank-instructions');
    await instructions.getByText('GB33BUKB20201555555555').waitFor();
    for (const what of ['beneficiary', 'iban', 'bic', 'amount', 'reference']) {
      await transfer.getByRole('button', { name: `Copy ${what}` }).waitFor();
    }
    expect(await instructions.textContent()).toContain('$1,000.00');
    const reference = (await instructions.getByText(/^PG-/).textContent())!.trim();
    await review(investor, 'investor-bank-transfer', { phone: false });
    await transfer.getByRole('button', { name: 'Done' }).click();
    const position = investor.locator('[data-testid^="position-"]').filter({ hasText: poolName });
    await expect
      .poll(() => position.getByTestId('position-pending').textContent(), { timeout: 15_000 })
      .toBe('$1,000.00');
    await expect
      .poll(() => manager.getByTestId('pool-page-pending').textContent(), { timeout: 15_000 })
      .toBe('$1,000.00');
    await manager.getByRole('combobox', { name: 'Show' }).click();
    await manager.getByRole('option', { name: 'Pending' }).click();
    await manager.getByTestId('transactions').getByText('pending').first().waitFor();
    await review(manager, 'manager-transactions-pending');

    // A distribution: the preview shows the member's share before anything is posted.
    await manager.getByRole('button', { name: 'Distribution' }).click();
    await manager.getByLabel('Amount').fill('1,750.55');
    await manager.getByRole('button', { name: 'Preview shares' }).click();
    const preview = manager.getByRole('table', { name: "Each member's share" });
    await preview.getByText('$1,750.55').first().waitFor();
    await review(manager, 'manager-distribution-preview', { phone: false });
    await manager.getByRole('button', { name: 'Confirm distribution' }).click();
    await expect
      .poll(() => manager.getByTestId('pool-page-cash').textContent(), { timeout: 15_000 })
      .toBe('$15,749.45');

    // A fee: each member's part (the ledger's split) before it posts; then a capital call.
    await manager.getByRole('button', { name: 'Fee', exact: true }).click();
    await manager.getByLabel('Amount').fill('9.45');
    await manager.getByRole('button', { name: 'Preview shares' }).click();
    await manager
      .getByRole('table', { name: "Each member's share" })
      .getByText('$9.45')
      .first()
      .waitFor();
    await review(manager, 'manager-fee-preview', { phone: false });
    await manager.getByRole('button', { name: 'Confirm fee' }).click();
    await expect
      .poll(() => manager.getByTestId('pool-page-cash').textContent(), { timeout: 15_000 })
      .toBe('$15,740.00');
    await manager.getByRole('tab', { name: 'Transactions' }).click();
    await manager.getByRole('combobox', { name: 'Show' }).click();
    await manager.getByRole('option', { name: 'Fees' }).click();
    await manager.getByTestId('transactions').getByText('-$9.45').waitFor();
    await manager.getByRole('button', { name: 'Capital call' }).click();
    await manager.getByLabel('Share of each commitment (%)').fill('10');
    await manager.getByLabel('Due date').fill(`${new Date().getFullYear() + 1}-01-15`);
    await manager.getByRole('button', { name: 'Call capital' }).click();
    await manager.getByRole('tab', { name: 'Capital calls (1)' }).click();
    await manager.getByText('$5,000.00').waitFor();
    await manager.getByRole('tab', { name: /Members/ }).click();
    await review(manager, 'manager-pool-members');
    await investor.reload();
    await investor.getByRole('heading', { name: 'My positions' }).waitFor();
    await review(investor, 'investor-positions');

    // The manager's other screens.
    await manager.getByRole('link', { name: 'Dashboard' }).click();
    await manager.getByRole('link', { name: poolName }).waitFor();
    await expect.poll(() => manager.title()).toBe('Your pools · Poolgraph');
    await review(manager, 'manager-dashboard');
    // The README's picture of the dashboard (docs/manager-dashboard.png is a copy of it).
    await manager.screenshot({ path: resolve(OUTPUT, 'manager-dashboard-readme.png') });
    await manager.getByRole('link', { name: 'Alerts', exact: true }).click();
    await manager.getByTestId('alert-row').first().waitFor();
    await review(manager, 'manager-alerts');
    await manager.getByRole('button', { name: 'Acknowledge' }).first().click();
    await manager.getByRole('link', { name: 'Alert rules' }).click();
    await manager.getByText('Large transaction').first().waitFor();
    await review(manager, 'manager-alert-rules');
    await manager.getByRole('link', { name: 'Reports' }).click();
    await manager.getByRole('heading', { name: 'Top investors' }).waitFor();
    await review(manager, 'manager-reports');

    // The transfer arrives at the bank: the manager posts it with its reference (a pool with
    // money pending cannot close). A wrong reference is refused, readably.
    await manager.goto(poolUrl);
    await manager.getByRole('button', { name: 'Transfer received' }).click();
    const received = manager.getByRole('dialog', { name: 'Bank transfer received' });
    await received.getByLabel('Reference').fill('PG-NOT-A-REFERENCE');
    await received.getByLabel('Amount received').fill('1,000');
    await received.getByRole('button', { name: 'Post contribution' }).click();
    await received
      .getByTestId('form-error')
      .or(received.locator('.mantine-InputWrapper-error'))
      .first()
      .waitFor();
    await review(manager, 'manager-transfer-received-error', { phone: false });
    await received.getByLabel('Reference').fill(reference);
    await received.getByRole('button', { name: 'Post contribution' }).click();
    await manager.getByText('Transfer received: $1,000.00 is posted.').waitFor();
    await expect
      .poll(() => manager.getByTestId('pool-page-cash').textContent(), { timeout: 15_000 })
      .toBe('$16,740.00');
    await expect.poll(() => manager.getByTestId('pool-page-pending').textContent()).toBe('$0.00');

    // The bank's statement lists the same transfer: imported, it is recognised, not counted
    // twice; a line of a reference the pool does not know is reported.
    await manager.getByRole('button', { name: 'Import statement' }).click();
    const statement = manager.getByRole('dialog', { name: 'Import a bank statement' });
    await statement.locator('input[type="file"]').setInputFiles({
      name: 'statement.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `date,reference,amount,currency\n2026-12-01,${reference},1000.00,USD\n2026-12-01,PG-2222-2222-2,5.00,USD\n`,
      ),
    });
    await statement.getByRole('button', { name: 'Import statement' }).click();
    const lines = statement.getByRole('list', { name: 'Statement lines' });
    await lines.waitFor();
    expect(await lines.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Line 2\\s+${reference}\\s+Already recorded\\s+POSTED for 1000\\.00 USD of 1000\\.00 USD$`,
          'i',
        ),
      ),
      expect.stringMatching(/^Line 3\s+PG-2222-2222-2\s+No match\s+no bank transfer of this pool/i),
    ]);
    await review(manager, 'manager-statement-import', { phone: false });
    await manager.keyboard.press('Escape');
    expect(await manager.getByTestId('pool-page-cash').textContent()).toBe('$16,740.00');

    // Closing is confirmed first, saying what it does; Cancel changes nothing.
    await manager.getByRole('button', { name: 'Close pool' }).click();
    const confirm = manager.getByRole('dialog', { name: `Close ${poolName}?` });
    await confirm
      .getByText('No investor can join or pay in once it is closed', { exact: false })
      .waitFor();
    await review(manager, 'manager-close-pool-confirm', { phone: false });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await manager.getByTestId('pool-status').textContent()).toBe('open');
    await manager.getByRole('button', { name: 'Close pool' }).click();
    await confirm.getByRole('button', { name: 'Close pool' }).click();
    await expect.poll(() => manager.getByTestId('pool-status').textContent()).toBe('closed');

    // A signed-out deep link (a bookmark) goes to log in, then back to the page.
    const { email: managerEmail, password: managerPassword } = managerLogin;
    const stranger = await newPage();
    await stranger.goto(poolUrl);
    await stranger.getByRole('heading', { name: 'Log in to Poolgraph' }).waitFor();
    await expect.poll(() => stranger.title()).toBe('Log in · Poolgraph');
    await stranger.getByLabel('Email').fill(managerEmail);
    await stranger.locator('input[type="password"]').fill(managerPassword);
    await stranger.getByRole('button', { name: 'Log in' }).click();
    await stranger.getByRole('heading', { name: poolName }).waitFor();
    await expect.poll(() => stranger.url()).toBe(poolUrl);

    // The investor's statement: the CSV's figures are the screen's.
    await investor.getByRole('link', { name: 'Statements' }).click();
    const row = investor.locator('[data-testid^="statement-"]').filter({ hasText: poolName });
    // The read model follows the ledger's events: wait for the last one (the fee).
    const closing = await reloadUntil(
      investor,
      async () =>
        (await row.count()) === 0
          ? null
          : row.locator('[data-amount]').nth(5).getAttribute('data-amount'),
      (amount) => amount === '16740.00',
    );
    expect(closing).toBe('16740.00');
    const screen = await row.locator('td').allTextContents();
    await review(investor, 'investor-statements');
    const [download] = await Promise.all([
      investor.waitForEvent('download'),
      investor.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r\n/);
    // Text cells are quoted (the export guards them); none of these holds a comma.
    const cellsOf = (l: string) => l.split(',').map((cell) => cell.replace(/^"(.*)"$/, '$1'));
    const header = cellsOf(csv[0]!);
    const line = csv
      .slice(1)
      .map(cellsOf)
      .find((cells) => cells.includes(poolName))!;
    const value = (column: string) => line[header.indexOf(column)];
    expect(value('contributions')).toBe('18500.00');
    expect(screen[2]).toBe('$18,500.00');
    expect(value('distributions')).toBe('1750.55');
    expect(screen[3]).toBe('$1,750.55');
    expect(value('fees')).toBe('9.45');
    expect(screen[4]).toBe('$9.45');
    expect(value('closing_balance')).toBe('16740.00');
    expect(screen[6]).toBe('$16,740.00');

    // The admin makes a partner key, sees its secret once, and revokes it.
    const { email, password } = await stack.admin();
    const admin = await newPage();
    await admin.goto(`${app.url}/login`);
    // By keyboard only: focus the email field, Tab to the password, Enter submits.
    await admin.getByLabel('Email').focus();
    await admin.keyboard.type(email);
    await admin.keyboard.press('Tab');
    await admin.keyboard.type(password);
    await admin.keyboard.press('Enter');
    await admin.getByRole('heading', { name: 'API keys' }).waitFor();
    await admin.getByRole('button', { name: 'Create key' }).click();
    await admin.getByText('Choose at least one scope.').waitFor();
    await admin.getByLabel('Name').fill('Acme reporting');
    await admin.getByLabel(/reports:read/).check();
    await admin.getByRole('button', { name: 'Create key' }).click();
    expect(await admin.getByTestId('api-key-secret').textContent()).toMatch(/^pgk_/);
    await review(admin, 'admin-api-keys');
    await admin.getByRole('button', { name: 'Revoke Acme reporting' }).click();
    const revoke = admin.getByRole('dialog', { name: 'Revoke Acme reporting?' });
    await revoke.getByText('Its partner loses access within seconds', { exact: false }).waitFor();
    await review(admin, 'admin-revoke-key-confirm', { phone: false });
    await revoke.getByRole('button', { name: 'Revoke key' }).click();
    await admin.getByText(/^Revoked /).waitFor();

    // Every HTTP operation went by its SHA-256, and every hash is in the gateway's manifest.
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.filter((s) => !s.hash || !manifestIds.has(s.hash))).toEqual([]);
    expectClean();
  }, 600_000);

  describe('on a platform that confirms emails, as production does', () => {
    let smtp: SmtpCapture;
    let confirming: Stack;
    let server: Awaited<ReturnType<typeof previewBuiltApp>>;
    beforeAll(async () => {
      smtp = await startSmtpCapture();
      confirming = await startStack({
        serviceConfig: { users: { signUpConfirmsEmail: true, smtpUrl: smtp.url } },
      });
      server = await previewBuiltApp(app.outDir, confirming.gatewayUrl);
    }, 120_000);
    afterAll(async () => {
      await server?.server.close();
      await confirming?.stop();
      await smtp?.stop();
    });

    /** The token of the newest link to `email` for `path`, once its mail has arrived. */
    const linkTo = (email: string, path: string) =>
      eventually(async () => {
        const tokens = smtp
          .textsTo(email)
          .flatMap((m) =>
            [...m.matchAll(new RegExp(`${path}#token=([A-Za-z0-9_-]{43})`, 'g'))].map((x) => x[1]!),
          );
        expect(tokens.length).toBeGreaterThan(0);
        return tokens.at(-1)!;
      });

    const expectCleanScreens = (...names: string[]) => {
      for (const name of names) {
        expect(a11y[name]).toEqual([]);
        expect(a11y[`${name}-phone`]).toEqual([]);
        expect(clipped[`${name}-phone`]).toEqual([]);
      }
    };

    it('signs a new investor up through the emailed link', async () => {
      const page = await newPage();
      await page.goto(`${server.url}/signup`);
      await page.getByLabel('Name').fill('Cora Confirm');
      const email = `confirm-${Date.now()}@e2e.poolgraph.dev`;
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password', { exact: false }).first().fill('correct-horse-battery');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
      await page.getByText(email).waitFor();
      await review(page, 'sign-up-check-inbox');

      const token = await linkTo(email, '/confirm-sign-up');
      await page.goto(`${server.url}/confirm-sign-up#token=${token}`);
      await page.getByTestId('signed-in-as').waitFor();
      // The token left the address bar; the link does not work twice.
      expect(page.url()).not.toContain(token);
      const again = await newPage();
      await again.goto(`${server.url}/confirm-sign-up#token=${token}`);
      await again.getByTestId('form-error').getByText('not valid').waitFor();
      await review(again, 'sign-up-link-used');
      expectCleanScreens('sign-up-check-inbox', 'sign-up-link-used');
    }, 180_000);

    it('lets a user run their own account: profile, password, a forgotten password, email, sessions', async () => {
      // An account made the only way this platform allows: the emailed link.
      const user = {
        email: `self-${Date.now()}@e2e.poolgraph.dev`,
        password: 'correct-horse-battery',
      };
      expectData(
        await graphql(
          confirming.gatewayUrl,
          'mutation($i: SignUpInput!) { requestSignUp(input: $i) { email } }',
          { i: { ...user, name: 'Sam Self', role: 'INVESTOR' } },
        ),
      );
      expectData(
        await graphql(
          confirming.gatewayUrl,
          'mutation($t: String!) { confirmSignUp(token: $t) { accessToken } }',
          { t: await linkTo(user.email, '/confirm-sign-up') },
        ),
      );
      const other = await newPage();
      await other.goto(`${server.url}/login`);
      await other.getByLabel('Email').fill(user.email);
      await other.getByLabel('Password').first().fill(user.password);
      await other.getByRole('button', { name: 'Log in' }).click();
      await other.getByTestId('signed-in-as').waitFor();

      const page = await newPage();
      await page.goto(`${server.url}/login`);
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').first().fill(user.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByTestId('signed-in-as').click();
      await page.getByRole('heading', { name: 'Your account' }).waitFor();
      const sessions = page.getByRole('region', { name: 'Sessions' });
      await expect
        .poll(() => sessions.getByRole('button', { name: /End the session/ }).count())
        .toBe(2);
      // The sign-up's session, the other browser's and this one, which cannot be ended here.
      await review(page, 'account');

      const profile = page.getByRole('region', { name: 'Profile' });
      await profile.getByLabel('Phone').fill('+44 20 7946 0958');
      await profile.getByRole('button', { name: 'Save profile' }).click();
      await page.getByText('Profile saved.').waitFor();

      // A new password ends the other browser's session; this one carries on.
      const password = page.getByRole('region', { name: 'Password' });
      await password.getByLabel('Current password').first().fill('wrong password here');
      await password.getByLabel('New password').first().fill('a brand new passphrase');
      await password.getByRole('button', { name: 'Change password' }).click();
      await password.getByText('Is not your current password.').waitFor();
      await password.getByLabel('Current password').first().fill(user.password);
      await password.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('Every other session has ended').waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Your account' }).waitFor();
      await other.reload();
      await other
        .getByRole('heading', { name: 'Log in to Poolgraph' })
        .waitFor({ timeout: 15_000 });

      // Forgotten: the emailed link sets another password and signs in.
      await other.getByRole('link', { name: 'Forgot your password?' }).click();
      // The log-in form has an Email field too: fill only once this page has replaced it (a
      // fill that landed in the leaving form sent an empty one, "Enter a valid email address").
      await other.getByRole('heading', { name: 'Forgot your password' }).waitFor();
      await other.getByLabel('Email').fill(user.email);
      await other.getByRole('button', { name: 'Send the link' }).click();
      await other.getByRole('heading', { name: 'Check your inbox' }).waitFor();
      await review(other, 'forgot-password');
      const resetToken = await linkTo(user.email, '/reset-password');
      await other.goto(`${server.url}/reset-password#token=${resetToken}`);
      await review(other, 'reset-password');
      await other.getByLabel('New password').first().fill('the third passphrase');
      await other.getByRole('button', { name: 'Set the password and log in' }).click();
      await other.getByTestId('signed-in-as').waitFor();

      // A new address counts once its inbox confirms it.
      const newEmail = `moved-${Date.now()}@e2e.poolgraph.dev`;
      await other.goto(`${server.url}/account`);
      const email = other.getByRole('region', { name: 'Email' });
      await email.getByLabel('New email').fill(newEmail);
      await email.getByLabel('Current password').first().fill('the third passphrase');
      await email.getByRole('button', { name: 'Send a confirmation link' }).click();
      await email.getByText('Check the new inbox').waitFor();
      const emailToken = await linkTo(newEmail, '/confirm-email');
      await other.goto(`${server.url}/confirm-email#token=${emailToken}`);
      await other.getByText('you now log in with your new email address').waitFor();
      await review(other, 'confirm-email');
      const login = await graphql<{ logIn: { accessToken: string } }>(
        confirming.gatewayUrl,
        'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { accessToken } }',
        { e: newEmail, p: 'the third passphrase' },
      );
      const apiSession = expectData(login).logIn;

      // Sessions ended from the list stop working within the revocation bound (5 s): the login
      // just made through the API, and the other browser's.
      const third = await newPage();
      await third.goto(`${server.url}/login`);
      await third.getByLabel('Email').fill(newEmail);
      await third.getByLabel('Password').first().fill('the third passphrase');
      await third.getByRole('button', { name: 'Log in' }).click();
      await third.getByTestId('signed-in-as').click();
      await third.getByRole('heading', { name: 'Your account' }).waitFor();
      const ends = third
        .getByRole('region', { name: 'Sessions' })
        .getByRole('button', { name: /End the session/ });
      await expect.poll(() => ends.count(), { timeout: 15_000 }).toBe(2);
      // The API's session is accepted, so the gateway holds a "not revoked" answer for it.
      expectData(
        await graphql(
          confirming.gatewayUrl,
          '{ me { id } }',
          {},
          { token: apiSession.accessToken },
        ),
      );
      for (const left of [1, 0]) {
        await ends.first().click();
        await expect.poll(() => ends.count(), { timeout: 15_000 }).toBe(left);
      }
      await eventually(async () => {
        const refused = await graphql(
          confirming.gatewayUrl,
          '{ me { id } }',
          {},
          { token: apiSession.accessToken },
        );
        expect(refused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      }, 5_000);
      // The other browser was last on the confirmation page, which needs no session: its
      // account page sends it to log in.
      await other.goto(`${server.url}/account`);
      await other
        .getByRole('heading', { name: 'Log in to Poolgraph' })
        .waitFor({ timeout: 15_000 });
      await third.reload();
      await third.getByRole('heading', { name: 'Your account' }).waitFor();
      expectCleanScreens('account', 'forgot-password', 'reset-password', 'confirm-email');
    }, 240_000);
  });

  it('loads a first script under 150 kB gzip, caches hashed assets for good and follows dark mode', async () => {
    const first = initialScript(app.outDir);
    console.error(
      `initial script: ${kB(first.gzipBytes)} gzip (${first.files.map((f) => f.file).join(', ')})`,
    );
    expect(first.gzipBytes).toBeLessThanOrEqual(INITIAL_SCRIPT_BUDGET_BYTES);

    const index = await fetch(`${app.url}/`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const asset = first.files[0]!.file;
    const hashed = await fetch(`${app.url}${asset}`);
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const context = await browser.newContext({ colorScheme: 'dark', reducedMotion: 'reduce' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${app.url}/login`);
    await page.getByRole('heading', { name: 'Log in to Poolgraph' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.mantineColorScheme)).toBe(
      'dark',
    );
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'log-in-dark');
  }, 60_000);

  it('serves the GraphiQL explorer from the gateway, offline, talking to the supergraph', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const outside: string[] = [];
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(`${new URL(stack.gatewayUrl).origin}/explorer`);
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    // The editor parses the document after it appears: until then Execute offers no operations.
    const logIn = page.getByRole('menuitem', { name: 'LogIn' });
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: /Execute query/ }).click();
          return logIn.waitFor({ timeout: 1_000 }).then(
            () => true,
            () => page.keyboard.press('Escape').then(() => false),
          );
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    await logIn.click();
    // This stack has no demo accounts: the users subgraph's refusal comes back through the gateway.
    await expect
      .poll(() => page.locator('.result-window').textContent(), { timeout: 15_000 })
      .toContain('UNAUTHENTICATED');
    await screenshot(page, 'explorer');
    expect(outside).toEqual([]);
  }, 60_000);

  it('runs a subscription in the explorer over graphql-ws with the Headers tab’s token', async () => {
    const api = stack.gatewayUrl;
    const manager = await stack.signUp('MANAGER');
    const investor = await stack.signUp('INVESTOR');
    const { createPool } = expectData(
      await graphql<{ createPool: { id: string } }>(
        api,
        'mutation($i: CreatePoolInput!) { createPool(input: $i) { id } }',
        { i: { name: 'Explorer Fund', currency: 'USD' } },
        { token: manager.token },
      ),
    );
    const poolId = createPool.id;
    expectData(
      await graphql(
        api,
        'mutation($id: ID!) { openPool(id: $id) { id } }',
        { id: poolId },
        { token: manager.token },
      ),
    );
    expectData(
      await graphql(
        api,
        'mutation($p: ID!) { joinPool(poolId: $p, commitment: "1000") { id } }',
        { p: poolId },
        { token: investor.token },
      ),
    );

    const context = await browser.newContext();
    contexts.push(context);
    // What a developer would type into GraphiQL's editors (it keeps them in localStorage).
    const document = `subscription Watch { balanceChanged(poolId: "${poolId}") { cashBalance { amount } } }`;
    const headers = JSON.stringify({ authorization: `Bearer ${manager.token}` });
    await context.addInitScript(
      ([query, headers]) => {
        localStorage.setItem('graphiql:query', query!);
        localStorage.setItem('graphiql:headers', headers!);
      },
      [document, headers],
    );
    const page = await context.newPage();
    await page.goto(`${new URL(api).origin}/explorer`);
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    const sockets: string[] = [];
    page.on('websocket', (ws) => ws.on('framesent', (f) => sockets.push(String(f.payload))));
    // Until the editor has parsed the document GraphiQL cannot tell a subscription: run again.
    // Subscribed = a subscribe frame after the last complete (a second click stops a subscription).
    const last = (type: string) => sockets.findLastIndex((f) => f.includes(`"type":"${type}"`));
    const subscribed = () => last('subscribe') > last('complete');
    await expect
      .poll(
        async () => {
          if (subscribed()) return true;
          await page.getByRole('button', { name: /Execute query/ }).click();
          await page.waitForTimeout(1_500);
          return subscribed();
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(sockets.find((f) => f.includes('connection_init'))).toContain(`Bearer ${manager.token}`);

    expectData(
      await graphql(
        api,
        'mutation($p: ID!) { contribute(poolId: $p, amount: "125.50", idempotencyKey: "explorer-1") { id } }',
        { p: poolId },
        { token: investor.token },
      ),
    );
    await expect
      .poll(() => page.locator('.result-window').textContent(), { timeout: 15_000 })
      .toContain('125.50');
  }, 60_000);
});
