import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { ledgerEventsStream } from '@poolgraph/events';
import { TEST_REDIS_URL } from '@poolgraph/testing';
import { useBrowserSuite } from './browserSuite.ts';

/**
 * Notices with the fund's terms in Chromium: a waterfall distribution's tiers, a scheduled
 * management fee's period and the carry the investor bore (ledger events as the ledger writes
 * them, appended to its stream), and the investor's email preferences per kind.
 */

const suite = useBrowserSuite('notices');
const { newPage, review, logIn, api } = suite;

describe("the investor's notices with the terms, and their email preferences", () => {
  it('shows tiers, the fee period and carry borne, and keeps the email switches', async () => {
    const managerUser = await suite.stack.signUp('MANAGER', 'Nora Notices');
    const investorUser = await suite.stack.signUp('INVESTOR', 'Ada Angel');
    const poolId = (
      (await api(
        managerUser,
        'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
        { input: { name: 'Carry Fund II', currency: 'USD' } },
      )) as { createPool: { id: string } }
    ).createPool.id;
    await api(managerUser, 'mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId });
    await api(
      investorUser,
      'mutation($id: ID!) { joinPool(poolId: $id, commitment: "10000") { id } }',
      { id: poolId },
    );

    const redis = new Redis(TEST_REDIS_URL);
    const post = (payload: Record<string, unknown>) =>
      redis.xadd(
        ledgerEventsStream(suite.stack.redisPrefix),
        '*',
        'event',
        JSON.stringify({
          id: randomUUID(),
          type: 'TransactionPosted',
          occurredAt: new Date().toISOString(),
          payload: {
            transactionId: randomUUID(),
            poolId,
            currency: 'USD',
            cashBalanceMinor: '0',
            ...payload,
          },
        }),
      );
    await post({
      investorId: investorUser.userId,
      type: 'DISTRIBUTION',
      amountMinor: '152000',
      tiers: {
        returnOfCapitalMinor: '100000',
        preferredReturnMinor: '12000',
        profitShareMinor: '40000',
      },
    });
    await post({
      investorId: null,
      type: 'FEE',
      amountMinor: '5000',
      allocations: [{ investorId: investorUser.userId, amountMinor: '5000' }],
      feePeriod: { start: '2027-01-31T09:00:00.000Z', end: '2027-04-30T09:00:00.000Z' },
    });
    await post({
      investorId: managerUser.userId,
      type: 'DISTRIBUTION',
      amountMinor: '10000',
      allocations: [{ investorId: investorUser.userId, amountMinor: '10000' }],
    });
    // A late transfer the ledger held for her (PaymentHeld, as the ledger writes it).
    await redis.xadd(
      ledgerEventsStream(suite.stack.redisPrefix),
      '*',
      'event',
      JSON.stringify({
        id: randomUUID(),
        type: 'PaymentHeld',
        occurredAt: new Date().toISOString(),
        payload: {
          transactionId: randomUUID(),
          poolId,
          investorId: investorUser.userId,
          method: 'BANK_TRANSFER',
          currency: 'USD',
          amountMinor: '25000',
          receivedMinor: '25000',
          contributionStatus: 'VOIDED',
        },
      }),
    );
    redis.disconnect();
    await expect
      .poll(
        async () =>
          ((await api(investorUser, '{ notices { id } }')) as { notices: unknown[] }).notices
            .length,
        { timeout: 15_000 },
      )
      .toBe(4);

    const page = await newPage();
    await logIn(page, investorUser);
    await page.goto(`${suite.appUrl}/investor/notices`);
    await page.getByRole('heading', { name: 'Notices' }).waitFor();
    const tiers = page.getByTestId('terms-tiers');
    await tiers.waitFor();
    await expect.poll(() => tiers.textContent()).toContain('Return of capital $1,000.00 · ');
    expect(await tiers.textContent()).toContain('Preferred return $120.00');
    expect(await tiers.textContent()).toContain('Profit share $400.00');
    await expect
      .poll(() => page.getByTestId('terms-fee-period').textContent())
      .toMatch(/^Management fee for .*2027 – .*2027$/);
    await expect.poll(() => page.getByTestId('terms-carry').textContent()).toContain('$100.00');
    await page.locator('[data-kind="CARRY"]').getByText('Carry borne').waitFor();
    const held = page.locator('[data-kind="PAYMENT_HELD"]');
    await held.getByText('Payment held for you').waitFor();
    expect(await held.getByTestId('payment-held').textContent()).toContain(
      'It is held for you until it is paid back',
    );
    // Email preferences: the defaults, the address, and a switch that sticks.
    const preferences = page.getByTestId('email-preferences');
    await preferences
      .getByText(`these also go to ${investorUser.email}`, { exact: false })
      .waitFor();
    const fee = preferences.getByLabel('Fee', { exact: true });
    expect(await fee.isChecked()).toBe(true);
    expect(await preferences.getByLabel('Contribution received').isChecked()).toBe(false);
    expect(await preferences.getByLabel('Payment held for you').isChecked()).toBe(true);
    await review(page, 'notices-terms');
    await fee.click();
    await expect.poll(() => fee.isChecked()).toBe(false);
    await expect
      .poll(async () => {
        const { noticePreferences } = (await api(
          investorUser,
          '{ noticePreferences { kind email isDefault } }',
        )) as { noticePreferences: Array<{ kind: string; email: boolean; isDefault: boolean }> };
        return noticePreferences.find((p) => p.kind === 'FEE');
      })
      .toEqual({ kind: 'FEE', email: false, isDefault: false });
    await page.reload();
    await expect
      .poll(() =>
        page.getByTestId('email-preferences').getByLabel('Fee', { exact: true }).isChecked(),
      )
      .toBe(false);

    suite.expectReviewed();
  }, 240_000);
});
