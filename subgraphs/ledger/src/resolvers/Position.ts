import { money } from '@poolgraph/money';
import type { PositionResolvers } from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import { accountKey, type PositionValue } from '../data/investorAccounts.ts';
import { unfundedCommitment } from '../movements/poolBooks.ts';

/** The ledger's copy of the commitment (pools' MembershipChanged): zero for no member. */
async function commitmentOf(p: PositionValue, { loaders }: Context): Promise<bigint> {
  const member = await loaders.memberByKey.load(accountKey(p.poolId, p.investorId));
  return member?.member ? (member.commitmentMinor ?? 0n) : 0n;
}

export const Position: PositionResolvers = {
  pool: (position) => ({ id: position.poolId }),
  investor: (position) => ({ id: position.investorId }),
  contributed: (p) => money(p.contributed, p.currency),
  distributed: (p) => money(p.distributed, p.currency),
  fees: (p) => money(p.fees, p.currency),
  withdrawn: (p) => money(p.withdrawn, p.currency),
  proceeds: (p) => money(p.proceeds, p.currency),
  carryBorne: (p) => money(p.carryBorne, p.currency),
  capital: (p) => money(p.capital, p.currency),
  pending: (p) => money(p.pendingIn, p.currency),
  pendingPayouts: (p) => money(p.pendingOut, p.currency),
  commitment: async (p, _args, context) => money(await commitmentOf(p, context), p.currency),
  // The same rule that caps contributions (movements/poolBooks.ts), so what is shown is what is allowed.
  unfundedCommitment: async (p, _args, context) => {
    const account = await context.loaders.investorAccountByKey.load(
      accountKey(p.poolId, p.investorId),
    );
    return money(
      unfundedCommitment(await commitmentOf(p, context), account ?? undefined),
      p.currency,
    );
  },
};
