import { sqlFormat, tableRows } from '@poolgraph/platform';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { LedgerQueryable, LedgerTx } from '../db/index.ts';
import { poolFacts, poolMembers, type PoolStatus } from '../db/schema.ts';
import { asActed, type PoolMemberRow } from './poolMembers.ts';

export type PoolFactsRow = typeof poolFacts.$inferSelect;

/** A snapshot of a pool as pools stated it at `revision`. */
export interface PoolSnapshot {
  poolId: string;
  currency: string;
  managerId: string;
  status: PoolStatus;
  visibility: 'LISTED' | 'INVITE_ONLY';
  revision: number;
  /** The fund terms in force (null: none set: plain pro rata, no management fee). */
  terms: PoolTermsFacts | null;
  /** When this snapshot says the pool was already open (not DRAFT): its time; null while DRAFT. */
  openedAt: Date | null;
}

/** What distributions need of pools' fund terms. */
export interface WaterfallTermsFacts {
  version: number;
  carryBps: number;
  hurdleBps: number;
  hurdleCompounding: 'SIMPLE' | 'COMPOUND';
  catchUp: 'NONE' | 'FULL';
}

/** What the fee schedule (src/fees/) needs of pools' fund terms. */
export interface FeeTermsFacts {
  managementFeeBps: number;
  feeBasis: 'COMMITMENTS' | 'INVESTED_CAPITAL';
  feeFrequency: 'ONCE' | 'ANNUAL' | 'QUARTERLY';
  feeHolidayMonths: number;
}

export type PoolTermsFacts = WaterfallTermsFacts & FeeTermsFacts;

/**
 * upsertPoolFacts: takes a snapshot if it is newer than the copy. A snapshot at or above a
 * pending closing or archiving revision ends that mark (the saga's change committed, or it
 * failed and the revision went to another change). Assignments run left to right, so `revision` goes last.
 */
export async function upsertPoolFacts(db: LedgerQueryable, s: PoolSnapshot): Promise<void> {
  const newer = sql`VALUES(revision) > revision`;
  const t = s.terms;
  await db.execute(sql`INSERT INTO pool_facts
      (pool_id, currency, manager_id, status, visibility, revision,
       terms_version, carry_bps, hurdle_bps, hurdle_compounding, catch_up,
       management_fee_bps, fee_basis, fee_frequency, fee_holiday_months, opened_at)
    VALUES (${s.poolId}, ${s.currency}, ${s.managerId}, ${s.status}, ${s.visibility}, ${s.revision},
      ${t?.version ?? null}, ${t?.carryBps ?? 0}, ${t?.hurdleBps ?? 0},
      ${t?.hurdleCompounding ?? 'SIMPLE'}, ${t?.catchUp ?? 'NONE'},
      ${t?.managementFeeBps ?? 0}, ${t?.feeBasis ?? 'COMMITMENTS'}, ${t?.feeFrequency ?? 'ANNUAL'},
      ${t?.feeHolidayMonths ?? 0}, ${s.openedAt})
    ON DUPLICATE KEY UPDATE
      -- The earliest moment any snapshot saw the pool open, whatever the order they arrive in.
      opened_at = IF(VALUES(opened_at) IS NULL, opened_at,
        IF(opened_at IS NULL, VALUES(opened_at), LEAST(opened_at, VALUES(opened_at)))),
      currency = IF(${newer}, VALUES(currency), currency),
      terms_version = IF(${newer}, VALUES(terms_version), terms_version),
      carry_bps = IF(${newer}, VALUES(carry_bps), carry_bps),
      hurdle_bps = IF(${newer}, VALUES(hurdle_bps), hurdle_bps),
      hurdle_compounding = IF(${newer}, VALUES(hurdle_compounding), hurdle_compounding),
      catch_up = IF(${newer}, VALUES(catch_up), catch_up),
      management_fee_bps = IF(${newer}, VALUES(management_fee_bps), management_fee_bps),
      fee_basis = IF(${newer}, VALUES(fee_basis), fee_basis),
      fee_frequency = IF(${newer}, VALUES(fee_frequency), fee_frequency),
      fee_holiday_months = IF(${newer}, VALUES(fee_holiday_months), fee_holiday_months),
      manager_id = IF(${newer}, VALUES(manager_id), manager_id),
      status = IF(${newer}, VALUES(status), status),
      visibility = IF(${newer}, VALUES(visibility), visibility),
      closing_revision = IF(VALUES(revision) >= closing_revision, NULL, closing_revision),
      archiving_revision = IF(VALUES(revision) >= archiving_revision, NULL, archiving_revision),
      updated_at = IF(${newer}, CURRENT_TIMESTAMP(3), updated_at),
      revision = GREATEST(revision, VALUES(revision))`);
}

