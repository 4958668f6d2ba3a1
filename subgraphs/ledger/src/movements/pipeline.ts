import { conflict, uuidv7 } from '@poolgraph/platform';
import type { LedgerTx } from '../db/index.ts';
import {
  accountKey,
  lockAllInvestorAccounts,
  lockInvestorAccounts,
  updateInvestorAccounts,
  type InvestorAccountRow,
} from '../data/investorAccounts.ts';
import {
  insertIdempotencyKeys,
  selectIdempotencyKeys,
  type NewIdempotencyRow,
} from '../data/idempotencyKeys.ts';
import { lockPoolAccounts, updatePoolAccounts, type PoolAccountRow } from '../data/poolAccounts.ts';
import { selectPoolCopies, type PoolFactsRow } from '../data/poolFacts.ts';
import { selectCurrentMemberIds } from '../data/poolMembers.ts';
import { selectTransactionsByRequestIds, type TransactionRow } from '../data/transactions.ts';
import { Journal } from './journal.ts';
import { checkMovement, opensAccount, readsWholePool, type PostingRequest } from './movement.ts';
import { planMovement } from './plans.ts';
import { hasCarry, noteDistributions, readWaterfallBooks } from '../waterfall/poolWaterfall.ts';
import type { WaterfallBooks } from '../waterfall/poolWaterfall.ts';
import type { PoolBooks } from './poolBooks.ts';

/** What became of one request of a batch. */
export type BatchOutcome =
  | { kind: 'posted'; rows: TransactionRow[] }
  /** The key was recorded by an earlier transaction with this payload: its original result. */
  | { kind: 'replayed'; rows: TransactionRow[] }
  /** The key was recorded before, or earlier in this batch, for another payload. */
  | { kind: 'reused' }
  | { kind: 'refused'; error: unknown };

/** Every request of the batch was answered without a write: thrown so nothing is committed. */
export class NothingPosted extends Error {
  constructor(readonly outcomes: BatchOutcome[]) {
    super('no request of the batch posted');
  }
}

const keyOf = (r: PostingRequest) => `${r.actorId}\u0000${r.idempotencyKey}`;

/**
 * The one posting pipeline, for one pool's lane (online) or a chunk of many pools (bulk), in one
 * MySQL transaction: the pools' cash rows are locked in id order first, so every later read of
 * the transaction (its snapshot starts at its first plain read) sees what committed under those
 * locks before — a close's or a removal's mark; recorded keys are answered as replays; the
 * pools' facts and the memberships asked about are read, the capital accounts locked; each
 * request is checked and planned in turn
 * against the books as the earlier ones left them, so a refused request changes nothing and later
 * ones see exactly the cash there is; then keys, journal and balances are written with one
 * statement per table. A key another transaction commits meanwhile makes the key insert throw
 * IdempotencyKeyTaken: the caller reruns the batch, which then answers it as a replay.
 */
