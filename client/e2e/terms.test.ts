import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from './browserSuite.ts';

/** Fund terms in Chromium: the manager sets and changes them, members read them, and the
 * distribution dialog previews the waterfall's tiers. */

const suite = useBrowserSuite('terms');
const { newPage, review, logIn, api } = suite;

describe('fund terms in the web app', () => {
  it('lets a manager set and change the terms, members read them, and previews the tiers', async () => {
    const managerUser = await suite.stack.signUp('MANAGER', 'Terry Terms');
    const investorUser = await suite.stack.signUp('INVESTOR', 'Ada Angel');
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
    await manager.goto(`${suite.appUrl}/manager/pools/${poolId}`);
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
    await investor.goto(`${suite.appUrl}/investor/positions`);
    await investor
      .getByTestId(`position-${poolId}`)
      .getByText('25 % carry', { exact: false })
      .waitFor();
    await review(investor, 'terms-investor-position');

    suite.expectReviewed();
  }, 240_000);
});
