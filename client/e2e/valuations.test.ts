import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from './browserSuite.ts';

/** Valuations in Chromium: the manager records one on the pool page and reads the metrics;
 * a member reads their own share on their positions. */

const suite = useBrowserSuite('valuations');
const { newPage, review, logIn, api } = suite;

describe('valuations and performance in the web app', () => {
  it('lets a manager record a valuation and members read their share of it', async () => {
    const managerUser = await suite.stack.signUp('MANAGER', 'Val Manager');
    const ada = await suite.stack.signUp('INVESTOR', 'Ada Angel');
    const bo = await suite.stack.signUp('INVESTOR', 'Bo Backer');
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
    await manager.goto(`${suite.appUrl}/manager/pools/${poolId}`);
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
    await investor.goto(`${suite.appUrl}/investor/positions`);
    const card = investor.getByTestId(`position-${poolId}`);
    const mine = card.getByTestId('position-performance');
    await mine.waitFor();
    expect(await mine.getByTestId('metric-nav').textContent()).toContain('$6,600.00');
    expect(await mine.getByTestId('metric-tvpi').textContent()).toBe('1.10×');
    await review(investor, 'valuations-investor-position');

    suite.expectReviewed();
  }, 240_000);
});