export async function postBatch(
  tx: LedgerTx,
  batch: readonly PostingRequest[],
  keysFirst = true,
): Promise<BatchOutcome[]> {
  const cash = await lockPoolAccounts(
    tx,
    batch.map((r) => r.pool),
  );
  const outcomes: Array<BatchOutcome | undefined> = keysFirst
    ? await answerRecordedKeys(tx, batch)
    : batch.map(() => undefined);
  const firstWithKey = new Map<string, number>();
  const fresh: number[] = [];
  batch.forEach((request, index) => {
    if (outcomes[index]) return;
    const first = firstWithKey.get(keyOf(request));
    if (first === undefined) {
      firstWithKey.set(keyOf(request), index);
      fresh.push(index);
    }
  });

  const books = await lockBooks(
    tx,
    fresh.map((i) => batch[i]!),
    cash,
  );
  const journal = new Journal();
  const now = new Date();
  const keys: NewIdempotencyRow[] = [];
  for (const index of fresh) {
    const request = batch[index]!;
    const pool = books.get(request.pool.poolId)!;
    try {
      if (request.pool.currency !== pool.books.pool.currency) {
        throw conflict(
          `The ledger holds this pool in ${pool.books.pool.currency}, not ${request.pool.currency}.`,
        );
      }
      const { requires } = request;
      if (requires) {
        const member = requires.member && pool.memberIds.has(request.investorId);
        checkMovement(
          { operation: request.operation, requires },
          {
            facts: pool.facts,
            isMember: member,
            commitmentMinor: member
              ? (pool.books.commitments.get(request.investorId) ?? null)
              : null,
          },
        );
      }
      const planned = planMovement(pool.books, request); // throws before touching the books
      const requestId = uuidv7();
      const meta = {
        requestId,
        occurredAt: request.occurredAt ?? now,
        createdAt: now,
        note: request.note ?? null,
        feePeriod: request.feePeriod,
        imported: request.imported,
      };
      const rows = planned.map((p) => journal.record(pool.books, p, meta));
      noteDistributions(pool.books, planned);
      keys.push({
        actorId: request.actorId,
        idempotencyKey: request.idempotencyKey,
        id: requestId,
        operation: request.operation,
        requestHash: request.requestHash,
        currency: pool.books.pool.currency,
      });
      outcomes[index] = { kind: 'posted', rows };
    } catch (error) {
      outcomes[index] = { kind: 'refused', error };
    }
  }
  if (!keysFirst) {
    // A refusal still answers a recorded request with its original result; any other
    // recorded key fails the key insert below, and the batch is rerun with keys first.
    const refused = fresh.filter((index) => outcomes[index]!.kind === 'refused');
    const answers = await answerRecordedKeys(
      tx,
      refused.map((index) => batch[index]!),
    );
    refused.forEach((index, n) => (outcomes[index] = answers[n] ?? outcomes[index]));
  }
  // Later requests with a key used earlier in this batch: a replay of it, or a reuse.
  batch.forEach((request, index) => {
    if (outcomes[index]) return;
    const first = firstWithKey.get(keyOf(request))!;
    const original = outcomes[first]!;
    outcomes[index] =
      batch[first]!.requestHash === request.requestHash && original.kind === 'posted'
        ? { kind: 'replayed', rows: original.rows }
        : original.kind === 'refused'
          ? original
          : { kind: 'reused' };
  });
  const settled = outcomes as BatchOutcome[];
  if (keys.length === 0) throw new NothingPosted(settled);

  await insertIdempotencyKeys(tx, keys);
  await journal.write(tx);
  // Entries move posted balances; a PENDING transaction has none but moves pending columns.
  const moved = [...journal.entries, ...journal.transactions];
  const movedPools = new Set(moved.map((e) => e.poolId));
  const movedAccounts = new Set(
    moved.flatMap((e) => (e.investorId ? [accountKey(e.poolId, e.investorId)] : [])),
  );
  const touched = [...books.values()].filter((b) => movedPools.has(b.books.pool.poolId));
  await updatePoolAccounts(
    tx,
    touched.map((b) => b.books.pool),
  );
  await updateInvestorAccounts(
    tx,
    touched.flatMap((b) =>
      [...b.books.investors.values()].filter((a) =>
        movedAccounts.has(accountKey(a.poolId, a.investorId)),
      ),
    ),
  );
  return settled;
}

/** Requests whose (actor, key) an earlier transaction recorded: replays or reuses, one query. */
async function answerRecordedKeys(
  tx: LedgerTx,
  batch: readonly PostingRequest[],
): Promise<Array<BatchOutcome | undefined>> {
  const recorded = await selectIdempotencyKeys(tx, batch);
  if (recorded.length === 0) return batch.map(() => undefined);
  const byKey = new Map(recorded.map((r) => [`${r.actorId}\u0000${r.idempotencyKey}`, r]));
  const originals = await selectTransactionsByRequestIds(
    tx,
    recorded.map((r) => r.id),
  );
  return batch.map((request) => {
    const earlier = byKey.get(keyOf(request));
    if (!earlier) return undefined;
    return earlier.requestHash === request.requestHash
      ? { kind: 'replayed', rows: originals.get(earlier.id) ?? [] }
      : { kind: 'reused' };
  });
}

interface LockedPool {
  books: PoolBooks;
  facts: PoolFactsRow | undefined;
  /** Investors this batch asked about who are members now. */
  memberIds: ReadonlySet<string>;
}

