import { describe, expect, it } from 'vitest';
import { eventually } from '@poolgraph/testing';
import type { TestUser } from '@poolgraph/test-stack';
import { applyPoolEvent } from '../src/events/poolsConsumer.ts';
import { selectPoolFactsByIds } from '../src/data/poolFacts.ts';
import { matchStatement } from '../src/payments/statement.ts';
import { errorCodes, expectData, key, openPoolWithMembers, type TestPool } from './helpers.ts';
import {
  CONFIRM_TRANSFER,
  paymentMoneyEvents as moneyEventsOf,
  start,
  transactionOf,
  usePaymentsStack,
} from './payments.ts';

// Production's setting: contribute is off, money comes in through payments or the manager.
const ps = usePaymentsStack(
  {},
  { policy: { contributeWithoutPayment: false, payOutWithdrawals: true } },
);

const gql = <T = Record<string, unknown>>(q: string, v: Record<string, unknown>, u: TestUser) =>
  ps.gql<T>(q, v, u);
const message = (r: { errors?: ReadonlyArray<{ message: string }> }) => r.errors?.[0]?.message;

const CLOSE = 'mutation($id: ID!) { closePool(id: $id) { status } }';
const ARCHIVE = 'mutation($id: ID!) { archivePool(id: $id) { status } }';
const REMOVE = 'mutation($p: ID!, $i: ID!) { removeMember(poolId: $p, investorId: $i) { id } }';
const CANCEL = 'mutation($t: ID!) { cancelContribution(transactionId: $t) { status } }';
const REFUND =
  'mutation($t: ID!) { refundPayment(transactionId: $t) { held { amount } refunded { amount } } }';
const RECORD = `mutation($p: ID!, $i: ID!, $a: Decimal!, $k: String!) {
  recordContribution(poolId: $p, investorId: $i, amount: $a, idempotencyKey: $k) { status } }`;
const MONEY = `query($id: ID!) { pool(id: $id) { cashBalance { amount } pendingContributions { amount }
  suspense { amount } } paymentMismatches(poolId: $id) { kind transaction { id } } }`;

interface PoolMoney {
  pool: {
    cashBalance: { amount: string };
    pendingContributions: { amount: string };
    suspense: { amount: string };
  };
  paymentMismatches: Array<{ kind: string; transaction: { id: string } | null }>;
}
const moneyOf = async (pool: TestPool) =>
  expectData(await gql<PoolMoney>(MONEY, { id: pool.id }, pool.manager));

const paymentMoneyEvents = (transactionId: string) => moneyEventsOf(ps, transactionId);

/**
 * Moves the ledger's copy of a pool to CLOSED as a pools event would, without the saga: the
 * state a confirmation can meet if anything ever lets a pool change with money pending.
 */
async function closeInLedgerCopyOnly(poolId: string) {
  const [facts] = await selectPoolFactsByIds(ps.ledger.db, [poolId]);
  await applyPoolEvent(ps.ledger.db, {
    id: `evt-${poolId}`,
    type: 'PoolChanged',
    occurredAt: new Date().toISOString(),
    payload: {
      poolId,
      currency: facts!.currency,
      managerId: facts!.managerId,
      status: 'CLOSED',
      revision: facts!.revision + 100,
    },
  } as Parameters<typeof applyPoolEvent>[1]);
}

describe('money enters a pool only with evidence', () => {
  it('refuses contribute where it is switched off, naming startContribution', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const response = await gql(
      'mutation($p: ID!, $k: String!) { contribute(poolId: $p, amount: "10.00", idempotencyKey: $k) { id } }',
      { p: pool.id, k: key() },
      pool.members[0]!,
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(message(response)).toMatch(/startContribution/);
    expect((await moneyOf(pool)).pool.cashBalance.amount).toBe('0.00');
  });
});

