import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import {
  OUTPUT,
  clippedOnPhone,
  ensureExplorerBuilt,
  launchChromium,
  screenshot,
  seriousViolations,
  serveBuiltApp,
} from './harness.ts';

/** Valuations in Chromium: the manager records one on the pool page and reads the metrics;
 * a member reads their own share on their positions. */

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let stack: Stack;
let app: { url: string };
let close: () => Promise<void>;
let browser: Browser;
const contexts: BrowserContext[] = [];
const a11y: Record<string, unknown[]> = {};
const clipped: Record<string, string[]> = {};

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: DESKTOP });
  contexts.push(context);
  return context.newPage();
}

/** axe-core and a screenshot at 1280×800, then at 390×844 with nothing clipped. */
async function review(page: Page, name: string) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  a11y[name] = await seriousViolations(page);
  await screenshot(page, name);
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(150);
  a11y[`${name}-phone`] = await seriousViolations(page);
  clipped[`${name}-phone`] = await clippedOnPhone(page);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(150);
  writeFileSync(resolve(OUTPUT, 'valuations-axe.json'), JSON.stringify({ a11y, clipped }, null, 2));
}

async function logIn(page: Page, user: TestUser) {
  await page.goto(`${app.url}/login`);
  await page.getByRole('heading', { name: 'Log in to Poolgraph' }).waitFor();
  await page.getByLabel('Email').fill(user.email);
  await page.locator('input[type="password"]').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('signed-in-as').waitFor();
}

const api = (user: TestUser, query: string, variables: Record<string, unknown> = {}) =>
  graphql(stack.gatewayUrl, query, variables, { token: user.token }).then(expectData);

describe('valuations and performance in the web app', () => {
  beforeAll(async () => {
    await ensureExplorerBuilt();
    stack = await startStack();
    const served = await serveBuiltApp(stack.gatewayUrl, { outName: 'valuations/dist' });
    app = served;
    close = () => served.server.close();
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await Promise.all(
      contexts.flatMap((c) => c.pages()).map((p) => p.goto('about:blank').catch(() => undefined)),
    );
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await close?.();
    await stack?.stop();
  });

  it('lets a manager record a valuation and members read their share of it', async () => {
    const managerUser = await stack.signUp('MANAGER', 'Val Manager');
    const ada = await stack.signUp('INVESTOR', 'Ada Angel');
    const bo = await stack.signUp('INVESTOR', 'Bo Backer');
    const poolId = (
      (await api(
        managerUser,
        'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
        { input: { name: 'Valued Fund I', currency: 'USD' } },
      )) as { createPool: { id: string } }
    ).createPool.id;
    await api(managerUser, 'mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId });
    for (const [investor, amount] of [
      [ada, '6000'],
      [bo, '4000'],
    ] as const) {
      await api(
        investor,
        'mutation($id: ID!) { joinPool(poolId: $id, commitment: "10000") { id } }',
        {
          id: poolId,
        },
      );
      await api(
        managerUser,
        'mutation($id: ID!, $inv: ID!, $a: Decimal!, $k: String!) { recordContribution(poolId: $id, investorId: $inv, amount: $a, idempotencyKey: $k) { id } }',
        { id: poolId, inv: investor.userId, a: amount, k: `valuations-e2e-${investor.userId}` },
      );
    }

    const manager = await newPage();
    await logIn(manager, managerUser);
    await manager.goto(`${app.url}/manager/pools/${poolId}`);
    await manager.getByRole('tab', { name: 'Performance' }).click();
    await manager.getByText('No valuations yet').waitFor();
    await manager.getByRole('button', { name: 'Record valuation' }).click();
    const form = manager.getByRole('dialog');
    await form.getByLabel('Net asset value (USD)').fill('-5');
    await form.getByRole('button', { name: 'Record valuation' }).click();
    await form.getByText('The amount must be positive.').waitFor();
    await form.getByLabel('Net asset value (USD)').fill('12,000');
    await form.getByLabel('Note').fill('Priced at the last round');
    await form.getByRole('button', { name: 'Record valuation' }).click();
    const valuations = manager.getByRole('table', { name: 'Valuations' });
    await valuations.getByText('Priced at the last round').waitFor();
    await expect
      .poll(() => manager.getByTestId('metric-nav').textContent())
      .toContain('$12,000.00');
    expect(await manager.getByTestId('metric-tvpi').textContent()).toBe('1.20×');
    const shares = manager.getByRole('table', { name: "Each member's share" });
    await shares.getByText('$7,200.00').waitFor();
    await shares.getByText('$4,800.00').waitFor();
    await review(manager, 'valuations-manager');

    // A second valuation of the same day is refused until the manager says to replace it.
    await manager.getByRole('button', { name: 'Record valuation' }).click();
    await form.getByLabel('Net asset value (USD)').fill('11000');
    await form.getByRole('button', { name: 'Record valuation' }).click();
    await form.getByText('already has a valuation', { exact: false }).waitFor();
    await review(manager, 'valuations-conflict');
    await form.getByLabel('Replace the valuation of that day').check();
    await form.getByRole('button', { name: 'Record valuation' }).click();
    await expect
      .poll(() => manager.getByTestId('metric-nav').textContent())
      .toContain('$11,000.00');

    // The reports screen shows the same figures.
    await manager.getByRole('link', { name: 'Reports' }).click();
    await manager.waitForURL('**/manager/reports');
    await manager.getByRole('heading', { name: 'Pool performance' }).waitFor();
    await manager.getByText('Investors', { exact: true }).waitFor();
    await expect
      .poll(() => manager.getByTestId('metric-nav').textContent())
      .toContain('$11,000.00');
    await review(manager, 'valuations-reports');

    // A member sees their own share on their positions.
    const investor = await newPage();
    await logIn(investor, ada);
    await investor.goto(`${app.url}/investor/positions`);
    const card = investor.getByTestId(`position-${poolId}`);
    const mine = card.getByTestId('position-performance');
    await mine.waitFor();
    expect(await mine.getByTestId('metric-nav').textContent()).toContain('$6,600.00');
    expect(await mine.getByTestId('metric-tvpi').textContent()).toBe('1.10×');
    await review(investor, 'valuations-investor-position');

    for (const [screen, violations] of Object.entries(a11y)) {
      expect(violations, `axe on ${screen}`).toEqual([]);
    }
    for (const [screen, problems] of Object.entries(clipped)) {
      expect(problems, `clipped on ${screen}`).toEqual([]);
    }
  }, 240_000);
});