/** selectPoolIdsByManager: the pools a manager runs, as the local copy knows them. */
export async function selectPoolIdsByManager(
  db: LedgerQueryable,
  managerId: string,
): Promise<string[]> {
  const rows = await db
    .select({ poolId: poolFacts.poolId })
    .from(poolFacts)
    .where(eq(poolFacts.managerId, managerId));
  return rows.map((r) => r.poolId);
}

/** selectPoolFactsByIds: the local copies of many pools, one query (loaders). */
export async function selectPoolFactsByIds(
  db: LedgerQueryable,
  poolIds: readonly string[],
): Promise<PoolFactsRow[]> {
  if (poolIds.length === 0) return [];
  return db
    .select()
    .from(poolFacts)
    .where(inArray(poolFacts.poolId, [...poolIds]));
}

const factsRows = tableRows(poolFacts);
const memberRows = tableRows(poolMembers);
const POOL_COPIES = `SELECT ${factsRows.columns('f')}, ${memberRows.columns('m')} FROM pool_facts f
  LEFT JOIN pool_members m ON m.pool_id = f.pool_id AND`;

/**
 * selectPoolCopies: the local copies of pools with the memberships of the (pool, investor) pairs
 * asked about, in one query (facts LEFT JOIN pool_members). A pair whose pool the copy does not
 * know is not returned: without facts there is nothing to act on.
 */
export async function selectPoolCopies(
  db: LedgerQueryable,
  poolIds: readonly string[],
  pairs: ReadonlyArray<{ poolId: string; investorId: string }>,
): Promise<{ facts: PoolFactsRow[]; members: PoolMemberRow[] }> {
  if (poolIds.length === 0) return { facts: [], members: [] };
  const asked = pairs.length === 0 ? 'FALSE' : '(m.pool_id, m.investor_id) IN (?)';
  const [rows] = (await db.execute(
    sqlFormat(`${POOL_COPIES} ${asked} WHERE f.pool_id IN (?)`, [
      ...(pairs.length === 0 ? [] : [pairs.map((p) => [p.poolId, p.investorId])]),
      [...new Set(poolIds)],
    ]),
  )) as unknown as [Array<Record<string, unknown>>];
  const facts = new Map<string, PoolFactsRow>();
  const members: PoolMemberRow[] = [];
  for (const raw of rows) {
    const fact = factsRows.decode(raw, 'f')!;
    facts.set(fact.poolId, fact);
    const member = memberRows.decode(raw, 'm');
    if (member) members.push(asActed(member));
  }
  return { facts: [...facts.values()], members };
}

/**
 * lockPoolFacts: the copies of pools, read as locking reads (the latest committed state, not the
 * transaction's snapshot). The sagas take it after the pool's cash row, whose lock is what
 * orders them with postings (which read the copy plainly after that lock: selectPoolCopies).
 */
export async function lockPoolFacts(
  tx: LedgerTx,
  poolIds: readonly string[],
): Promise<Map<string, PoolFactsRow>> {
  if (poolIds.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(poolFacts)
    .where(inArray(poolFacts.poolId, [...poolIds]))
    .orderBy(poolFacts.poolId)
    .for('update');
  return new Map(rows.map((row) => [row.poolId, row]));
}

/** The two saga marks a pool's facts carry (see services/sagas.ts). */
export type TransitionMark = 'closingRevision' | 'archivingRevision';

/** setTransitionMark: a saga's freeze (a revision) or its compensation (null, if still ours). */
export async function setTransitionMark(
  tx: LedgerTx,
  poolId: string,
  mark: TransitionMark,
  change: { set: number } | { clear: number },
): Promise<void> {
  if ('set' in change) {
    await tx
      .update(poolFacts)
      .set({ [mark]: change.set })
      .where(eq(poolFacts.poolId, poolId));
    return;
  }
  await tx
    .update(poolFacts)
    .set({ [mark]: null })
    .where(and(eq(poolFacts.poolId, poolId), eq(poolFacts[mark], change.clear)));
}

/**
 * selectPoolsChargingManagementFees: the pools whose terms have a management fee, open (or
 * closed) since a known time: the fee schedule's work list. A scan of pool_facts, once per pass.
 */
export async function selectPoolsChargingManagementFees(
  db: LedgerQueryable,
): Promise<PoolFactsRow[]> {
  return db
    .select()
    .from(poolFacts)
    .where(
      and(
        sql`${poolFacts.managementFeeBps} > 0`,
        sql`${poolFacts.openedAt} IS NOT NULL`,
        inArray(poolFacts.status, ['OPEN', 'CLOSED']),
      ),
    )
    .orderBy(poolFacts.poolId);
}
