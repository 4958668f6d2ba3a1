import { randomBytes } from 'node:crypto';
import type { TestUser } from '@poolgraph/test-stack';
import { assertBooksBalance } from '../../src/books.ts';
import type { PaymentsStack } from '../payments.ts';
import { COMMITMENT, MEMBERS, POOLS, type Step } from './steps.ts';

/** Refusals a user may meet; anything else (an internal error, a timeout) fails the sequence. */
const REFUSALS = new Set([
  'BAD_USER_INPUT',
  'CONFLICT',
  'INSUFFICIENT_FUNDS',
  'FORBIDDEN',
  'NOT_FOUND',
]);

/** The people every sequence uses: one manager and the investors (signing up is slow). */
export interface Cast {
  manager: TestUser;
  investors: TestUser[];
}

export async function castFor(ps: PaymentsStack): Promise<Cast> {
  const manager = await ps.stack.signUp('MANAGER');
  const investors = [];
  for (let n = 0; n < MEMBERS; n++) investors.push(await ps.stack.signUp('INVESTOR'));
  return { manager, investors };
}

interface Payment {
  id: string;
  pool: number;
  member: number;
  method: 'CARD' | 'BANK_TRANSFER';
  amount: number;
  reference: string | null;
  providerPaymentId: string | null;
  clientSecret: string | null;
}

/** What the sequence believes, to judge what the ledger did. */
interface Model {
  poolIds: string[];
  status: string[];
  members: Array<Set<number>>;
  payments: Payment[];
  payouts: string[][];
}

type Answer = {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
};

/** Fails the sequence unless the answer is data or a refusal a user may meet. */
function judge(step: Step, answer: Answer): Record<string, unknown> | null {
  const error = answer.errors?.[0];
  if (!error) return answer.data ?? null;
  const code = String(error.extensions?.code ?? 'none');
  if (!REFUSALS.has(code)) throw new Error(`${step.kind} failed with ${code}: ${error.message}`);
  return null;
}

const money = (units: number) => `${units}.00`;
const key = () => `seq-${randomBytes(8).toString('hex')}`;

async function setUp(ps: PaymentsStack, cast: Cast): Promise<Model> {
  const model: Model = { poolIds: [], status: [], members: [], payments: [], payouts: [] };
  for (let p = 0; p < POOLS; p++) {
    const created = (
      await ps.gql<{ createPool: { id: string } }>(
        'mutation($i: CreatePoolInput!) { createPool(input: $i) { id } }',
        { i: { name: `Sequence pool ${p}`, currency: 'USD' } },
        cast.manager,
      )
    ).data!.createPool.id;
    await ps.gql('mutation($id: ID!) { openPool(id: $id) { id } }', { id: created }, cast.manager);
    for (const investor of cast.investors) {
      const joined = await ps.gql(
        'mutation($p: ID!, $c: Decimal!) { joinPool(poolId: $p, commitment: $c) { id } }',
        { p: created, c: String(COMMITMENT) },
        investor,
      );
      if (joined.errors) throw new Error(`join failed: ${joined.errors[0]!.message}`);
    }
    model.poolIds.push(created);
    model.status.push('OPEN');
    model.members.push(new Set(cast.investors.map((_, n) => n)));
    model.payouts.push([]);
  }
  return model;
}

