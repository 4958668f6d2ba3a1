import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { totpCode } from '../../subgraphs/users/src/auth/totp.ts';
import { launchChromium, screenReviews, serveBuiltApp } from './harness.ts';

// A person turns on a second factor in the browser, saves payout details (asked for a fresh
// code once the last one is 5 minutes old: the users subgraph's clock is moved, nobody waits),
// and logs in again in two steps. Each screen is looked at on a desktop and on a phone.
const DESKTOP = { width: 1280, height: 800 };

let stack: Stack;
let app: { url: string; server: PreviewServer };
let browser: Browser;
let offsetMs = 0;
const { review, expectClean } = screenReviews('second-factor-axe.json', 'second-factor-');
const now = () => Date.now() + offsetMs;

beforeAll(async () => {
  stack = await startStack({
    without: ['alerts', 'reports'],
    serviceConfig: { users: { clock: now } },
  });
  app = await serveBuiltApp(stack.gatewayUrl);
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.server.close();
  await stack?.stop();
});

async function logIn(page: Page, user: TestUser) {
  await page.goto(`${app.url}/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

describe('a second factor in the browser', () => {
  it('enrols with the QR code, keeps payout details behind a fresh code, and logs in in two steps', async () => {
    const ann = await stack.signUp('INVESTOR', 'Ann Second');
    const page = await (
      await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' })
    ).newPage();
    await logIn(page, ann);
    await page.waitForURL(/\/investor/);
    await page.goto(`${app.url}/account`);

    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect
      .poll(() => page.getByAltText(/QR code/).isVisible(), { timeout: 15_000 })
      .toBe(true);
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await review(page, 'enrol');
    await page.getByLabel('Code from the app').fill(totpCode(secret, now()));
    await page.getByRole('button', { name: 'Confirm and turn on' }).click();
    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor();
    const recoveryCodes = await codes.locator('code').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await review(page, 'recovery-codes');
    await page.getByRole('button', { name: 'I saved them' }).click();
    await expect.poll(() => page.getByText(/Recovery codes left: 10/).isVisible()).toBe(true);

    // The code that turned it on was just proven: payout details save without another one.
    const payout = page.getByRole('region', { name: 'Payout details' });
    const fill = async () => {
      await payout.getByLabel('Account holder').fill('Ann Second');
      await payout.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00');
      await payout.getByLabel('BIC').fill('COBADEFFXXX');
      await payout.getByRole('button', { name: /bank account/ }).click();
    };
    await fill();
    await expect
      .poll(() => page.getByTestId('payout-current').textContent())
      .toContain('DE•• •••• 3000');
    // Its toast closes first, so the one checked below is the second save's.
    await expect
      .poll(() => page.getByText(/Payout details saved/).count(), { timeout: 15_000 })
      .toBe(0);

    // Six minutes later (the users subgraph's clock), the change asks for a code first.
    offsetMs += 6 * 60_000;
    await fill();
    const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
    await dialog.waitFor();
    await review(page, 'step-up');
    await dialog.getByRole('textbox', { name: 'Code' }).fill('000000');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => dialog.getByText(/not a current code/i).isVisible()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Code' }).fill(totpCode(secret, now()));
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByText(/Payout details saved/).isVisible()).toBe(true);

    // Logging in again takes the password, then a code (a later one: codes work once).
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await logIn(page, ann);
    await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
    await review(page, 'login-code');
    offsetMs += 30_000;
    await page.getByRole('textbox', { name: 'Code' }).fill(totpCode(secret, now()));
    await page.getByRole('button', { name: 'Log in' }).click();
    // Signed in again, back on the page it logged out from.
    await page.getByTestId('signed-in-as').waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');

    // A lost phone: a recovery code stands in for the app's code, once.
    const codeStep = async (code: string) => {
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL(/\/login/);
      await logIn(page, ann);
      await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
      await page.getByRole('textbox', { name: 'Code' }).fill(code);
      await page.getByRole('button', { name: 'Log in' }).click();
    };
    await codeStep(recoveryCodes[0]!);
    await page.getByTestId('signed-in-as').waitFor();
    await expect.poll(() => page.getByText(/Recovery codes left: 9/).isVisible()).toBe(true);
    await codeStep(recoveryCodes[0]!);
    await expect.poll(() => page.getByText(/not a current code/i).isVisible()).toBe(true);
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
    expectClean();
  }, 180_000);
});
