import { applyEventOnce, applyEventsOnce, type LedgerEvent } from '@poolgraph/events';
import type { Logger } from '@poolgraph/platform';
import type { PoolsDb, PoolsTx } from '../db/index.ts';
import { lockOpenItems, lockPaidItemsNewestFirst, updateItemPaid } from '../data/capitalCalls.ts';
import { lockMembershipRow, updateMembershipCredit, type MemberKey } from '../data/memberships.ts';
import { withLockRetry } from '../data/transaction.ts';
import { allocateContribution, allocateWithdrawal } from './allocate.ts';

export type SettlementOutcome = 'applied' | 'duplicate' | 'ignored';

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

/** The member's money movement a ledger event carries, or undefined for events that settle nothing. */
function movementOf(event: LedgerEvent, log: Logger): MemberMovement | undefined {
  const { payload } = event;
  if (event.type !== 'TransactionPosted' || !payload.investorId) return undefined;
  if (payload.type !== 'CONTRIBUTION' && payload.type !== 'WITHDRAWAL') return undefined;
  const amountMinor = BigInt(payload.amountMinor);
  if (amountMinor <= 0n) {
    log.warn({ eventId: event.id, type: payload.type }, 'event without a positive amount; ignored');
    return undefined;
  }
  const key = { poolId: payload.poolId, investorId: payload.investorId };
  return { type: payload.type, key, amountMinor, currency: payload.currency };
}

/**
 * Applies a ledger event to capital calls exactly once (by event id, in the same MySQL
 * transaction as the effect). Posted CONTRIBUTIONs of an investor settle calls, WITHDRAWALs
 * take settlement back; other events are acknowledged without a write.
 */
export async function applyLedgerEvent(
  db: PoolsDb,
  event: LedgerEvent,
  log: Logger,
): Promise<SettlementOutcome> {
  const movement = movementOf(event, log);
  if (!movement) return 'ignored';
  const result = await withLockRetry(() =>
    applyEventOnce(db, event.id, (tx) => applyMovement(tx, movement)),
  );
  if (!result.applied) return 'duplicate';
  if (!result.result) {
    // Normal for imported history (memberless pools) and for a removed member's last movements.
    log.debug(
      { eventId: event.id, type: movement.type, ...movement.key },
      'movement for no current membership; nothing to settle',
    );
    return 'ignored';
  }
  return 'applied';
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders by pool, then investor: the order a call locks a pool's memberships in. */
const byMember = (a: { movement: MemberMovement }, b: { movement: MemberMovement }) =>
  compareIds(a.movement.key.poolId, b.movement.key.poolId) ||
  compareIds(a.movement.key.investorId, b.movement.key.investorId);

/**
 * applyLedgerEvent for a consumer's whole read, in one MySQL transaction (one commit). Each
 * member's events apply in stream order (a withdrawal after a contribution takes back what it
 * paid); members are taken in (pool, investor) order (a stable sort), so a batch locks
 * memberships in the same order as a call and as any other batch, and none deadlocks.
 */
export async function applyLedgerEvents(
  db: PoolsDb,
  events: LedgerEvent[],
  log: Logger,
): Promise<number> {
  const movements = events.flatMap((event) => {
    const movement = movementOf(event, log);
    return movement ? [{ id: event.id, movement }] : [];
  });
  if (movements.length === 0) return 0;
  movements.sort(byMember);
  return withLockRetry(() =>
    applyEventsOnce(db, movements, async (tx, { movement }) => {
      await applyMovement(tx, movement);
    }),
  );
}