/** Runs one step through the gateway (and the emulator), updating the model with what it did. */
async function apply(ps: PaymentsStack, cast: Cast, model: Model, step: Step): Promise<void> {
  const as = (member: number) => cast.investors[member]!;
  const manager = cast.manager;
  const gql = async (query: string, variables: Record<string, unknown>, user: TestUser) =>
    judge(step, (await ps.gql(query, variables, user)) as Answer);
  const payment = 'payment' in step ? model.payments[step.payment] : undefined;
  switch (step.kind) {
    case 'startCard':
    case 'startBank': {
      const method = step.kind === 'startCard' ? 'CARD' : 'BANK_TRANSFER';
      const data = await gql(
        `mutation($p: ID!, $a: Decimal!, $m: PaymentMethod!, $k: String!) {
          startContribution(poolId: $p, amount: $a, method: $m, idempotencyKey: $k) {
            id clientSecret providerPaymentId bankTransfer { reference } } }`,
        { p: model.poolIds[step.pool], a: money(step.amount), m: method, k: key() },
        as(step.member),
      );
      const intent = data?.startContribution as
        | {
            id: string;
            clientSecret: string | null;
            providerPaymentId: string | null;
            bankTransfer: { reference: string } | null;
          }
        | undefined;
      if (intent) {
        model.payments.push({
          id: intent.id,
          pool: step.pool,
          member: step.member,
          method,
          amount: step.amount,
          reference: intent.bankTransfer?.reference ?? null,
          providerPaymentId: intent.providerPaymentId,
          clientSecret: intent.clientSecret,
        });
      }
      return;
    }
    case 'confirmCard':
    case 'failCard': {
      if (!payment?.providerPaymentId || !payment.clientSecret) return;
      await ps.confirmCard(
        payment.providerPaymentId,
        payment.clientSecret,
        step.kind === 'failCard' ? 'pm_card_chargeDeclined' : 'pm_card_visa',
      );
      await ps.idle(); // the webhook has been answered
      return;
    }
    case 'confirmBank': {
      if (!payment?.reference) return;
      const amount = Math.max(1, Math.round((payment.amount * step.percent) / 100));
      await gql(
        'mutation($r: String!, $a: Decimal!) { confirmBankTransfer(reference: $r, amount: $a) { id } }',
        { r: payment.reference, a: money(amount) },
        manager,
      );
      return;
    }
    case 'cancel':
    case 'refund': {
      if (!payment) return;
      const field = step.kind === 'cancel' ? 'cancelContribution' : 'refundPayment';
      const user = step.kind === 'cancel' ? as(payment.member) : manager;
      await gql(
        `mutation($t: ID!) { ${field}(transactionId: $t) { __typename } }`,
        { t: payment.id },
        user,
      );
      return;
    }
    case 'contribute':
    case 'withdraw':
      await gql(
        `mutation($p: ID!, $a: Decimal!, $k: String!) { ${step.kind}(poolId: $p, amount: $a, idempotencyKey: $k) { id } }`,
        { p: model.poolIds[step.pool], a: money(step.amount), k: key() },
        as(step.member),
      );
      return;
    case 'record':
      await gql(
        `mutation($p: ID!, $i: ID!, $a: Decimal!, $k: String!) {
          recordContribution(poolId: $p, investorId: $i, amount: $a, idempotencyKey: $k) { id } }`,
        { p: model.poolIds[step.pool], i: as(step.member).userId, a: money(step.amount), k: key() },
        manager,
      );
      return;
    case 'raiseCommitment':
      await gql(
        'mutation($p: ID!, $i: ID!, $c: Decimal!) { raiseCommitment(poolId: $p, investorId: $i, commitment: $c) { id } }',
        {
          p: model.poolIds[step.pool],
          i: as(step.member).userId,
          c: String(COMMITMENT + step.amount),
        },
        manager,
      );
      return;
    case 'removeMember': {
      const removed = await gql(
        'mutation($p: ID!, $i: ID!) { removeMember(poolId: $p, investorId: $i) { id } }',
        { p: model.poolIds[step.pool], i: as(step.member).userId },
        manager,
      );
      if (removed) model.members[step.pool]!.delete(step.member);
      return;
    }
    case 'callCapital':
      await gql(
        'mutation($p: ID!, $x: Float!, $d: DateTime!) { callCapital(poolId: $p, percent: $x, dueDate: $d) { id } }',
        {
          p: model.poolIds[step.pool],
          x: step.percent,
          d: new Date(Date.now() + 86_400_000).toISOString(),
        },
        manager,
      );
      return;
    case 'distribute':
    case 'fee':
    case 'payout': {
      const field = { distribute: 'distribute', fee: 'chargeFee', payout: 'startDistribution' }[
        step.kind
      ];
      const data = await gql(
        `mutation($p: ID!, $a: Decimal!, $k: String!) { ${field}(poolId: $p, amount: $a, idempotencyKey: $k) { id } }`,
        { p: model.poolIds[step.pool], a: money(step.amount), k: key() },
        manager,
      );
      const rows = data?.[field];
      const ids = (Array.isArray(rows) ? rows : rows ? [rows] : []) as Array<{ id: string }>;
      await onlyMembersTouched(
        ps,
        cast,
        model,
        step.pool,
        ids.map((r) => r.id),
      );
      if (step.kind === 'payout') model.payouts[step.pool]!.push(...ids.map((r) => r.id));
      return;
    }
    case 'settlePayout': {
      const id = model.payouts[step.pool]!.shift();
      if (!id) return;
      const field = step.confirm ? 'confirmPayout' : 'voidPayout';
      await gql(`mutation($t: ID!) { ${field}(transactionId: $t) { id } }`, { t: id }, manager);
      return;
    }
    case 'close':
    case 'archive': {
      const changed = await gql(
        `mutation($id: ID!) { ${step.kind === 'close' ? 'closePool' : 'archivePool'}(id: $id) { status } }`,
        { id: model.poolIds[step.pool] },
        manager,
      );
      if (changed) model.status[step.pool] = step.kind === 'close' ? 'CLOSED' : 'ARCHIVED';
      return;
    }
  }
}

type Rows = Array<Record<string, string | null>>;
const query = async (ps: PaymentsStack, sql: string, args: unknown[]): Promise<Rows> =>
  (await ps.ledger.pool.query(sql, args))[0] as Rows;

/** A distribution or fee moved money of current members only. */
async function onlyMembersTouched(
  ps: PaymentsStack,
  cast: Cast,
  model: Model,
  pool: number,
  transactionIds: string[],
) {
  if (transactionIds.length === 0) return;
  const rows = await query(
    ps,
    'SELECT DISTINCT investor_id FROM entries WHERE transaction_id IN (?) AND investor_id IS NOT NULL',
    [transactionIds],
  );
  const members = new Set([...model.members[pool]!].map((n) => cast.investors[n]!.userId));
  const pendingRows = await query(
    ps,
    'SELECT DISTINCT investor_id FROM transactions WHERE id IN (?) AND investor_id IS NOT NULL',
    [transactionIds],
  );
  for (const row of [...rows, ...pendingRows]) {
    if (!members.has(row.investor_id!)) {
      throw new Error(`money of ${row.investor_id}, no member of pool ${pool}, was moved`);
    }
  }
}

