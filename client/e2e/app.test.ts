import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack } from '@poolgraph/test-stack';
import {
  OUTPUT,
  ensureExplorerBuilt,
  launchChromium,
  screenshot,
  seriousViolations,
  serveBuiltApp,
} from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(
  readFileSync(resolve(ROOT, 'gateway/persisted-queries/client.json'), 'utf8'),
) as { operations: Array<{ id: string; name: string }> };
const manifestIds = new Set(manifest.operations.map((o) => o.id));

let stack: Stack;
let app: { url: string; server: PreviewServer };
let browser: Browser;
const contexts: BrowserContext[] = [];
/** Every GraphQL request the pages sent over HTTP: the operation and its persisted-query hash. */
const sent: Array<{ operationName?: string; hash?: string; hasQuery: boolean }> = [];
const a11y: Record<string, unknown[]> = {};

async function newPage(): Promise<Page> {
  // Reduced motion: axe measures colours as they are, not halfway through a fade-in.
  const context = await browser.newContext({
    reducedMotion: 'reduce',
    acceptDownloads: true,
    viewport: { width: 1280, height: 860 },
  });
  contexts.push(context);
  const page = await context.newPage();
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

/** Checks the screen with axe-core and keeps a screenshot of it. */
async function review(page: Page, name: string) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  a11y[name] = await seriousViolations(page);
  await screenshot(page, name);
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
}

