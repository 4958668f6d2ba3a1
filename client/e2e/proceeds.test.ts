import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from './browserSuite.ts';

/** Scheduled fees and proceeds in Chromium: the manager reads the next management fee and each
 * member's share of it, records proceeds (reviewed first) and sees the pool's figures, the
 * members' shares and the transaction's note; a member reads their share of the proceeds. */

const suite = useBrowserSuite('proceeds');
const { newPage, review, logIn, api } = suite;

describe('scheduled fees and proceeds in the web app', () => {
  it('shows the manager the next fee and records proceeds the members are credited with', async () => {
    const managerUser = await suite.stack.signUp('MANAGER', 'Fay Fees');
    const ada = await suite.stack.signUp('INVESTOR', 'Ada Angel');
    const bo = await suite.stack.signUp('INVESTOR', 'Bo Backer');
    const poolId = (
      (await api(
        managerUser,
        'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
        { input: { name: 'Exit Fund I', currency: 'USD' } },
      )) as { createPool: { id: string } }
    ).createPool.id;
    // 2 % a year of commitments, charged quarterly, the first 6 months free: the first quarter
    // is due 6 months after opening, 20,000 × 2 % × 3 / 12 = 100.00.
    await api(
      managerUser,
      'mutation($id: ID!, $input: PoolTermsInput!) { setPoolTerms(poolId: $id, input: $input) { id } }',
      {
        id: poolId,
        input: {
          managementFeeBps: 200,
          feeBasis: 'COMMITMENTS',
          feeFrequency: 'QUARTERLY',
          feeHolidayMonths: 6,
          carryBps: 0,
        },
      },
    );
    await api(managerUser, 'mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId });
    const members = [
      [ada, '6000'],
      [bo, '4000'],
    ] as const;
    for (const [investor] of members) {
      await api(
        investor,
        'mutation($id: ID!) { joinPool(poolId: $id, commitment: "10000") { id } }',
        { id: poolId },
      );
    }

    // Members without capital: the ledger refuses proceeds, and the dialog says so with the code.
    const manager = await newPage();
    await logIn(manager, managerUser);
    const poolUrl = `${suite.appUrl}/manager/pools/${poolId}`;
    await manager.goto(poolUrl);
    await manager.getByRole('button', { name: 'Record proceeds' }).click();
    const refused = manager.getByRole('dialog', { name: 'Record proceeds' });
    await refused.getByLabel('Amount received').fill('500');
    await refused.getByLabel('What it is').fill('Dividend from Initech');
    await refused.getByRole('button', { name: 'Review' }).click();
    await refused.getByText(/No member has capital/).waitFor();
    await refused.getByRole('button', { name: 'Confirm proceeds' }).click();
    const error = refused.getByTestId('form-error');
    await error.waitFor();
    expect(await error.getByTestId('form-error-code').textContent()).toBe('CONFLICT');
    await review(manager, 'proceeds-refused');
    await refused.getByRole('button', { name: 'Close' }).click();
    await refused.waitFor({ state: 'detached' });

    for (const [investor, amount] of members) {
      await api(
        managerUser,
        'mutation($id: ID!, $inv: ID!, $a: Decimal!, $k: String!) { recordContribution(poolId: $id, investorId: $inv, amount: $a, idempotencyKey: $k) { id } }',
        { id: poolId, inv: investor.userId, a: amount, k: `proceeds-e2e-${investor.userId}` },
      );
    }

    // The next management fee, once the ledger's copy of the pool has the terms and members.
    await manager.reload();
    const fee = manager.getByTestId('next-fee');
    for (let tries = 0; ; tries++) {
      const shown = await fee
        .getByTestId('next-fee-amount')
        .textContent({ timeout: 5_000 })
        .catch(() => null);
      if (shown === '$100.00') break;
      if (tries >= 10) throw new Error(`the next fee showed ${shown}`);
      await manager.reload();
    }
    expect(await fee.getByTestId('next-fee-period').textContent()).toMatch(
      /^Period 1, .+ to .+ \(quarterly\)$/,
    );
    expect(await fee.getByTestId('next-fee-due').textContent()).toMatch(/^Due /);
    await fee.getByRole('button', { name: "Each member's share (2)" }).click();
    const shares = fee.getByRole('table', { name: "Each member's share of the fee" });
    expect(await shares.getByTestId(`fee-share-${ada.userId}`).textContent()).toContain('$60.00');
    expect(await shares.getByTestId(`fee-share-${bo.userId}`).textContent()).toContain('$40.00');
    await review(manager, 'proceeds-next-fee');

    // Proceeds: what it is must be said; then a summary with each member's credit to confirm.
    await manager.getByRole('button', { name: 'Record proceeds' }).click();
    const dialog = manager.getByRole('dialog', { name: 'Record proceeds' });
    await dialog.getByLabel('Amount received').fill('3,000');
    await dialog.getByRole('button', { name: 'Review' }).click();
    await dialog.getByText('Say what the money is').waitFor();
    await dialog.getByLabel('What it is').fill('Sale of Acme shares to Globex');
    await dialog.getByRole('button', { name: 'Review' }).click();
    const summary = dialog.getByRole('table', { name: 'Proceeds to record' });
    await summary.getByText('$3,000.00').waitFor();
    expect(await dialog.getByTestId(`share-${ada.userId}`).textContent()).toBe('$1,800.00');
    expect(await dialog.getByTestId(`share-${bo.userId}`).textContent()).toBe('$1,200.00');
    await review(manager, 'proceeds-confirm');
    await dialog.getByRole('button', { name: 'Confirm proceeds' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The pool's figures and the members' positions refresh; the note is on the transaction.
    await expect
      .poll(() => manager.getByTestId('pool-page-proceeds').textContent())
      .toBe('$3,000.00');
    await expect.poll(() => manager.getByTestId('pool-page-cash').textContent()).toBe('$13,000.00');
    await expect
      .poll(() => manager.getByTestId(`member-${ada.userId}`).textContent())
      .toContain('$1,800.00');
    await manager.getByRole('tab', { name: 'Transactions' }).click();
    await manager
      .getByTestId('transactions')
      .getByTestId('transaction-note')
      .getByText('Sale of Acme shares to Globex')
      .waitFor();
    await review(manager, 'proceeds-transactions');
    await manager.getByRole('link', { name: '← All pools' }).click();
    await expect
      .poll(() =>
        manager.getByTestId(`pool-card-${poolId}`).getByTestId('pool-proceeds').textContent(),
      )
      .toBe('$3,000.00');
    await review(manager, 'proceeds-dashboard');

    // The member reads their share of the proceeds on their position.
    const investor = await newPage();
    await logIn(investor, ada);
    await investor.goto(`${suite.appUrl}/investor/positions`);
    const card = investor.getByTestId(`position-${poolId}`);
    await expect.poll(() => card.getByTestId('position-proceeds').textContent()).toBe('$1,800.00');
    expect(await card.getByTestId('position-capital').textContent()).toBe('$7,800.00');
    await review(investor, 'proceeds-investor-position');

    suite.expectReviewed();
  }, 240_000);
});