/** Every rule checked after each step. */
async function checkInvariants(ps: PaymentsStack, cast: Cast, model: Model) {
  await assertBooksBalance(ps.ledger.db);
  const poolIds = model.poolIds;
  // Every received cent is posted, held (suspense) or refunded; never more went out than came in.
  const payments = await query(
    ps,
    `SELECT p.transaction_id, p.received_amount, p.refunded_amount, t.status, t.amount
       FROM payments p JOIN transactions t ON t.id = p.transaction_id WHERE p.pool_id IN (?)`,
    [poolIds],
  );
  for (const p of payments) {
    const posted = p.status === 'POSTED' ? BigInt(p.amount!) : 0n;
    const received = BigInt(p.received_amount ?? '0');
    if (posted + BigInt(p.refunded_amount!) > received) {
      throw new Error(`payment ${p.transaction_id} posted or refunded more than it received`);
    }
  }
  // Commitments cap contributed capital plus what is pending.
  const accounts = await query(
    ps,
    'SELECT pool_id, investor_id, contributed, withdrawn, pending_in FROM investor_accounts WHERE pool_id IN (?)',
    [poolIds],
  );
  const raised = await query(
    ps,
    'SELECT pool_id, investor_id, commitment_minor FROM pool_members WHERE pool_id IN (?)',
    [poolIds],
  );
  const commitmentOf = new Map(
    raised.map((r) => [`${r.pool_id}:${r.investor_id}`, r.commitment_minor]),
  );
  for (const a of accounts) {
    const funded = BigInt(a.contributed!) - BigInt(a.withdrawn!) + BigInt(a.pending_in!);
    const commitment = BigInt(commitmentOf.get(`${a.pool_id}:${a.investor_id}`) ?? '0');
    if (funded > commitment) {
      throw new Error(
        `${a.investor_id} funded ${funded} of a ${commitment} commitment in ${a.pool_id}`,
      );
    }
  }
  // A pool that no longer takes money has none on its way in; an archived one holds nothing.
  const pools = await query(
    ps,
    'SELECT pool_id, cash_balance, pending_in, pending_out FROM pool_accounts WHERE pool_id IN (?)',
    [poolIds],
  );
  for (const row of pools) {
    const status = model.status[poolIds.indexOf(row.pool_id!)];
    if (status !== 'OPEN' && row.pending_in !== '0') {
      throw new Error(`pool ${row.pool_id} is ${status} with contributions pending`);
    }
    if (status === 'ARCHIVED' && (row.cash_balance !== '0' || row.pending_out !== '0')) {
      throw new Error(`archived pool ${row.pool_id} still holds money`);
    }
  }
  // Reconciliation finds nothing it cannot explain: held money is the only listed kind.
  for (const poolId of poolIds) {
    const answer = (await ps.gql<{ paymentMismatches: Array<{ kind: string }> }>(
      'query($p: ID!) { paymentMismatches(poolId: $p) { kind } }',
      { p: poolId },
      cast.manager,
    )) as Answer;
    const kinds = ((answer.data?.paymentMismatches ?? []) as Array<{ kind: string }>).map(
      (m) => m.kind,
    );
    if (answer.errors || kinds.some((k) => k !== 'HELD_IN_SUSPENSE')) {
      throw new Error(`reconciliation of ${poolId}: ${JSON.stringify(answer.errors ?? kinds)}`);
    }
  }
}

/** Runs a sequence on fresh pools; resolves with the failure (the step and why), or null. */
export async function runSequence(
  ps: PaymentsStack,
  cast: Cast,
  steps: readonly Step[],
): Promise<{ at: number; error: string } | null> {
  const model = await setUp(ps, cast);
  for (let n = 0; n < steps.length; n++) {
    try {
      await apply(ps, cast, model, steps[n]!);
      await checkInvariants(ps, cast, model);
    } catch (error) {
      return { at: n, error: (error as Error).message };
    }
  }
  return null;
}

/**
 * The failing sequence made small: steps after the failing one go, then each earlier step is
 * dropped in turn while the sequence still fails (each try runs on fresh pools).
 */
export async function shrink(
  ps: PaymentsStack,
  cast: Cast,
  steps: readonly Step[],
  failure: { at: number; error: string },
): Promise<{ steps: Step[]; error: string }> {
  let current = steps.slice(0, failure.at + 1);
  let error = failure.error;
  for (let n = current.length - 2; n >= 0; n--) {
    const candidate = [...current.slice(0, n), ...current.slice(n + 1)];
    const again = await runSequence(ps, cast, candidate);
    if (again) {
      current = candidate.slice(0, again.at + 1);
      error = again.error;
      n = Math.min(n, current.length - 1);
    }
  }
  return { steps: current, error };
}
