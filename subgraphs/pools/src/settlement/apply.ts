import type { LedgerEvent } from '@poolgraph/events';
import type { Logger } from '@poolgraph/platform';
import type { PoolsTx } from '../db/index.ts';
import {
  lockOpenItems,
  lockOpenItemsOfMembers,
  lockPaidItemsNewestFirst,
  updateItemPaid,
  updateItemsPaid,
  type SettlementItemRow,
} from '../data/capitalCalls.ts';
import {
  lockMembershipRow,
  lockMembershipRowsByKeys,
  memberKey,
  selectPoolCurrencies,
  updateMembershipCredit,
  updateMembershipCredits,
  type MemberKey,
} from '../data/memberships.ts';
import { allocateContribution, allocateWithdrawal } from './allocate.ts';

/** Money a ledger event moved in (a contribution) or out (a withdrawal) for one member. */
interface MemberMovement {
  type: 'CONTRIBUTION' | 'WITHDRAWAL';
  key: MemberKey;
  amountMinor: bigint;
  currency: string;
}

/**
 * The effect of one contribution on a member's capital calls, inside the event's transaction:
 * the member row is locked (so calls and other contributions of this member wait), the open
 * items are paid oldest due first, and any remainder becomes credit for the next call.
 * False when there is nothing to settle (no such member, or another currency).
 */
async function settleContribution(tx: PoolsTx, movement: MemberMovement): Promise<boolean> {
  const { key } = movement;
  const membership = await lockMembershipRow(tx, key);
  if (!membership || membership.currency !== movement.currency) return false;
  const items = await lockOpenItems(tx, key);
  const { payments, leftoverMinor } = allocateContribution(movement.amountMinor, items);
  for (const payment of payments) {
    await updateItemPaid(
      tx,
      { callId: payment.callId, investorId: key.investorId },
      payment.paidMinor,
    );
  }
  if (leftoverMinor > 0n) {
    await updateMembershipCredit(tx, membership.id, membership.creditMinor + leftoverMinor);
  }
  return true;
}

/**
 * The effect of one withdrawal, the mirror of settleContribution and with the same locks in
 * the same order (membership row, then items): the member's credit goes first, then the paid
 * amounts of their items, newest due first, never below zero. Money taken out no longer pays a
 * call, so a contribute-then-withdraw round trip leaves the call owed and builds no credit.
 */
async function takeBackWithdrawal(tx: PoolsTx, movement: MemberMovement): Promise<boolean> {
  const { key, amountMinor } = movement;
  const membership = await lockMembershipRow(tx, key);
  if (!membership || membership.currency !== movement.currency) return false;
  const credit = membership.creditMinor;
  const items = credit >= amountMinor ? [] : await lockPaidItemsNewestFirst(tx, key);
  const { creditMinor, reductions } = allocateWithdrawal(amountMinor, credit, items);
  for (const reduction of reductions) {
    await updateItemPaid(
      tx,
      { callId: reduction.callId, investorId: key.investorId },
      reduction.paidMinor,
    );
  }
  if (creditMinor !== credit) await updateMembershipCredit(tx, membership.id, creditMinor);
  return true;
}

const applyMovement = (tx: PoolsTx, movement: MemberMovement): Promise<boolean> =>
  movement.type === 'CONTRIBUTION'
    ? settleContribution(tx, movement)
    : takeBackWithdrawal(tx, movement);

