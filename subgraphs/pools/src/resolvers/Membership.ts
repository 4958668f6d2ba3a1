import { money } from '@poolgraph/money';
import { isUuid } from '@poolgraph/platform';
import type { MembershipResolvers } from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import { canSeeMembership } from '../access.ts';
import type { MembershipRow } from '../data/memberships.ts';

type Reference = { id: string } | { pool: { id: string }; investor: { id: string } };

/** Loads a membership by either key (batched by the loaders), visible to the caller or null. */
async function resolveReference(
  reference: Reference,
  context: Context,
): Promise<MembershipRow | null> {
  const { loaders } = context;
  let membership: MembershipRow | null = null;
  if ('id' in reference) {
    if (isUuid(reference.id)) membership = await loaders.membershipById.load(reference.id);
  } else {
    const key = { poolId: reference.pool.id, investorId: reference.investor.id };
    if (isUuid(key.poolId) && isUuid(key.investorId)) {
      membership = await loaders.membershipByKey.load(key);
    }
  }
  return membership && (await canSeeMembership(context, membership)) ? membership : null;
}

async function callTotals(membership: MembershipRow, context: Context) {
  const totals = await context.loaders.callTotalsByMember.load(membership);
  return { called: totals?.calledMinor ?? 0n, paid: totals?.paidMinor ?? 0n };
}

/** A Membership reaches a resolver only when the caller may see it (checked where it is loaded). */
export const Membership: MembershipResolvers = {
  __resolveReference: (reference, context) => resolveReference(reference, context),
  pool: async (membership, _args, { loaders }) => {
    const pool = await loaders.poolById.load(membership.poolId);
    if (!pool) throw new Error(`membership ${membership.id} names a missing pool`);
    return pool;
  },
  investor: (membership) => ({ id: membership.investorId }),
  commitment: (membership) => money(membership.commitmentMinor, membership.currency),
  called: async (membership, _args, context) =>
    money((await callTotals(membership, context)).called, membership.currency),
  paid: async (membership, _args, context) =>
    money((await callTotals(membership, context)).paid, membership.currency),
  outstanding: async (membership, _args, context) => {
    const { called, paid } = await callTotals(membership, context);
    return money(called - paid, membership.currency);
  },
};