describe('the web app in Chromium against the real supergraph', () => {
  beforeAll(async () => {
    await ensureExplorerBuilt();
    stack = await startStack();
    // The app talks to a gateway as production runs it: only the manifests' operations, by id.
    const strict = await stack.startGateway({
      safelist: true,
      persistedQueriesDir: resolve(ROOT, 'gateway/persisted-queries'),
    });
    [app, browser] = await Promise.all([serveBuiltApp(strict.url), launchChromium()]);
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
  });

  it('runs a pool live between a manager and an investor, with alerts and a matching statement', async () => {
    const manager = await newPage();
    await manager.goto(`${app.url}/login`);
    await manager.getByRole('heading', { name: 'Log in to Poolgraph' }).waitFor();
    await review(manager, 'log-in');
    await signUp(manager, 'manager', 'Morgan E2E');
    await review(manager, 'manager-dashboard-empty');

    // The manager creates and opens a pool; the form checks amounts before sending.
    const poolName = `Harbor Fund ${Date.now() % 100000}`;
    await manager.getByRole('button', { name: 'New pool' }).click();
    await manager.getByLabel('Name').fill(poolName);
    await manager.getByLabel('Target amount').fill('100000.001');
    await manager.getByRole('button', { name: 'Create pool' }).click();
    await manager.getByText('USD allows at most 2 decimal places.').waitFor();
    await manager.getByLabel('Target amount').fill('100000');
    await manager.getByLabel('Minimum contribution').fill('100');
    await manager.getByRole('button', { name: 'Create pool' }).click();
    await manager.getByRole('heading', { name: poolName }).waitFor();
    await manager.getByRole('button', { name: 'Open pool' }).click();
    await expect.poll(() => manager.getByTestId('pool-status').textContent()).toBe('open');
    await review(manager, 'manager-pool');

    // The investor joins and contributes.
    const investor = await newPage();
    await signUp(investor, 'investor', 'Ivy E2E');
    await investor.getByRole('button', { name: `Join ${poolName}` }).click();
    await review(investor, 'investor-join');
    await investor.getByLabel('Commitment').fill('50000');
    await investor.getByRole('button', { name: 'Join pool' }).click();
    await investor.getByRole('heading', { name: 'My positions' }).waitFor();
    await investor.getByRole('button', { name: `Contribute to ${poolName}` }).click();
    await investor.getByLabel('Amount').fill('2500');
    await investor.getByRole('button', { name: 'Contribute', exact: true }).click();
    await investor.getByText('Contribution posted.').waitFor();

    // The manager's page shows the new balance without a reload.
    await expect
      .poll(() => manager.getByTestId('pool-page-cash').textContent(), { timeout: 15_000 })
      .toBe('$2,500.00');
    await manager.getByRole('tab', { name: 'Transactions' }).click();
    await manager.getByTestId('transactions').getByText('$2,500.00').waitFor();

    // Above the pool's threshold (10% of the target by default): a toast, live.
    await investor.getByRole('button', { name: `Contribute to ${poolName}` }).click();
    await investor.getByLabel('Amount').fill('15000');
    await investor.getByRole('button', { name: 'Contribute', exact: true }).click();
    await investor.getByText('Contribution posted.').first().waitFor();
    await manager
      .getByRole('alert')
      .filter({ hasText: `Large transaction in ${poolName}` })
      .waitFor({ timeout: 15_000 });
    await expect
      .poll(() => manager.getByTestId('pool-page-cash').textContent(), { timeout: 15_000 })
      .toBe('$17,500.00');
    await review(manager, 'manager-pool-live');

    // A distribution: the preview shows the member's share before anything is posted.
    await manager.getByRole('button', { name: 'Distribution' }).click();
    await manager.getByLabel('Amount').fill('1750.55');
    await manager.getByRole('button', { name: 'Preview shares' }).click();
    const preview = manager.getByRole('table', { name: "Each member's share" });
    await preview.getByText('$1,750.55').first().waitFor();
    await review(manager, 'manager-distribution-preview');
    await manager.getByRole('button', { name: 'Confirm distribution' }).click();
    await expect
      .poll(() => manager.getByTestId('pool-page-cash').textContent(), { timeout: 15_000 })
      .toBe('$15,749.45');

    // A fee from the pool's cash, and a capital call on the commitments.
    await manager.getByRole('button', { name: 'Fee', exact: true }).click();
    await manager.getByLabel('Amount').fill('9.45');
    await manager.getByRole('button', { name: 'Post fee' }).click();
    await expect
      .poll(() => manager.getByTestId('pool-page-cash').textContent(), { timeout: 15_000 })
      .toBe('$15,740.00');
    await manager.getByRole('button', { name: 'Capital call' }).click();
    await manager.getByLabel('Share of each commitment (%)').fill('10');
    await manager.getByLabel('Due date').fill(`${new Date().getFullYear() + 1}-01-15`);
    await manager.getByRole('button', { name: 'Call capital' }).click();
    await manager.getByRole('tab', { name: 'Capital calls (1)' }).click();
    await manager.getByText('$5,000.00').waitFor();
    await review(investor, 'investor-positions');

    // The manager's other screens.
    await manager.getByRole('link', { name: 'Dashboard' }).click();
    await manager.getByRole('link', { name: poolName }).waitFor();
    await review(manager, 'manager-dashboard');
    await manager.setViewportSize({ width: 390, height: 844 });
    await manager.getByRole('button', { name: 'Toggle navigation' }).waitFor();
    await review(manager, 'manager-dashboard-phone');
    await manager.setViewportSize({ width: 1280, height: 860 });
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

    // The investor's statement: the CSV's figures are the screen's.
    await investor.getByRole('link', { name: 'Statements' }).click();
    const row = investor.locator('[data-testid^="statement-"]').filter({ hasText: poolName });
    await expect
      .poll(
        async () => {
          if ((await row.count()) === 0) {
            await investor.reload();
            return null;
          }
          // The read model follows the ledger's events: wait for the last one (the fee).
          const closing = await row.locator('td').nth(6).getAttribute('data-amount');
          if (closing !== '15740.00') await investor.reload();
          return closing;
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe('15740.00');
    const screen = await row.locator('td').allTextContents();
    await review(investor, 'investor-statements');
    const [download] = await Promise.all([
      investor.waitForEvent('download'),
      investor.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r\n/);
    const header = csv[0]!.split(',');
    const line = csv
      .slice(1)
      .map((l) => l.split(','))
      .find((cells) => cells.includes(poolName))!;
    const value = (column: string) => line[header.indexOf(column)];
    expect(value('contributions')).toBe('17500.00');
    expect(screen[2]).toBe('$17,500.00');
    expect(value('distributions')).toBe('1750.55');
    expect(screen[3]).toBe('$1,750.55');
    expect(value('fees')).toBe('9.45');
    expect(screen[4]).toBe('$9.45');
    expect(value('closing_balance')).toBe('15740.00');
    expect(screen[6]).toBe('$15,740.00');

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
    admin.once('dialog', (dialog) => void dialog.accept());
    await admin.getByRole('button', { name: 'Revoke Acme reporting' }).click();
    await admin.getByText(/^Revoked /).waitFor();

    // Every HTTP operation went by its SHA-256, and every hash is in the gateway's manifest.
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.filter((s) => !s.hash || !manifestIds.has(s.hash))).toEqual([]);
    writeFileSync(resolve(OUTPUT, 'axe.json'), JSON.stringify(a11y, null, 2));
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  }, 120_000);

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
