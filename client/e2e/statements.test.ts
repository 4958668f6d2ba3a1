import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from './browserSuite.ts';

/**
 * Capital account statements in Chromium: a member of a pool with carry reads their statement
 * (distributions by tier, carry borne, NAV share), picks a period and downloads CSV and PDF; the
 * manager opens the same member's statement from the members table.
 */

const suite = useBrowserSuite('statements');
const { newPage, review, logIn, api } = suite;

const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The text of each cell of a row (a table row on a desktop, a card on a phone). */
const amounts = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('[data-amount]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-amount')));

async function download(page: Page, button: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('capital account statements in the web app', () => {
  it('shows the member their statement by tier with CSV and PDF, and the manager the same', async () => {
    const managerUser = await suite.stack.signUp('MANAGER', 'Stella Manager');
    const ada = await suite.stack.signUp('INVESTOR', 'Ada Angel');
    const bo = await suite.stack.signUp('INVESTOR', 'Bo Backer');
    const poolId = (
      (await api(
        managerUser,
        'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
        { input: { name: 'Carry Fund I', currency: 'USD' } },
      )) as { createPool: { id: string } }
    ).createPool.id;
    await api(
      managerUser,
      'mutation($p: ID!, $input: PoolTermsInput!) { setPoolTerms(poolId: $p, input: $input) { id } }',
      {
        p: poolId,
        input: {
          managementFeeBps: 0,
          feeBasis: 'COMMITMENTS',
          feeFrequency: 'ANNUAL',
          carryBps: 2000,
          hurdleBps: 800,
          hurdleCompounding: 'SIMPLE',
          catchUp: 'FULL',
        },
      },
    );
    await api(managerUser, 'mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId });
    // Ada has the lower id of the two in no particular way: give her the larger capital by name.
    const yearAgo = new Date(Date.now() - 365 * 86_400_000 - 3_600_000).toISOString();
    for (const [investor, amount] of [
      [ada, '600'],
      [bo, '400'],
    ] as const) {
      await api(investor, 'mutation($p: ID!) { joinPool(poolId: $p, commitment: "1000") { id } }', {
        p: poolId,
      });
      await api(
        managerUser,
        `mutation($p: ID!, $i: ID!, $a: Decimal!, $at: DateTime, $k: String!) {
          recordContribution(poolId: $p, investorId: $i, amount: $a, occurredAt: $at, idempotencyKey: $k) { id } }`,
        {
          p: poolId,
          i: investor.userId,
          a: amount,
          at: yearAgo,
          k: `statements-${investor.userId}`,
        },
      );
    }
    await api(
      managerUser,
      'mutation($p: ID!) { recordProceeds(poolId: $p, amount: "500", note: "exit", idempotencyKey: "statements-exit") { id } }',
      { p: poolId },
    );
    await api(
      managerUser,
      'mutation($input: RecordValuationInput!) { recordValuation(input: $input) { id } }',
      { input: { poolId, date: day(-1), value: '2000' } },
    );
    await api(
      managerUser,
      'mutation($p: ID!) { distribute(poolId: $p, amount: "1500", idempotencyKey: "statements-d") { id } }',
      { p: poolId },
    );

    // Ada: $600 back, $48 preferred, $192 profit; she bore $60 of the carry; her account is
    // empty; her share of yesterday's $2,000 less today's $1,500 out is $300.
    const investor = await newPage();
    await logIn(investor, ada);
    await investor.goto(`${suite.appUrl}/investor/statements`);
    await investor.getByRole('heading', { name: 'Statements' }).waitFor();
    await expect
      .poll(
        async () => {
          const row = await amounts(investor, `statement-${poolId}`).catch(() => []);
          // The read model follows the ledger's events: wait for the carry.
          if (row[7] !== '60.00') await investor.reload();
          return row;
        },
        { timeout: 20_000, interval: 500 },
      )
      // Opening, contributions, distributions, fees, withdrawals, closing, proceeds, carry, NAV.
      .toEqual(['0.00', '600.00', '840.00', '0.00', '0.00', '0.00', '300.00', '60.00', '300.00']);
    expect(await amounts(investor, `tiers-${poolId}`)).toEqual([
      '600.00',
      '48.00',
      '192.00',
      '0.00',
      '840.00',
    ]);
    await review(investor, 'statements-investor');

    const csv = await download(investor, 'Download CSV');
    expect(csv.name).toBe('poolgraph-statement.csv');
    const [header, row] = csv.bytes
      .toString('utf8')
      .trim()
      .split('\r\n')
      .map((l) => l.split(',').map((cell) => cell.replace(/^"(.*)"$/, '$1')));
    const cell = (column: string) => row![header!.indexOf(column)];
    expect(cell('return_of_capital')).toBe('600.00');
    expect(cell('preferred_return')).toBe('48.00');
    expect(cell('profit_share')).toBe('192.00');
    expect(cell('carry')).toBe('60.00');
    expect(cell('nav_share')).toBe('300.00');
    const pdf = await download(investor, 'Download PDF');
    expect(pdf.name).toBe('poolgraph-statement.pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Up to today (exclusive): the contributions only, and a NAV share of yesterday's value.
    await investor.getByLabel('To (exclusive)').fill(day(0));
    await expect
      .poll(() => amounts(investor, `statement-${poolId}`), { timeout: 10_000 })
      .toEqual(['0.00', '600.00', '0.00', '0.00', '0.00', '600.00', '0.00', '0.00', '1200.00']);
    const windowed = await download(investor, 'Download PDF');
    expect(windowed.name).toBe(`poolgraph-statement-to-${day(0)}.pdf`);

    // The manager: from the members table to Ada's statement, the same figures.
    const manager = await newPage();
    await logIn(manager, managerUser);
    await manager.goto(`${suite.appUrl}/manager/pools/${poolId}`);
    await manager.getByRole('link', { name: 'Statement of Ada Angel' }).click();
    await manager.getByRole('heading', { name: 'Statement of Ada Angel' }).waitFor();
    await expect
      .poll(() => amounts(manager, `tiers-${poolId}`), { timeout: 10_000 })
      .toEqual(['600.00', '48.00', '192.00', '0.00', '840.00']);
    await review(manager, 'statements-manager');
    const managers = await download(manager, 'Download PDF');
    expect(managers.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    suite.expectReviewed();
  }, 240_000);
});