describe('money goes out to an investor with evidence', () => {
  it('pays a withdrawal out as a pending payout that holds the capital until the manager confirms it', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    expectData(
      await gql(RECORD, { p: pool.id, i: investor.userId, a: '50.00', k: key() }, pool.manager),
    );
    const WITHDRAW = `mutation($p: ID!, $a: Decimal!, $k: String!) {
      withdraw(poolId: $p, amount: $a, idempotencyKey: $k) { id status } }`;
    const withdrawal = expectData(
      await gql<{ withdraw: { id: string; status: string } }>(
        WITHDRAW,
        { p: pool.id, a: '30.00', k: key() },
        investor,
      ),
    ).withdraw;
    expect(withdrawal.status).toBe('PENDING');
    // The held capital cannot be withdrawn twice, nor removed from under the payout.
    const again = await gql(WITHDRAW, { p: pool.id, a: '30.00', k: key() }, investor);
    expect(errorCodes(again)).toEqual(['INSUFFICIENT_FUNDS']);
    const removal = await gql(REMOVE, { p: pool.id, i: investor.userId }, pool.manager);
    expect(errorCodes(removal)).toEqual(['CONFLICT']);
    expect(message(removal)).toMatch(/30\.00 USD of pending payouts/);
    const confirmed = expectData(
      await gql<{ confirmPayout: { status: string } }>(
        'mutation($t: ID!) { confirmPayout(transactionId: $t) { status } }',
        { t: withdrawal.id },
        pool.manager,
      ),
    );
    expect(confirmed.confirmPayout.status).toBe('POSTED');
    expect((await moneyOf(pool)).pool.cashBalance.amount).toBe('20.00');
  });
});

describe('lifecycle changes account for pending money', () => {
  it('refuses to close while a bank transfer is pending; after a cancel the late money is held and refunded, never posted', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const intent = await start(ps, pool.id, investor, '33.00', 'BANK_TRANSFER');
    const refused = await gql(CLOSE, { id: pool.id }, pool.manager);
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(message(refused)).toMatch(/33\.00 USD of pending contributions/);

    expect(expectData(await gql(CANCEL, { t: intent.id }, investor))).toEqual({
      cancelContribution: { status: 'VOIDED' },
    });
    expectData(await gql(CLOSE, { id: pool.id }, pool.manager));
    // The payer's bank sends the money anyway: it arrives, but not in the pool.
    const late = await gql(
      CONFIRM_TRANSFER,
      { reference: intent.bankTransfer!.reference, amount: '33.00' },
      pool.manager,
    );
    expect(errorCodes(late)).toEqual(['CONFLICT']);
    const held = await moneyOf(pool);
    expect(held.pool.cashBalance.amount).toBe('0.00');
    expect(held.pool.suspense.amount).toBe('33.00');
    expect(held.paymentMismatches).toEqual([
      { kind: 'HELD_IN_SUSPENSE', transaction: { id: intent.id } },
    ]);
    expect(await paymentMoneyEvents(intent.id)).toEqual([
      'PaymentHeld 3300 of 3300 (BANK_TRANSFER, VOIDED)',
    ]);
    const archiveWhileHeld = await gql(ARCHIVE, { id: pool.id }, pool.manager);
    expect(errorCodes(archiveWhileHeld)).toEqual(['CONFLICT']);
    expect(message(archiveWhileHeld)).toMatch(/33\.00 USD in suspense/);

    expect(expectData(await gql(REFUND, { t: intent.id }, pool.manager))).toEqual({
      refundPayment: { held: { amount: '0.00' }, refunded: { amount: '33.00' } },
    });
    const after = await moneyOf(pool);
    expect(after.pool.suspense.amount).toBe('0.00');
    expect(await paymentMoneyEvents(intent.id)).toEqual([
      'PaymentHeld 3300 of 3300 (BANK_TRANSFER, VOIDED)',
      'PaymentRefunded 3300 of 3300 (BANK_TRANSFER, VOIDED)',
    ]);
    expect(after.paymentMismatches).toEqual([]);
    expect(expectData(await gql(ARCHIVE, { id: pool.id }, pool.manager))).toEqual({
      archivePool: { status: 'ARCHIVED' },
    });
  });

  it('refuses to remove a member with a pending card payment, so its confirmation still posts to a member', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const intent = await start(ps, pool.id, investor, '40.00', 'CARD');
    const refused = await gql(REMOVE, { p: pool.id, i: investor.userId }, pool.manager);
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(message(refused)).toMatch(/40\.00 USD of pending contributions/);
    expect((await ps.confirmCard(intent.providerPaymentId!, intent.clientSecret!)).status).toBe(
      200,
    );
    await eventually(async () => {
      expect((await transactionOf(ps, intent.id, investor)).status).toBe('POSTED');
    }, 10_000);
    expect((await moneyOf(pool)).pool.cashBalance.amount).toBe('40.00');
  });

  it('refuses to archive a pool that holds cash, naming it', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    expectData(
      await gql(
        RECORD,
        { p: pool.id, i: pool.members[0]!.userId, a: '12.00', k: key() },
        pool.manager,
      ),
    );
    expectData(await gql(CLOSE, { id: pool.id }, pool.manager));
    const refused = await gql(ARCHIVE, { id: pool.id }, pool.manager);
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(message(refused)).toMatch(/12\.00 USD of cash/);
  });
});