/** The member's money movement of an event `settles` accepted. */
function movementOf(event: LedgerEvent): MemberMovement {
  const { payload } = event;
  return {
    type: payload.type as MemberMovement['type'],
    key: { poolId: payload.poolId, investorId: payload.investorId! },
    amountMinor: BigInt(payload.amountMinor),
    currency: payload.currency,
  };
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders by pool, then investor: the order a call locks a pool's memberships in. */
const byMember = (a: MemberMovement, b: MemberMovement) =>
  compareIds(a.key.poolId, b.key.poolId) || compareIds(a.key.investorId, b.key.investorId);

const sameMember = (a: MemberMovement, b: MemberMovement) =>
  a.key.poolId === b.key.poolId && a.key.investorId === b.key.investorId;

/**
 * A member's consecutive movements of one type as one: allocating a + b over the items equals
 * allocating a, then b (each pays oldest due first, or takes back credit, then newest due
 * first), so a burst of contributions costs one lock and one allocation, not one each.
 */
function mergeRuns(sorted: MemberMovement[]): MemberMovement[] {
  const merged: MemberMovement[] = [];
  for (const movement of sorted) {
    const last = merged[merged.length - 1];
    if (last && sameMember(last, movement) && last.type === movement.type) {
      merged[merged.length - 1] = { ...last, amountMinor: last.amountMinor + movement.amountMinor };
    } else merged.push(movement);
  }
  return merged;
}

/** Whether a posted event moves a member's money in or out (settlement's only input). */
export const settles = (event: LedgerEvent): boolean => {
  const { payload } = event;
  return (
    payload.investorId !== null &&
    (payload.type === 'CONTRIBUTION' || payload.type === 'WITHDRAWAL') &&
    BigInt(payload.amountMinor) > 0n
  );
};

/** The memberships a batch's contributions paid into, and what they left for each one. */
interface ContributionBatch {
  payments: Array<{ callId: string; investorId: string; paidMinor: bigint }>;
  credits: Array<{ id: string; creditMinor: bigint }>;
  settled: number;
}

/**
 * Contributions of many members, each member's one (merged) movement, in at most five
 * statements whatever their number: the batch's member rows (`lockKeys`) locked in (pool,
 * investor) order, their pools' currencies, their open items locked (none at all in a pool
 * without an open call), then one UPDATE of the items paid and one of the credits left (each
 * skipped when there is none). The same allocation as settleContribution, member by member, in
 * memory.
 */
async function settleContributions(
  tx: PoolsTx,
  movements: readonly MemberMovement[],
  lockKeys: readonly MemberKey[],
): Promise<ContributionBatch> {
  const batch: ContributionBatch = { payments: [], credits: [], settled: 0 };
  if (lockKeys.length === 0) return batch;
  const keys = movements.map((m) => m.key);
  // Every member of the batch, so its member locks are all taken at once, in order.
  const members = new Map(
    (await lockMembershipRowsByKeys(tx, lockKeys)).map((row) => [memberKey(row), row]),
  );
  if (movements.length === 0) return batch;
  const currencies = await selectPoolCurrencies(tx, [...new Set(keys.map((k) => k.poolId))]);
  const paying = movements.filter((m) => {
    const member = members.get(memberKey(m.key));
    return member !== undefined && currencies.get(member.poolId) === m.currency;
  });
  const itemsOf = new Map<string, SettlementItemRow[]>();
  for (const item of await lockOpenItemsOfMembers(
    tx,
    paying.map((m) => m.key),
  )) {
    const key = memberKey(item);
    const items = itemsOf.get(key);
    if (items) items.push(item);
    else itemsOf.set(key, [item]);
  }
  for (const movement of paying) {
    const key = memberKey(movement.key);
    const member = members.get(key)!;
    const { payments, leftoverMinor } = allocateContribution(
      movement.amountMinor,
      itemsOf.get(key) ?? [],
    );
    for (const payment of payments) {
      batch.payments.push({ ...payment, investorId: movement.key.investorId });
    }
    if (leftoverMinor > 0n) {
      batch.credits.push({ id: member.id, creditMinor: member.creditMinor + leftoverMinor });
    }
    batch.settled++;
  }
  await updateItemsPaid(tx, batch.payments);
  await updateMembershipCredits(tx, batch.credits);
  return batch;
}

/**
 * Applies new posted events to capital calls, in the caller's transaction (the event consumer
 * records them as applied in the same one). Posted CONTRIBUTIONs of an investor settle calls,
 * WITHDRAWALs take settlement back. Each member's events apply in stream order (a withdrawal
 * after a contribution takes back what it paid); members are taken in (pool, investor) order
 * (a stable sort), so a batch locks memberships in the same order as a call and as any other
 * batch. Members whose only movement is a contribution (the common case: a member's
 * contributions in a row merge into one) settle together in a constant number of statements
 * (settleContributions); a member with a withdrawal in the batch goes movement by movement.
 * Returns how many members' movements settled something (0: none was a member).
 */
export async function settleLedgerEvents(
  tx: PoolsTx,
  events: readonly LedgerEvent[],
  log: Logger,
): Promise<number> {
  const movements = mergeRuns(events.filter(settles).map(movementOf).sort(byMember));
  // Each member's key, and how many (merged) movements they have in this batch.
  const members = new Map<string, { key: MemberKey; movements: number }>();
  for (const m of movements) {
    const member = members.get(memberKey(m.key));
    if (member) member.movements++;
    else members.set(memberKey(m.key), { key: m.key, movements: 1 });
  }
  const together = new Set(
    movements.filter(
      (m) => m.type === 'CONTRIBUTION' && members.get(memberKey(m.key))!.movements === 1,
    ),
  );
  const { settled: batched } = await settleContributions(
    tx,
    [...together],
    [...members.values()].map((m) => m.key),
  );
  let settled = batched;
  if (batched < together.size) {
    // Normal for imported history (memberless pools) and for a removed member's last movements.
    log.debug({ movements: together.size - batched }, 'movements for no current membership');
  }
  for (const movement of movements) {
    if (together.has(movement)) continue;
    if (await applyMovement(tx, movement)) settled++;
    else log.debug({ type: movement.type, ...movement.key }, 'movement for no current membership');
  }
  return settled;
}