/**
 * Reads and locks what the requests need, under their pools' cash rows (locked by the caller),
 * in the one order every path uses, so postings never deadlock each other and the sagas (which
 * change the copy of a pool only under its cash row lock) are strictly ordered with them: the
 * pools' facts and the memberships asked about (one plain read, current since it comes after
 * the cash locks), then capital accounts by (pool, investor). Contributions open missing
 * capital accounts; other movements only read existing ones; distributions and fees read all
 * of the pool's.
 */
async function lockBooks(
  tx: LedgerTx,
  requests: readonly PostingRequest[],
  pools: ReadonlyMap<string, PoolAccountRow>,
): Promise<Map<string, LockedPool>> {
  const checked = [...new Set(requests.filter((r) => r.requires).map((r) => r.pool.poolId))];
  const asked = requests.flatMap((r) =>
    r.requires?.member ? [{ poolId: r.pool.poolId, investorId: r.investorId }] : [],
  );
  const copies = await selectPoolCopies(tx, checked, asked);
  const facts = new Map(copies.facts.map((f) => [f.poolId, f]));
  const members = new Map(
    copies.members
      .filter((m) => m.member)
      .map((m) => [accountKey(m.poolId, m.investorId), m.commitmentMinor]),
  );
  const named = (opening: boolean) =>
    requests.flatMap((r) =>
      readsWholePool(r) || opensAccount(r) !== opening
        ? []
        : [
            {
              poolId: r.pool.poolId,
              investorId: r.investorId,
              currency: pools.get(r.pool.poolId)!.currency,
            },
          ],
    );
  const accounts: InvestorAccountRow[] = [
    ...(await lockInvestorAccounts(tx, named(true))).values(),
    ...(await lockInvestorAccounts(tx, named(false), { create: false })).values(),
  ];
  const wholePools = [...new Set(requests.filter(readsWholePool).map((r) => r.pool.poolId))];
  const distributing = new Set(
    requests.filter((r) => r.moves === 'DISTRIBUTION').map((r) => r.pool.poolId),
  );
  const currentMembers = new Map<string, Set<string>>();
  const waterfalls = new Map<string, WaterfallBooks>();
  for (const poolId of wholePools) {
    const all = await lockAllInvestorAccounts(tx, poolId);
    accounts.push(...all);
    currentMembers.set(poolId, await selectCurrentMemberIds(tx, poolId));
    const poolFacts = facts.get(poolId);
    if (distributing.has(poolId) && hasCarry(poolFacts)) {
      // The carry is paid to the manager and borne by the members; a pending carry reserves its
      // cash on the manager's own account in the pool, opened on the first carry.
      const { managerId } = poolFacts;
      if (!all.some((a) => a.investorId === managerId)) {
        const key = { poolId, investorId: managerId, currency: pools.get(poolId)!.currency };
        accounts.push(...(await lockInvestorAccounts(tx, [key])).values());
      }
      const asOf = requests.find((r) => r.pool.poolId === poolId)?.occurredAt ?? new Date();
      waterfalls.set(poolId, await readWaterfallBooks(tx, poolFacts, asOf));
    }
  }

  const locked = new Map<string, LockedPool>();
  const latest = new Map(requests.map((r) => [r.pool.poolId, r.pool]));
  for (const [poolId, latestPool] of latest) {
    const row = pools.get(poolId)!;
    const commitments = new Map(
      asked.flatMap((a) => {
        const key = accountKey(a.poolId, a.investorId);
        return a.poolId === poolId && members.has(key)
          ? [[a.investorId, members.get(key) ?? null] as const]
          : [];
      }),
    );
    locked.set(poolId, {
      books: {
        // The manager as the latest request knew it (recorded on the cash account for reads).
        pool: { ...row, managerId: latestPool.managerId },
        investors: new Map(),
        members: currentMembers.get(poolId) ?? new Set(),
        commitments,
        waterfall: waterfalls.get(poolId),
      },
      facts: facts.get(poolId),
      memberIds: new Set(commitments.keys()),
    });
  }
  for (const account of accounts) {
    locked.get(account.poolId)!.books.investors.set(account.investorId, { ...account });
  }
  return locked;
}