describe('a confirmation the pool can no longer take is never posted into it', () => {
  it('refunds a card payment confirmed after the pool stopped taking money through the provider', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const intent = await start(ps, pool.id, investor, '25.00', 'CARD');
    await closeInLedgerCopyOnly(pool.id);
    expect((await ps.confirmCard(intent.providerPaymentId!, intent.clientSecret!)).status).toBe(
      200,
    );
    await eventually(async () => {
      expect((await transactionOf(ps, intent.id, investor)).status).toBe('VOIDED');
      const { data } = await fetch(`${ps.emulatorUrl}/_emulator/refunds`, { method: 'POST' }).then(
        (r) => r.json() as Promise<{ data: Array<{ payment_intent: string; amount: number }> }>,
      );
      expect(data.filter((r) => r.payment_intent === intent.providerPaymentId)).toEqual([
        expect.objectContaining({ amount: 2500 }),
      ]);
    }, 10_000);
    const money = await moneyOf(pool);
    expect(money.pool.cashBalance.amount).toBe('0.00');
    expect(money.pool.suspense.amount).toBe('0.00');
    expect(money.paymentMismatches).toEqual([]);
    expect(await paymentMoneyEvents(intent.id)).toEqual([
      'PaymentHeld 2500 of 2500 (CARD, VOIDED)',
      'PaymentRefunded 2500 of 2500 (CARD, VOIDED)',
    ]);
  });

  it('holds a bank transfer confirmed after the pool stopped taking money in suspense', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const intent = await start(ps, pool.id, investor, '18.00', 'BANK_TRANSFER');
    await closeInLedgerCopyOnly(pool.id);
    const confirmed = expectData(
      await gql<{ confirmBankTransfer: { status: string } }>(
        CONFIRM_TRANSFER,
        { reference: intent.bankTransfer!.reference, amount: '18.00' },
        pool.manager,
      ),
    );
    expect(confirmed.confirmBankTransfer.status).toBe('VOIDED');
    const money = await moneyOf(pool);
    expect(money.pool.cashBalance.amount).toBe('0.00');
    expect(money.pool.suspense.amount).toBe('18.00');
    expect(await paymentMoneyEvents(intent.id)).toEqual([
      'PaymentHeld 1800 of 1800 (BANK_TRANSFER, VOIDED)',
    ]);
  });
});

