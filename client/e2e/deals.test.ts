import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '@poolgraph/test-stack';
import { ensureExplorerBuilt, launchChromium, screenReviews, serveBuiltApp } from './harness.ts';

/** Private deals in Chromium: a manager's invite-only pool, an email invitation and a link. */

const DESKTOP = { width: 1366, height: 800 };

let stack: Stack;
let app: { url: string };
let close: () => Promise<void>;
let browser: Browser;
const contexts: BrowserContext[] = [];
const { review, expectClean } = screenReviews('deals-axe.json');

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: DESKTOP });
  contexts.push(context);
  return context.newPage();
}

async function logIn(page: Page, email: string, password: string) {
  await page.getByRole('heading', { name: 'Log in to Poolgraph' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('signed-in-as').waitFor();
}

describe('private deals in the web app', () => {
  beforeAll(async () => {
    await ensureExplorerBuilt();
    stack = await startStack();
    const served = await serveBuiltApp(stack.gatewayUrl);
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

  it('lets a manager run an invite-only pool and investors join it by email and by link', async () => {
    const managerUser = await stack.signUp('MANAGER', 'Dana Deals');
    const linkInvestor = await stack.signUp('INVESTOR', 'Lee Link');
    const outsider = await stack.signUp('INVESTOR', 'Olive Outsider');

    // The manager makes an invite-only pool from the pool page.
    const manager = await newPage();
    await manager.goto(`${app.url}/login`);
    await logIn(manager, managerUser.email, managerUser.password);
    const poolName = `Private Deal ${Date.now() % 100000}`;
    await manager.getByRole('button', { name: 'New pool' }).click();
    await manager.getByLabel('Name').fill(poolName);
    await manager.getByLabel('Minimum contribution').fill('500');
    await manager.getByRole('button', { name: 'Create pool' }).click();
    await manager.getByRole('heading', { name: poolName }).waitFor();
    await manager.getByRole('button', { name: 'Open pool' }).click();
    await expect.poll(() => manager.getByTestId('pool-status').textContent()).toBe('open');
    await manager.getByRole('tab', { name: 'Invitations' }).click();
    await manager.getByText('Invite-only', { exact: true }).click();
    await manager.getByText('Only investors you invite').waitFor();

    // An email with no account yet (typed with capitals and spaces), and a bad one.
    const invitedEmail = `newcomer-${Date.now()}@e2e.poolgraph.dev`;
    const emailInput = manager.getByLabel("Investor's email");
    await emailInput.fill('not-an-email');
    await manager.getByRole('button', { name: 'Invite', exact: true }).click();
    await manager.getByText('Must be a valid email address.').waitFor();
    await emailInput.fill(`  ${invitedEmail.toUpperCase()} `);
    await manager.getByRole('button', { name: 'Invite', exact: true }).click();
    await manager.getByRole('status').filter({ hasText: 'Invited' }).waitFor();
    await emailInput.fill(invitedEmail);
    await manager.getByRole('button', { name: 'Invite', exact: true }).click();
    await manager.getByText('already has a pending invitation').waitFor();

    // A one-use link, shown once.
    await manager.getByLabel('Uses (empty: unlimited)').fill('1');
    await manager.getByRole('button', { name: 'Create link' }).click();
    const link = (await manager.getByTestId('invite-link').textContent())!.trim();
    expect(link).toMatch(/\/invite\/pgi_[A-Za-z0-9_-]{43}$/);
    await review(manager, 'deals-manager-invitations');

    // A second email invitation, revoked after a confirmation that says what it does.
    await emailInput.fill(outsider.email);
    await manager.getByRole('button', { name: 'Invite', exact: true }).click();
    await manager.getByRole('button', { name: `Revoke ${outsider.email}` }).click();
    const confirm = manager.getByRole('dialog');
    await confirm.getByText('It can no longer be accepted').waitFor();
    await review(manager, 'deals-revoke-confirm', { phone: false });
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await manager
      .getByRole('table', { name: 'Invitations' })
      .getByRole('row')
      .filter({ hasText: outsider.email })
      .getByText('Revoked')
      .waitFor();

    // The outsider never sees the deal among open pools.
    const stranger = await newPage();
    await stranger.goto(`${app.url}/login`);
    await logIn(stranger, outsider.email, outsider.password);
    await stranger.getByRole('heading', { name: 'Open pools' }).waitFor();
    await stranger.waitForLoadState('networkidle');
    expect(await stranger.getByText(poolName).count()).toBe(0);

    // The invited email signs up, finds the invitation and accepts with a commitment.
    const invitee = await newPage();
    await invitee.goto(`${app.url}/signup`);
    await invitee.getByLabel('Name').fill('Nia Newcomer');
    await invitee.getByLabel('Email').fill(invitedEmail);
    await invitee.getByLabel('Password', { exact: false }).first().fill('correct-horse-battery');
    await invitee.getByRole('button', { name: 'Sign up' }).click();
    await invitee.getByTestId('signed-in-as').waitFor();
    await invitee.getByRole('link', { name: 'Invitations' }).click();
    await invitee.getByTestId('invitation').filter({ hasText: poolName }).waitFor();
    await expect.poll(() => invitee.title()).toBe('Invitations · Poolgraph');
    await review(invitee, 'deals-investor-invitations');
    await invitee.getByRole('button', { name: `Accept ${poolName}` }).click();
    const accept = invitee.getByRole('dialog');
    await accept.getByLabel('Commitment').fill('100');
    await accept.getByRole('button', { name: 'Accept and join' }).click();
    await accept.getByText('The commitment must be at least the minimum contribution.').waitFor();
    await review(invitee, 'deals-accept-dialog', { phone: false });
    await accept.getByLabel('Commitment').fill('1,500');
    await accept.getByRole('button', { name: 'Accept and join' }).click();
    await invitee.getByRole('heading', { name: 'My positions' }).waitFor();
    await invitee.getByText(poolName).first().waitFor();

    // The link, opened signed out: log in, come back to it, join.
    const holder = await newPage();
    await holder.goto(link);
    await logIn(holder, linkInvestor.email, linkInvestor.password);
    await holder.getByRole('heading', { name: `Invitation to ${poolName}` }).waitFor();
    await review(holder, 'deals-invite-link');
    await holder.getByLabel('Commitment').fill('500');
    await holder.getByRole('button', { name: 'Accept and join' }).click();
    await holder.getByRole('heading', { name: 'My positions' }).waitFor();

    // Used once, the link says so.
    await holder.goto(link);
    await holder.getByText('used as many times as the manager allowed').waitFor();
    await review(holder, 'deals-invite-link-used');

    await manager.reload();
    await manager.getByRole('tab', { name: 'Invitations' }).click();
    const table = manager.getByRole('table', { name: 'Invitations' });
    await table.getByText('Used up').waitFor();
    await table.getByText('Accepted').waitFor();
    await review(manager, 'deals-manager-invitations-after');

    expectClean();
  }, 180_000);
});
