import { connectMysql } from '@poolgraph/platform';
import { errorCodes, eventually, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/db/index.ts';
import { ledgerHistoryReader } from '../src/peers/ledger.ts';
import { rebuildReadModels } from '../src/services/rebuild.ts';
import { gql, key } from './live.ts';
import { pdfLines } from './pdfText.ts';

const STATEMENT = `query($i: ID!, $from: DateTime, $to: DateTime) {
  investorStatement(investorId: $i, from: $from, to: $to) {
    lines { pool { id } openingBalance { amount } contributions { amount } distributions { amount }
      fees { amount } withdrawals { amount } proceeds { amount } carry { amount } closingBalance { amount }
      distributionsReturnOfCapital { amount } distributionsPreferredReturn { amount }
      distributionsProfitShare { amount } distributionsProRata { amount } navShare { amount currency } navDate }
    csv pdf } }`;
const PREVIEW = `query($p: ID!, $a: Decimal!) { previewDistribution(poolId: $p, amount: $a) {
  members { investor { id } returnOfCapital { amount } preferredReturn { amount } profitShare { amount } } } }`;
const POSITION = `query($p: ID!, $i: ID!) { position(poolId: $p, investorId: $i) { capital { amount } } }`;

type Amount = { amount: string };
interface Line {
  pool: { id: string };
  [field: string]: Amount | { id: string } | { amount: string; currency: string } | string | null;
}
interface Statement {
  lines: Line[];
  csv: string;
  pdf: string;
}
interface PreviewMember {
  investor: { id: string };
  returnOfCapital: Amount;
  preferredReturn: Amount;
  profitShare: Amount;
}

/** Minor units of a 2-decimal amount, for sums without floats. */
const cents = (a: Amount | string) =>
  BigInt((typeof a === 'string' ? a : a.amount).replace('.', ''));
const usd = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;
const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('capital account statements through the gateway', () => {
  let stack: Stack;
  let admin: TestUser;
  let manager: TestUser;
  let a: TestUser;
  let b: TestUser;
  let poolId: string;
  /** An instant between the two distributions: the first period ends, the second starts. */
  let between: string;
  /** What the previews said each distribution would pay, per member. */
  const previews: PreviewMember[][] = [];
  /** Each member's ledger capital at `between`. */
  const capitalAtBetween = new Map<string, string>();

  const statement = (user: TestUser, investor: TestUser, window: object = {}) =>
    gql<{ investorStatement: Statement }>(
      stack,
      STATEMENT,
      { i: investor.userId, ...window },
      user,
    );
  const capital = async (investor: TestUser) =>
    (
      await gql<{ position: { capital: Amount } }>(
        stack,
        POSITION,
        { p: poolId, i: investor.userId },
        admin,
      )
    ).position.capital.amount;
  const line = async (investor: TestUser, window: object = {}) =>
    (await statement(investor, investor, window)).investorStatement.lines.find(
      (l) => l.pool.id === poolId,
    )!;

  async function distribute(amount: string) {
    const { previewDistribution } = await gql<{
      previewDistribution: { members: PreviewMember[] };
    }>(stack, PREVIEW, { p: poolId, a: amount }, manager);
    previews.push(previewDistribution.members);
    await gql(
      stack,
      'mutation($p: ID!, $a: Decimal!, $k: String!) { distribute(poolId: $p, amount: $a, idempotencyKey: $k) { id } }',
      { p: poolId, a: amount, k: key() },
      manager,
    );
  }

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.admin();
    manager = await stack.signUp('MANAGER');
    poolId = (
      await gql<{ createPool: { id: string } }>(
        stack,
        'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
        { input: { name: 'Statement pool', currency: 'USD' } },
        manager,
      )
    ).createPool.id;
    // 20 % carry over an 8 % simple preferred return, full catch-up.
    await gql(
      stack,
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
      manager,
    );
    await gql(stack, 'mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId }, manager);
    const investors = [await stack.signUp('INVESTOR'), await stack.signUp('INVESTOR')];
    investors.sort((x, y) => (x.userId < y.userId ? -1 : 1));
    [a, b] = investors as [TestUser, TestUser];
    const yearAgo = new Date(Date.now() - 365 * 86_400_000 - 3_600_000).toISOString();
    for (const [investor, amount] of [
      [a, '600'],
      [b, '400'],
    ] as const) {
      await gql(
        stack,
        'mutation($p: ID!) { joinPool(poolId: $p, commitment: "1000") { id } }',
        { p: poolId },
        investor,
      );
      await gql(
        stack,
        `mutation($p: ID!, $i: ID!, $a: Decimal!, $at: DateTime, $k: String!) {
          recordContribution(poolId: $p, investorId: $i, amount: $a, occurredAt: $at, idempotencyKey: $k) { id } }`,
        { p: poolId, i: investor.userId, a: amount, at: yearAgo, k: key() },
        manager,
      );
    }
    await gql(
      stack,
      `mutation($p: ID!, $k: String!) {
        recordProceeds(poolId: $p, amount: "500", note: "exit", idempotencyKey: $k) { id } }`,
      { p: poolId, k: key() },
      manager,
    );
    // Yesterday the holdings and cash were worth $2,000.
    await gql(
      stack,
      'mutation($input: RecordValuationInput!) { recordValuation(input: $input) { id } }',
      { input: { poolId, date: day(-1), value: '2000' } },
      manager,
    );
    // Capital back ($600 / $400) and $50 of the $80 preferred return; then the rest of it,
    // the catch-up, and the split (what one $1,500 distribution pays).
    await distribute('1050');
    for (const investor of [a, b]) capitalAtBetween.set(investor.userId, await capital(investor));
    await new Promise((resolve) => setTimeout(resolve, 5));
    between = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await distribute('450');
    // The read model has every event once both closing balances equal the ledger's capital.
    for (const investor of [a, b]) {
      const ledger = await capital(investor);
      await eventually(async () => {
        expect((await line(investor)).carry).not.toEqual({ amount: '0.00' });
        expect((await line(investor)).closingBalance).toEqual({ amount: ledger });
      }, 10_000);
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('reconciles with the ledger: closings equal capital, tiers sum to distributions and equal what the waterfall paid', async () => {
    for (const [n, investor] of [a, b].entries()) {
      const paid = (tier: 'returnOfCapital' | 'preferredReturn' | 'profitShare') =>
        previews.map((p) => cents(p[n]![tier])).reduce((x, y) => x + y, 0n);
      const all = await line(investor);
      expect(all.closingBalance).toEqual({ amount: await capital(investor) });
      expect(all.distributionsReturnOfCapital).toEqual({ amount: usd(paid('returnOfCapital')) });
      expect(all.distributionsPreferredReturn).toEqual({ amount: usd(paid('preferredReturn')) });
      expect(all.distributionsProfitShare).toEqual({ amount: usd(paid('profitShare')) });
      expect(all.distributionsProRata).toEqual({ amount: '0.00' });
      const tiers = [
        'distributionsReturnOfCapital',
        'distributionsPreferredReturn',
        'distributionsProfitShare',
        'distributionsProRata',
      ].map((f) => cents(all[f] as Amount));
      expect(usd(tiers.reduce((x, y) => x + y, 0n))).toBe((all.distributions as Amount).amount);

      // Each period holds its own distribution's tiers, and closes at the ledger's capital then.
      const first = await line(investor, { to: between });
      expect(first.closingBalance).toEqual({ amount: capitalAtBetween.get(investor.userId) });
      expect(first.distributionsReturnOfCapital).toEqual(previews[0]![n]!.returnOfCapital);
      expect(first.distributionsPreferredReturn).toEqual(previews[0]![n]!.preferredReturn);
      expect(first.distributionsProfitShare).toEqual(previews[0]![n]!.profitShare);
      const second = await line(investor, { from: between });
      expect(second.openingBalance).toEqual(first.closingBalance);
      expect(second.closingBalance).toEqual(all.closingBalance);
      expect(second.distributionsReturnOfCapital).toEqual(previews[1]![n]!.returnOfCapital);
      expect(second.distributionsPreferredReturn).toEqual(previews[1]![n]!.preferredReturn);
      expect(second.distributionsProfitShare).toEqual(previews[1]![n]!.profitShare);
    }
    // The hand-worked figures: A $600 back, $48 preferred, $192 profit, bears $60 of carry.
    expect(await line(a)).toMatchObject({
      contributions: { amount: '600.00' },
      proceeds: { amount: '300.00' },
      distributions: { amount: '840.00' },
      distributionsReturnOfCapital: { amount: '600.00' },
      distributionsPreferredReturn: { amount: '48.00' },
      distributionsProfitShare: { amount: '192.00' },
      carry: { amount: '60.00' },
      closingBalance: { amount: '0.00' },
    });
  });

  it("states each member's NAV share as of the period end, from the latest valuation by then", async () => {
    // Yesterday's $2,000, less today's first distribution ($1,050), split 60:40 by capital.
    expect(await line(a, { to: between })).toMatchObject({
      navShare: { amount: '570.00', currency: 'USD' },
      navDate: day(0),
    });
    expect((await line(b, { to: between })).navShare).toEqual({
      amount: '380.00',
      currency: 'USD',
    });
    // Now: both distributions and the carry left the pool: $500, as poolPerformance splits it.
    const { investorPerformance } = await gql<{
      investorPerformance: Array<{ pool: { id: string }; navShare: Amount }>;
    }>(
      stack,
      'query($i: ID!) { investorPerformance(investorId: $i) { pool { id } navShare { amount } } }',
      { i: a.userId },
      a,
    );
    expect((await line(a)).navShare).toEqual({ amount: '300.00', currency: 'USD' });
    expect(investorPerformance.find((p) => p.pool.id === poolId)!.navShare).toEqual({
      amount: '300.00',
    });
    // Before yesterday there was no valuation.
    expect(await line(a, { to: `${day(-1)}T00:00:00Z` })).toMatchObject({
      navShare: null,
      navDate: null,
    });
  });

  it('gives the same figures as fields, in the CSV and in the PDF', async () => {
    const { investorStatement } = await statement(a, a, { to: between });
    const fields = investorStatement.lines.find((l) => l.pool.id === poolId)!;
    const [header, ...rows] = parse(investorStatement.csv, {
      record_delimiter: '\r\n',
    }) as string[][];
    const row = rows.find((r) => r[0] === poolId)!;
    const csv = (column: string) => row[header!.indexOf(column)];
    const pairs: Array<[string, string, string]> = [
      ['opening_balance', 'Opening balance', 'openingBalance'],
      ['contributions', 'Contributions', 'contributions'],
      ['distributions', 'Distributions', 'distributions'],
      ['proceeds', 'Proceeds share', 'proceeds'],
      ['carry', 'Carry borne', 'carry'],
      ['closing_balance', 'Closing balance', 'closingBalance'],
      ['return_of_capital', 'Distributions: return of capital', 'distributionsReturnOfCapital'],
      ['preferred_return', 'Distributions: preferred return', 'distributionsPreferredReturn'],
      ['profit_share', 'Distributions: profit share', 'distributionsProfitShare'],
      ['pro_rata_distributions', 'Distributions: pro rata', 'distributionsProRata'],
      ['nav_share', 'NAV share', 'navShare'],
    ];
    const pdf = pdfLines(Buffer.from(investorStatement.pdf, 'base64'));
    expect(pdf).toContain('Statement pool');
    for (const [column, label, field] of pairs) {
      const value = (fields[field] as Amount).amount;
      expect(csv(column)).toBe(value);
      expect(pdf).toContain(`${label} | ${value}`);
    }
    expect(csv('nav_date')).toBe(day(0));
    expect(pdf).toContain(`NAV date | ${day(0)}`);
    expect(pdf).toContain(`From the beginning to ${between.slice(0, 10)} (exclusive)`);
  });

  it('lets the manager read their members’ statements and nobody else', async () => {
    const mine = await statement(manager, a);
    expect(mine.investorStatement.lines.map((l) => l.pool.id)).toEqual([poolId]);
    const other = await stack.signUp('MANAGER');
    expect((await statement(other, a)).investorStatement.lines).toEqual([]);
    const response = await graphql(stack.gatewayUrl, STATEMENT, { i: a.userId }, b);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    const anonymous = await graphql(stack.gatewayUrl, STATEMENT, { i: a.userId }, {});
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('keeps the recorded tiers through a rebuild from the ledger history', async () => {
    const before = await statement(admin, a, { from: between });
    const reports = connectMysql({ url: stack.databases.reports!.url }, schema);
    await reports.pool.query(
      'UPDATE movements SET return_of_capital = NULL, preferred_return = NULL, profit_share = NULL',
    );
    await reports.pool.query('UPDATE investor_pool_totals SET profit_share = 0');
    await reports.close();
    expect(await statement(admin, a, { from: between })).not.toEqual(before);
    await rebuildReadModels({
      mysqlUrl: stack.databases.reports!.url,
      readHistory: ledgerHistoryReader(stack.gatewayUrl, admin.token),
    });
    const after = await statement(admin, a, { from: between });
    // The PDF carries its creation time: compare everything else, and the PDF's text.
    expect({ ...after.investorStatement, pdf: '' }).toEqual({
      ...before.investorStatement,
      pdf: '',
    });
    expect(pdfLines(Buffer.from(after.investorStatement.pdf, 'base64'))).toEqual(
      pdfLines(Buffer.from(before.investorStatement.pdf, 'base64')),
    );
    expect((await line(a)).distributionsProfitShare).toEqual({ amount: '192.00' });
  });
});