describe('the payer is told of money held for them, each amount once', () => {
  it('holds what a transfer brought beyond its contribution, announced once however often it is confirmed', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const intent = await start(ps, pool.id, investor, '20.00', 'BANK_TRANSFER');
    const confirm = () =>
      gql<{ confirmBankTransfer: { status: string } }>(
        CONFIRM_TRANSFER,
        { reference: intent.bankTransfer!.reference, amount: '25.00' },
        pool.manager,
      );
    // The same statement line confirmed ten times at once: one posting, one announcement.
    const answers = await Promise.all(Array.from({ length: 10 }, confirm));
    for (const answer of answers) {
      expect(expectData(answer).confirmBankTransfer.status).toBe('POSTED');
    }
    const money = await moneyOf(pool);
    expect(money.pool.cashBalance.amount).toBe('20.00');
    expect(money.pool.suspense.amount).toBe('5.00');
    expect(await paymentMoneyEvents(intent.id)).toEqual([
      'PaymentHeld 500 of 2500 (BANK_TRANSFER, POSTED)',
    ]);
    expect(expectData(await gql(REFUND, { t: intent.id }, pool.manager)).refundPayment).toEqual({
      held: { amount: '0.00' },
      refunded: { amount: '5.00' },
    });
    expectData(await confirm());
    expect(await paymentMoneyEvents(intent.id)).toEqual([
      'PaymentHeld 500 of 2500 (BANK_TRANSFER, POSTED)',
      'PaymentRefunded 500 of 2500 (BANK_TRANSFER, POSTED)',
    ]);
  });

  it('announces a late transfer confirmed many times at once, and its refund clicked many times, exactly once', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const intent = await start(ps, pool.id, investor, '9.00', 'BANK_TRANSFER');
    expectData(await gql(CANCEL, { t: intent.id }, investor));
    const late = { reference: intent.bankTransfer!.reference, amount: '9.00' };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => gql(CONFIRM_TRANSFER, late, pool.manager)),
    );
    expect(new Set(answers.map((a) => errorCodes(a).join()))).toEqual(new Set(['CONFLICT']));
    expect((await moneyOf(pool)).pool.suspense.amount).toBe('9.00');
    expect(await paymentMoneyEvents(intent.id)).toEqual([
      'PaymentHeld 900 of 900 (BANK_TRANSFER, VOIDED)',
    ]);
    // The manager's refund clicked five times at once: recorded once, told once.
    const refunds = await Promise.all(
      Array.from({ length: 5 }, () => gql(REFUND, { t: intent.id }, pool.manager)),
    );
    for (const refund of refunds)
      expect(errorCodes(refund).filter((c) => c !== 'CONFLICT')).toEqual([]);
    expect((await moneyOf(pool)).pool.suspense.amount).toBe('0.00');
    expect(await paymentMoneyEvents(intent.id)).toEqual([
      'PaymentHeld 900 of 900 (BANK_TRANSFER, VOIDED)',
      'PaymentRefunded 900 of 900 (BANK_TRANSFER, VOIDED)',
    ]);
  });
});

describe('every transfer the bank received is recorded once', () => {
  const statement = (lines: string[], header = 'date,reference,amount,currency') =>
    [header, ...lines, ''].join('\n');
  const outcomes = async (csv: string) =>
    (await matchStatement(ps.payments(), csv)).map((r) => r.outcome);

  it("holds a second and a third transfer after the contribution posted, never counts the manager's confirmed one again, and records nothing twice on re-import", async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const intent = await start(ps, pool.id, pool.members[0]!, '20.00', 'BANK_TRANSFER');
    const reference = intent.bankTransfer!.reference;
    const confirm = (amount: string) => gql(CONFIRM_TRANSFER, { reference, amount }, pool.manager);
    expectData(await confirm('20.00'));
    // The statement lists the transfer the manager saw, then two equal ones a day later.
    const first = statement([
      `2026-03-01,${reference},20.00,USD`,
      `2026-03-02,${reference},5.00,USD`,
      `2026-03-02,${reference},5.00,USD`,
    ]);
    // Imported five times at once: each transfer recorded once.
    const imports = await Promise.all(Array.from({ length: 5 }, () => outcomes(first)));
    expect(imports.flat().filter((o) => o === 'held')).toHaveLength(2);
    expect(await outcomes(first)).toEqual(['already', 'already', 'already']);
    // The next statement overlaps the last day and brings one more.
    expect(
      await outcomes(
        statement([
          `2026-03-02,${reference},5.00,USD`,
          `2026-03-02,${reference},5.00,USD`,
          `2026-03-03,${reference},1.50,USD`,
        ]),
      ),
    ).toEqual(['already', 'already', 'held']);
    // The manager confirming a recorded amount again is a replay; another amount is refused,
    // naming the way to record a second transfer.
    expect(expectData(await confirm('5.00'))).toBeTruthy();
    const other = await confirm('3.00');
    expect(errorCodes(other)).toEqual(['CONFLICT']);
    expect(message(other)).toMatch(/already received 31\.50 USD.*bank statement/);
    const money = await moneyOf(pool);
    expect(money.pool.cashBalance.amount).toBe('20.00');
    expect(money.pool.suspense.amount).toBe('11.50');
    const events = await paymentMoneyEvents(intent.id);
    expect(events.map((e) => e.split(' ').slice(0, 2).join(' ')).sort()).toEqual([
      'PaymentHeld 150',
      'PaymentHeld 500',
      'PaymentHeld 500',
    ]);
    // Refunded in full: what arrived is accounted for to the cent.
    expect(expectData(await gql(REFUND, { t: intent.id }, pool.manager)).refundPayment).toEqual({
      held: { amount: '0.00' },
      refunded: { amount: '11.50' },
    });
  });

  it('adds up two transfers for a cancelled contribution instead of keeping the last', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const intent = await start(ps, pool.id, investor, '9.00', 'BANK_TRANSFER');
    expectData(await gql(CANCEL, { t: intent.id }, investor));
    const reference = intent.bankTransfer!.reference;
    const csv = statement(
      [`2026-03-01,${reference},9.00,USD,BK-1`, `2026-03-04,${reference},4.00,USD,BK-2`],
      'date,reference,amount,currency,transfer_id',
    );
    expect(await outcomes(csv)).toEqual(['held', 'held']);
    expect(await outcomes(csv)).toEqual(['already', 'already']);
    // The same statement as a bank with a decimal comma exports it: semicolons between columns.
    expect(await outcomes(csv.replaceAll(',', ';'))).toEqual(['already', 'already']);
    expect((await moneyOf(pool)).pool.suspense.amount).toBe('13.00');
    expect(await paymentMoneyEvents(intent.id)).toEqual([
      'PaymentHeld 900 of 900 (BANK_TRANSFER, VOIDED)',
      'PaymentHeld 400 of 1300 (BANK_TRANSFER, VOIDED)',
    ]);
  });

  it("keys lines by the bank's transfer id when the statement has one, and refuses a malformed id", async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const intent = await start(ps, pool.id, pool.members[0]!, '30.00', 'BANK_TRANSFER');
    const reference = intent.bankTransfer!.reference;
    const header = 'date,reference,amount,currency,transfer_id';
    // Two equal lines with distinct ids are two transfers; the same id twice is one.
    expect(
      await outcomes(
        statement(
          [
            `2026-03-01,${reference},10.00,USD,BK-7`,
            `2026-03-01,${reference},10.00,USD,BK-8`,
            `2026-03-01,${reference},10.00,USD,BK-8`,
            `2026-03-01,${reference},10.00,USD,BK\u00e9`,
          ],
          header,
        ),
      ),
    ).toEqual(['partial', 'held', 'already', 'refused']);
    const money = await moneyOf(pool);
    expect(money.pool.cashBalance.amount).toBe('10.00');
    expect(money.pool.suspense.amount).toBe('10.00');
  });
});

