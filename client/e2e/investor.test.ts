import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import {
  ensureExplorerBuilt,
  launchChromium,
  reloadUntil,
  screenReviews,
  serveBuiltApp,
} from './harness.ts';

// The investor's own screens in Chromium: notices (a capital call, a distribution, their
// contribution), the transactions history with its CSV, commitment and unfunded commitment.
const DESKTOP = { width: 1366, height: 800 };

let stack: Stack;
let app: { url: string; server: PreviewServer };
let browser: Browser;
let manager: TestUser;
let investor: TestUser;
let poolId: string;
const poolName = `Harbour Fund ${randomUUID().slice(0, 4)}`;
const { review, expectClean } = screenReviews('axe-investor.json', 'investor-');

const as = <T = Record<string, unknown>>(
  user: TestUser,
  query: string,
  variables: Record<string, unknown> = {},
) => graphql<T>(stack.gatewayUrl, query, variables, { token: user.token }).then(expectData);

describe("the investor's notices, history and commitments in Chromium", () => {
  beforeAll(async () => {
    await ensureExplorerBuilt();
    stack = await startStack();
    [manager, investor] = await Promise.all([stack.signUp('MANAGER'), stack.signUp('INVESTOR')]);
    const { createPool } = await as<{ createPool: { id: string } }>(
      manager,
      'mutation($i: CreatePoolInput!) { createPool(input: $i) { id } }',
      { i: { name: poolName, currency: 'USD' } },
    );
    poolId = createPool.id;
    await as(manager, 'mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId });
    await as(investor, 'mutation($p: ID!) { joinPool(poolId: $p, commitment: "10000") { id } }', {
      p: poolId,
    });
    await as(
      investor,
      'mutation($p: ID!, $k: String!) { contribute(poolId: $p, amount: "2500", idempotencyKey: $k) { id } }',
      { p: poolId, k: randomUUID() },
    );
    await as(
      manager,
      'mutation($p: ID!, $d: DateTime!) { callCapital(poolId: $p, percent: 40, dueDate: $d) { id } }',
      { p: poolId, d: new Date(Date.now() + 20 * 86_400_000).toISOString() },
    );
    await as(
      manager,
      'mutation($p: ID!, $k: String!) { distribute(poolId: $p, amount: "500", idempotencyKey: $k) { id } }',
      { p: poolId, k: randomUUID() },
    );
    [app, browser] = await Promise.all([serveBuiltApp(stack.gatewayUrl), launchChromium()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.server.close();
    await stack?.stop();
  });

  it('shows the unread notices, the history with its CSV and the unfunded commitment', async () => {
    const context = await browser.newContext({
      reducedMotion: 'reduce',
      acceptDownloads: true,
      viewport: DESKTOP,
    });
    const page = await context.newPage();
    await page.goto(`${app.url}/investor/notices`);
    await page.getByLabel('Email').fill(investor.email);
    await page.locator('input[type="password"]').fill(investor.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Notices' }).waitFor();

    // Three notices with the investor's own amounts; the badge counts them.
    const cards = page.locator('[data-testid^="notice-"]');
    expect(
      await reloadUntil(
        page,
        () => cards.count(),
        (n) => n >= 3,
      ),
    ).toBe(3);
    await expect.poll(() => page.getByTestId('unread-notices').textContent()).toBe('3');
    const call = page.locator('[data-kind="CAPITAL_CALL"]');
    await expect.poll(() => call.textContent()).toContain('$4,000.00');
    await expect.poll(() => call.textContent()).toContain(poolName);
    // Paid to the investor: a plain amount, not the capital account's minus.
    const distribution = page.locator('[data-kind="DISTRIBUTION"]');
    await expect.poll(() => distribution.textContent()).toContain('$500.00');
    expect(await distribution.textContent()).not.toContain('-$500.00');
    await review(page, 'notices');
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => page.getByTestId('unread-notices').count()).toBe(0);
    await expect.poll(() => page.getByText('New', { exact: true }).count()).toBe(0);

    // The history: both movements, a filter, and the CSV of what is shown.
    await page.getByRole('link', { name: 'Transactions' }).click();
    await page.getByRole('heading', { name: 'Transactions' }).waitFor();
    const rows = page.locator('[data-testid^="history-"]');
    await expect.poll(() => rows.count()).toBe(2);
    await review(page, 'transactions');
    await page.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Distribution' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await expect
      .poll(() => rows.first().locator('[data-amount]').getAttribute('data-amount'))
      .toBe('500.00');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    });
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      '"transaction_id","occurred_at","pool_id","investor_id","type","status","amount","reserved_amount","currency"',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"DISTRIBUTION","POSTED",500.00,');

    // Positions: commitment 10,000, 2,500 paid in, 7,500 unfunded; the same in total.
    await page.getByRole('link', { name: 'My positions' }).click();
    const card = page.getByTestId(`position-${poolId}`);
    await expect.poll(() => card.getByTestId('position-unfunded').textContent()).toBe('$7,500.00');
    await expect.poll(() => page.getByTestId('total-unfunded-USD').textContent()).toBe('$7,500.00');
    await expect
      .poll(() => page.getByTestId('total-commitment-USD').textContent())
      .toBe('$10,000.00');
    await review(page, 'positions');

    await page.goto('about:blank');
    await context.close();
    expectClean();
  }, 180_000);
});
