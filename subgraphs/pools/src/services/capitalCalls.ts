import { requireRole } from '@poolgraph/auth';
import { badUserInput, uuidv7 } from '@poolgraph/platform';
import type { Context } from '../context.ts';
import {
  insertCapitalCall,
  sumCalledByInvestorLocked,
  sumCalledPercentLocked,
  type CapitalCallRow,
  type NewCapitalCallItem,
} from '../data/capitalCalls.ts';
import { lockMembershipsOfPool, updateMembershipCredit } from '../data/memberships.ts';
import { planCallAmounts, settleFromCredit } from './capitalCallPlan.ts';
import { HUNDRED_PERCENT, parsePercent, percentFromDecimal, percentToDecimal } from './percent.ts';
import { lockManagedPool } from './pools.ts';
import { recordCapitalCalled, recordPoolChange } from '../events/poolChanges.ts';

const MAX_DUE_DAYS = 10 * 366;

function validateDueDate(dueDate: Date, now: Date): Date {
  if (dueDate.getTime() <= now.getTime()) throw badUserInput('dueDate', 'must be in the future.');
  if (dueDate.getTime() > now.getTime() + MAX_DUE_DAYS * 86_400_000) {
    throw badUserInput('dueDate', 'must be within ten years.');
  }
  return dueDate;
}

/**
 * Calls `percent` of every member's commitment. Under the pool row lock: the pool must be OPEN or
 * CLOSED with members, and the pool's calls may add up to at most 100 %. Each member's part is
 * the largest-remainder split of the rounded total over commitments ordered by investor id;
 * contributions a member made before the call (their credit) settle their item at once.
 */
export async function callCapital(
  context: Context,
  poolId: string,
  percentInput: number,
  dueDateInput: Date,
): Promise<CapitalCallRow> {
  const viewer = requireRole(context.viewer, 'MANAGER');
  const percent = parsePercent(percentInput, 'percent');
  const now = new Date();
  const dueDate = validateDueDate(dueDateInput, now);

  return context.transaction(async (tx) => {
    const pool = await lockManagedPool(tx, viewer, poolId);
    if (pool.status !== 'OPEN' && pool.status !== 'CLOSED') {
      throw badUserInput(
        'poolId',
        `the pool is ${pool.status}; only OPEN and CLOSED pools make capital calls.`,
      );
    }
    const members = await lockMembershipsOfPool(tx, pool.id);
    if (members.length === 0) throw badUserInput('poolId', 'the pool has no members to call.');
    const calledPercent = percentFromDecimal(await sumCalledPercentLocked(tx, pool.id));
    if (calledPercent + percent > HUNDRED_PERCENT) {
      const remaining = percentToDecimal(HUNDRED_PERCENT - calledPercent);
      throw badUserInput('percent', `only ${remaining}% of commitments remain uncalled.`);
    }
    const completes = calledPercent + percent === HUNDRED_PERCENT;
    const calledSoFar = completes
      ? await sumCalledByInvestorLocked(tx, pool.id)
      : new Map<string, bigint>();
    const parts = planCallAmounts(
      members.map((m) => ({
        investorId: m.investorId,
        commitmentMinor: m.commitmentMinor,
        calledSoFarMinor: calledSoFar.get(m.investorId) ?? 0n,
      })),
      percent,
      completes,
    );
    if (parts.every((part) => part === 0n)) {
      throw badUserInput('percent', 'is too small: it calls less than one minor unit in total.');
    }

    const call = {
      id: uuidv7(),
      poolId: pool.id,
      dueDate,
      createdBy: viewer.userId,
      createdAt: now,
    };
    const items: NewCapitalCallItem[] = [];
    for (const [index, member] of members.entries()) {
      const calledMinor = parts[index] ?? 0n;
      if (calledMinor === 0n) continue;
      const { paidMinor, creditLeft } = settleFromCredit(calledMinor, member.creditMinor);
      if (creditLeft !== member.creditMinor)
        await updateMembershipCredit(tx, member.id, creditLeft);
      items.push({
        callId: call.id,
        poolId: pool.id,
        investorId: member.investorId,
        dueDate,
        calledMinor,
        paidMinor,
      });
    }
    await insertCapitalCall(tx, { ...call, percent: percentToDecimal(percent) }, items);
    await recordCapitalCalled(tx, {
      poolId: pool.id,
      callId: call.id,
      currency: pool.currency,
      percent: percentToDecimal(percent),
      dueDate: dueDate.toISOString(),
      occurredAt: now,
      items,
    });
    await recordPoolChange(tx, pool.id);
    return { ...call, percent: percentToDecimal(percent), currency: pool.currency };
  });
}