describe("a manager imports the pool's bank statement through the graph", () => {
  const IMPORT = `mutation($p: ID!, $csv: String!) { importBankStatement(poolId: $p, csv: $csv) {
    line reference outcome detail transaction { id status } } }`;
  interface Line {
    line: number;
    outcome: string;
    detail: string;
    transaction: { id: string; status: string } | null;
  }
  const importAs = (user: TestUser, poolId: string, csv: string) =>
    gql<{ importBankStatement: Line[] }>(IMPORT, { p: poolId, csv }, user);

  it("matches its own pool's lines only, refuses strangers and malformed statements whole, and records each transfer once under 20 imports at once", async () => {
    const [a, b] = await Promise.all([openPoolWithMembers(ps, 1), openPoolWithMembers(ps, 1)]);
    const [mine, theirs] = await Promise.all([
      start(ps, a.id, a.members[0]!, '40.00', 'BANK_TRANSFER'),
      start(ps, b.id, b.members[0]!, '15.00', 'BANK_TRANSFER'),
    ]);
    const csv = [
      // As a spreadsheet exports it: a byte order mark, capitalised column names.
      '\uFEFFDate,Reference,Amount,Currency,Payer',
      `2026-04-01,${mine.bankTransfer!.reference},40.00,USD,A`,
      `2026-04-01,${theirs.bankTransfer!.reference},15.00,USD,B`,
      `2026-04-02,${mine.bankTransfer!.reference},2.50,USD,A`,
    ].join('\n');
    for (const [who, pool, code] of [
      [b.manager, a.id, 'FORBIDDEN'],
      [a.members[0]!, a.id, 'FORBIDDEN'],
      [a.manager, '00000000-0000-7000-8000-000000000000', 'NOT_FOUND'],
      [a.manager, 'not-a-pool', 'NOT_FOUND'],
    ] as const) {
      expect(errorCodes(await importAs(who, pool, csv))).toEqual([code]);
    }
    const noHeader = await importAs(a.manager, a.id, csv.replace('Currency', 'Ccy'));
    expect(errorCodes(noHeader)).toEqual(['BAD_USER_INPUT']);
    expect(message(noHeader)).toMatch(/no currency column/);
    const tooLong = ['date,reference,amount,currency'];
    for (let n = 0; n < 2001; n++) tooLong.push(`2026-04-01,PG-2222-2222-2,1.00,USD`);
    expect(errorCodes(await importAs(a.manager, a.id, tooLong.join('\n')))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect((await transactionOf(ps, mine.transaction.id, a.members[0]!)).status).toBe('PENDING');

    const imports = await Promise.all(
      Array.from({ length: 20 }, () => importAs(a.manager, a.id, csv)),
    );
    const outcomes = imports.map((r) => expectData(r).importBankStatement.map((l) => l.outcome));
    // Each line recorded by exactly one import; B's line is never this pool's.
    expect(outcomes.filter((o) => o[0] === 'POSTED')).toHaveLength(1);
    expect(outcomes.filter((o) => o[2] === 'HELD')).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o[1]))).toEqual(new Set(['UNMATCHED']));
    const [first] = expectData(imports[0]!).importBankStatement;
    expect(first!.transaction).toEqual({ id: mine.transaction.id, status: 'POSTED' });
    expect((await transactionOf(ps, theirs.transaction.id, b.members[0]!)).status).toBe('PENDING');
    const money = await moneyOf(a);
    expect(money.pool.cashBalance.amount).toBe('40.00');
    expect(money.pool.suspense.amount).toBe('2.50');
  });
});

