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

/** Fund terms in Chromium: the manager sets and changes them, members read them, and the
 * distribution dialog previews the waterfall's tiers. */

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
  writeFileSync(resolve(OUTPUT, 'terms-axe.json'), JSON.stringify({ a11y, clipped }, null, 2));
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

describe('fund terms in the web app', () => {
  beforeAll(async () => {
    await ensureExplorerBuilt();
    stack = await startStack();
    const served = await serveBuiltApp(stack.gatewayUrl, { outName: 'terms/dist' });
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

  it('lets a manager set and change the terms, members read them, and previews the tiers', async () => {
    const managerUser = await stack.signUp('MANAGER', 'Terry Terms');
    const investorUser = await stack.signUp('INVESTOR', 'Ada Angel');
    const poolId = (
      (await api(
        managerUser,
        'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
        { input: { name: 'Carry Fund I', currency: 'USD' } },
      )) as { createPool: { id: string } }
    ).createPool.id;

    // The manager sets the terms of the DRAFT pool on its Terms tab.
    const manager = await newPage();
    await logIn(manager, managerUser);
    await manager.goto(`${app.url}/manager/pools/${poolId}`);
    await manager.getByRole('tab', { name: 'Terms' }).click();
    await manager.getByText('No fund terms').waitFor();
    await manager.getByRole('button', { name: 'Set terms' }).click();
    const form = manager.getByRole('dialog');
    await form.getByLabel('Carry').fill('60');
    await form.getByRole('button', { name: 'Save terms' }).click();
    await form.getByText('must be a whole number of basis points').waitFor();
    await form.getByLabel('Carry').fill('20');
    await form.getByLabel('Fee holiday (months from opening)').fill('6');
    await form.getByRole('button', { name: 'Save terms' }).click();
    await manager.getByText('Terms in force (version 1)').waitFor();
    await manager
      .getByTestId('terms-summary')
      .getByText(
        '2 % a year on commitments, first 6 months free · 20 % carry over a preferred return of 8 % a year (simple), full catch-up',
      )
      .waitFor();

    // Opened, with a member who paid in; a change after opening is a new version.
    await api(managerUser, 'mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId });
    await api(
      investorUser,
      'mutation($id: ID!) { joinPool(poolId: $id, commitment: "10000") { id } }',
      { id: poolId },
    );
    await api(
      managerUser,
      'mutation($id: ID!, $inv: ID!) { recordContribution(poolId: $id, investorId: $inv, amount: "4000", idempotencyKey: "terms-e2e-1") { id } }',
      { id: poolId, inv: investorUser.userId },
    );
    await manager.reload();
    await manager.getByRole('tab', { name: 'Terms' }).click();
    await manager.getByRole('button', { name: 'Change terms' }).click();
    await manager.getByRole('dialog').getByLabel('Carry').fill('25');
    await manager.getByRole('dialog').getByRole('button', { name: 'Save terms' }).click();
    await manager.getByText('Terms in force (version 2)').waitFor();
    const versions = manager.getByRole('table', { name: 'Versions of the terms' });
    await versions.getByText('while open').waitFor();
    await versions.getByText('while draft').waitFor();
    await review(manager, 'terms-manager');

    // The distribution dialog previews each tier, as the ledger will pay it.
    await manager.getByRole('button', { name: 'Distribution' }).click();
    const dialog = manager.getByRole('dialog');
    await dialog.getByLabel('Amount').fill('1500');
    await dialog.getByRole('button', { name: 'Preview shares' }).click();
    const row = dialog.getByTestId(`preview-${investorUser.userId}`);
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('$1,500.00');
    await dialog.getByTestId('preview-carry').getByText('Carry to Terry Terms').waitFor();
    await review(manager, 'terms-distribution-preview');

    // The member reads the terms in force on their position.
    const investor = await newPage();
    await logIn(investor, investorUser);
    await investor.goto(`${app.url}/investor/positions`);
    await investor
      .getByTestId(`position-${poolId}`)
      .getByText('25 % carry', { exact: false })
      .waitFor();
    await review(investor, 'terms-investor-position');

    for (const [screen, violations] of Object.entries(a11y)) {
      expect(violations, `axe on ${screen}`).toEqual([]);
    }
    for (const [screen, problems] of Object.entries(clipped)) {
      expect(problems, `clipped on ${screen}`).toEqual([]);
    }
  }, 240_000);
});
