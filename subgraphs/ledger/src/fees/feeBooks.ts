import type { Viewer } from '@poolgraph/auth';
import type { LedgerQueryable } from '../db/index.ts';
import { selectIdempotencyKeys, keyHashOf } from '../data/idempotencyKeys.ts';
import { selectInvestorAccountsOfPool } from '../data/investorAccounts.ts';
import { selectPoolAccountsByIds, type PoolAccountRow } from '../data/poolAccounts.ts';
import type { PoolFactsRow } from '../data/poolFacts.ts';
import { selectCommittedMinor, selectCurrentMemberIds } from '../data/poolMembers.ts';
import { requestHash } from '../movements/inputs.ts';
import type { PostingRequest } from '../movements/movement.ts';
import { contributedCapital, type PoolBooks } from '../movements/poolBooks.ts';
import {
  duePeriods,
  periodAt,
  periodKey,
  periodNote,
  type FeePeriod,
  type FeeScheduleTerms,
} from './schedule.ts';

/**
 * The fee schedule's own actor: every worker posts a period's fee under this id, so the period's
 * key (schedule.ts `periodKey`) is one key whichever replica posts it. It acts with an admin's
 * rights, the pipeline still checking the pool's state under its lock.
 */
export const FEE_SCHEDULE_ACTOR = '00000000-0000-4000-8000-00000000fee0';
const scheduleViewer: Viewer = {
  userId: FEE_SCHEDULE_ACTOR,
  roles: ['ADMIN'],
  sessionId: 'fee-schedule',
  scopes: [],
};
export const FEE_OPERATION = 'managementFee';

export const scheduleTermsOf = (facts: PoolFactsRow): FeeScheduleTerms => ({
  frequency: facts.feeFrequency,
  holidayMonths: facts.feeHolidayMonths,
});

/** The pool's books as they stand (read without locks) and the fee's basis from them. */
export interface FeeBooks {
  books: PoolBooks;
  /** COMMITMENTS: current members' commitments; INVESTED_CAPITAL: their net contributed capital. */
  basisMinor: bigint;
}

const emptyCash = (facts: PoolFactsRow): PoolAccountRow => ({
  poolId: facts.poolId,
  currency: facts.currency,
  managerId: facts.managerId,
  cashBalance: 0n,
  totalContributed: 0n,
  totalDistributed: 0n,
  totalFees: 0n,
  totalWithdrawn: 0n,
  totalProceeds: 0n,
  pendingIn: 0n,
  pendingOut: 0n,
  createdAt: new Date(),
});

export async function readFeeBooks(db: LedgerQueryable, facts: PoolFactsRow): Promise<FeeBooks> {
  const [cash] = await selectPoolAccountsByIds(db, [facts.poolId]);
  const accounts = await selectInvestorAccountsOfPool(db, facts.poolId);
  const members = await selectCurrentMemberIds(db, facts.poolId);
  const books: PoolBooks = {
    pool: cash ?? emptyCash(facts),
    investors: new Map(accounts.map((a) => [a.investorId, a])),
    members,
    commitments: new Map(),
  };
  const basisMinor =
    facts.feeBasis === 'COMMITMENTS'
      ? await selectCommittedMinor(db, facts.poolId)
      : accounts
          .filter((a) => members.has(a.investorId))
          .reduce((sum, a) => sum + contributedCapital(a), 0n);
  return { books, basisMinor };
}

/**
 * The pool's periods due at `now` that no worker charged yet (their keys are not recorded),
 * oldest first.
 */
export async function unchargedDuePeriods(
  db: LedgerQueryable,
  facts: PoolFactsRow,
  now: Date,
): Promise<FeePeriod[]> {
  if (!facts.openedAt) return [];
  const due = duePeriods(facts.openedAt, scheduleTermsOf(facts), now);
  const recorded = new Set(
    (
      await selectIdempotencyKeys(
        db,
        due.map((p) => ({
          actorId: FEE_SCHEDULE_ACTOR,
          idempotencyKey: periodKey(facts.poolId, p),
        })),
      )
    ).map((row) => row.keyHash),
  );
  return due.filter((p) => !recorded.has(keyHashOf(periodKey(facts.poolId, p))));
}

/**
 * The next charge: the oldest due period not charged yet, else the next period to come; null
 * for a ONCE fee already charged.
 */
export async function nextPeriod(
  db: LedgerQueryable,
  facts: PoolFactsRow,
  now: Date,
): Promise<{ period: FeePeriod; overdue: boolean } | null> {
  if (!facts.openedAt) return null;
  const terms = scheduleTermsOf(facts);
  const [oldest] = await unchargedDuePeriods(db, facts, now);
  if (oldest) return { period: oldest, overdue: true };
  const due = duePeriods(facts.openedAt, terms, now);
  if (terms.frequency === 'ONCE' && due.length > 0) return null;
  return { period: periodAt(facts.openedAt, terms, due.length), overdue: false };
}

/**
 * A period's FEE as the one movement pipeline posts it: chargeFee's transaction (split pro rata
 * by net contributed capital, checked against the spendable cash, OPEN or CLOSED pools), under
 * the period's key, with the period in its note.
 */
export function feeRequest(facts: PoolFactsRow, period: FeePeriod, amountMinor: bigint) {
  const note = periodNote(period);
  const request: PostingRequest = {
    actorId: FEE_SCHEDULE_ACTOR,
    idempotencyKey: periodKey(facts.poolId, period),
    operation: FEE_OPERATION,
    requestHash: requestHash({
      operation: FEE_OPERATION,
      poolId: facts.poolId,
      investorId: FEE_SCHEDULE_ACTOR,
      amountMinor,
      occurredAt: null,
      note,
    }),
    pool: { poolId: facts.poolId, currency: facts.currency, managerId: facts.managerId },
    moves: 'FEE',
    investorId: FEE_SCHEDULE_ACTOR,
    amountMinor,
    occurredAt: null,
    expiresAt: null,
    note,
    feePeriod: { start: period.start, end: period.end },
    requires: {
      actor: scheduleViewer,
      by: 'manager',
      member: false,
      statuses: ['OPEN', 'CLOSED'],
      capped: false,
    },
  };
  return request;
}
