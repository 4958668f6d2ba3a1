import { applyEventOnce, applyEventsOnce, type LedgerEvent } from '@poolgraph/events';
import type { Logger } from '@poolgraph/platform';
import type { PoolsDb, PoolsTx } from '../db/index.ts';
import { lockOpenItems, updateItemPaid } from '../data/capitalCalls.ts';
import { lockMembership, updateMembershipCredit, type MemberKey } from '../data/memberships.ts';
import { withLockRetry } from '../data/transaction.ts';
import { allocateContribution } from './allocate.ts';

export type SettlementOutcome = 'applied' | 'duplicate' | 'ignored';

/**
 * The effect of one contribution on a member's capital calls, inside the event's transaction:
 * the member row is locked (so calls and other contributions of this member wait), the open
 * items are paid oldest due first, and any remainder becomes credit for the next call.
 * False when there is nothing to settle (no such member, or another currency).
 */
async function settleContribution(
  tx: PoolsTx,
  key: MemberKey,
  amountMinor: bigint,
  currency: string,
): Promise<boolean> {
  const membership = await lockMembership(tx, key);
  if (!membership || membership.currency !== currency) return false;
  const items = await lockOpenItems(tx, key);
  const { payments, leftoverMinor } = allocateContribution(amountMinor, items);
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

/** The contribution a ledger event carries, or undefined for events that settle nothing. */
function contributionOf(event: LedgerEvent, log: Logger) {
  const { payload } = event;
  if (
    event.type !== 'TransactionPosted' ||
    payload.type !== 'CONTRIBUTION' ||
    !payload.investorId
  ) {
    return undefined;
  }
  const amountMinor = BigInt(payload.amountMinor);
  if (amountMinor <= 0n) {
    log.warn({ eventId: event.id }, 'contribution event without a positive amount; ignored');
    return undefined;
  }
  const key = { poolId: payload.poolId, investorId: payload.investorId };
  return { key, amountMinor, currency: payload.currency };
}

/**
 * Applies a ledger event to capital calls exactly once (by event id, in the same MySQL
 * transaction as the effect). Only posted CONTRIBUTIONs of an investor settle calls; other
 * events are acknowledged without a write.
 */
export async function applyLedgerEvent(
  db: PoolsDb,
  event: LedgerEvent,
  log: Logger,
): Promise<SettlementOutcome> {
  const contribution = contributionOf(event, log);
  if (!contribution) return 'ignored';
  const { key, amountMinor, currency } = contribution;
  const result = await withLockRetry(() =>
    applyEventOnce(db, event.id, (tx) => settleContribution(tx, key, amountMinor, currency)),
  );
  if (!result.applied) return 'duplicate';
  if (!result.result) {
    log.warn(
      { eventId: event.id, ...key },
      'contribution for no current membership; nothing to settle',
    );
    return 'ignored';
  }
  return 'applied';
}

/** applyLedgerEvent for a consumer's whole read, in one MySQL transaction (one commit). */
export async function applyLedgerEvents(
  db: PoolsDb,
  events: LedgerEvent[],
  log: Logger,
): Promise<number> {
  const contributions = events.flatMap((event) => {
    const contribution = contributionOf(event, log);
    return contribution ? [{ id: event.id, ...contribution }] : [];
  });
  if (contributions.length === 0) return 0;
  return withLockRetry(() =>
    applyEventsOnce(db, contributions, async (tx, { key, amountMinor, currency }) => {
      await settleContribution(tx, key, amountMinor, currency);
    }),
  );
}