describe('commitments cap contributions', () => {
  it('caps payments and recorded money by the unfunded commitment, pending included, until the manager raises it', async () => {
    const pool = await openPoolWithMembers(ps, 1, 'USD', 'OPEN', '50000');
    const investor = pool.members[0]!;
    await start(ps, pool.id, investor, '30000.00', 'BANK_TRANSFER');
    const over = await gql(
      'mutation($p: ID!, $k: String!) { startContribution(poolId: $p, amount: "20000.01", method: BANK_TRANSFER, idempotencyKey: $k) { id } }',
      { p: pool.id, k: key() },
      investor,
    );
    expect(errorCodes(over)).toEqual(['BAD_USER_INPUT']);
    expect(message(over)).toMatch(/20000\.00 USD is left of the commitment of 50000\.00 USD/);
    // The investor, the manager and an outsider read the same cap the ledger enforces.
    const COMMITMENT = `query($p: ID!, $i: ID!) { position(poolId: $p, investorId: $i) {
      commitment { amount } unfundedCommitment { amount currency } pending { amount } } }`;
    const commitmentOf = async (user: TestUser) =>
      gql<{ position: Record<string, unknown> }>(
        COMMITMENT,
        { p: pool.id, i: investor.userId },
        user,
      );
    for (const reader of [investor, pool.manager]) {
      expect(expectData(await commitmentOf(reader)).position).toEqual({
        commitment: { amount: '50000.00' },
        unfundedCommitment: { amount: '20000.00', currency: 'USD' },
        pending: { amount: '30000.00' },
      });
    }
    const stranger = await ps.stack.signUp('INVESTOR');
    expect(errorCodes(await commitmentOf(stranger))).toEqual(['FORBIDDEN']);
    const recorded = await gql(
      RECORD,
      { p: pool.id, i: investor.userId, a: '20000.01', k: key() },
      pool.manager,
    );
    expect(errorCodes(recorded)).toEqual(['BAD_USER_INPUT']);
    expectData(
      await gql(RECORD, { p: pool.id, i: investor.userId, a: '20000.00', k: key() }, pool.manager),
    );

    const raise = `mutation($p: ID!, $i: ID!, $c: Decimal!) {
      raiseCommitment(poolId: $p, investorId: $i, commitment: $c) { commitment { amount } } }`;
    const lower = await gql(raise, { p: pool.id, i: investor.userId, c: '40000' }, pool.manager);
    expect(errorCodes(lower)).toEqual(['BAD_USER_INPUT']);
    expectData(await gql(raise, { p: pool.id, i: investor.userId, c: '60000' }, pool.manager));
    await eventually(async () => {
      expectData(
        await gql(
          RECORD,
          { p: pool.id, i: investor.userId, a: '10000.00', k: 'raised' },
          pool.manager,
        ),
      );
    });
  });
});
