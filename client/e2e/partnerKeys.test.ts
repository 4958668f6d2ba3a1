import type { Browser } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { ensureExplorerBuilt, launchChromium, screenReviews, serveBuiltApp } from './harness.ts';

// A manager's Partner keys screen in Chromium: issue a key for one pool with a note and an
// expiry, copy the secret shown once, see the key listed, use it, revoke it.
const DESKTOP = { width: 1280, height: 800 };

let stack: Stack;
let app: { url: string; server: PreviewServer };
let browser: Browser;
let manager: TestUser;
const { review, expectClean } = screenReviews('axe-partner-keys.json', 'partner-keys-');

describe("a manager's partner keys in Chromium", () => {
  beforeAll(async () => {
    await ensureExplorerBuilt();
    stack = await startStack();
    manager = await stack.signUp('MANAGER');
    for (const name of ['Harbour Fund', 'Ridge Fund']) {
      expectData(
        await graphql(
          stack.gatewayUrl,
          'mutation($i: CreatePoolInput!) { createPool(input: $i) { id } }',
          { i: { name, currency: 'USD' } },
          { token: manager.token },
        ),
      );
    }
    [app, browser] = await Promise.all([serveBuiltApp(stack.gatewayUrl), launchChromium()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.server.close();
    await stack?.stop();
  });

  it('issues a key for one pool, shows its secret once, lists its last use and revokes it', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce', viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${app.url}/manager/keys`);
    await page.getByLabel('Email').fill(manager.email);
    await page.locator('input[type="password"]').fill(manager.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Partner keys' }).waitFor();
    await review(page, 'empty');

    // Nothing chosen: the form names what is missing and sends nothing.
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByText('Name the key after who uses it.').waitFor();

    await page.getByRole('textbox', { name: /^Name/ }).fill('Fund administrator');
    await page.getByLabel('Only the pools I choose').check();
    await page.getByRole('combobox', { name: 'Choose pools' }).click();
    await page.getByRole('option', { name: 'Harbour Fund' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel(/ledger:read/).check();
    const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;
    await page.getByLabel('Expires').fill(nextYear);
    await page.getByLabel('Note').fill('Ask Dana at the administrator\nfor the monthly pack');
    await page.getByRole('button', { name: 'Create key' }).click();

    const secret = (await page.getByTestId('api-key-secret').textContent()) ?? '';
    expect(secret).toMatch(/^pgk_[A-Za-z0-9_-]{43}$/);
    const row = page.getByRole('row', { name: /Fund administrator/ });
    await expect.poll(() => row.textContent()).toContain('Harbour Fund');
    await review(page, 'created');

    // The partner uses it; the list shows when (after a reload: the page does not poll).
    const used = await graphql(
      stack.gatewayUrl,
      'query { __typename }',
      {},
      { headers: { 'x-api-key': secret } },
    );
    expect(used.status).not.toBe(401);
    await page.reload();
    // The expiry is set, so the only empty cell was "Last used".
    await expect.poll(() => row.textContent()).not.toContain('—');
    expect(await page.getByTestId('api-key-secret').count()).toBe(0);

    await page.getByRole('button', { name: 'Revoke Fund administrator' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
    await expect.poll(() => row.textContent()).toContain('Revoked');
    await review(page, 'revoked');

    expectClean();
    await context.close();
  }, 120_000);
});
