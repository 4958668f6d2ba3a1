import { eq } from 'drizzle-orm';
import { connectMysql, uuidv7 } from '@poolgraph/platform';
import { expectData, graphql } from '@poolgraph/testing';
import type { Stack, TestUser } from '@poolgraph/testing/stack';
import { schema as usersSchema } from '@poolgraph/users/db';
import type { ContributionRow } from '../src/data/contributions.ts';
import { schema } from '../src/db/index.ts';
import { applyLedgerTransactions, type LedgerTransaction } from '../src/services/readModel.ts';

export const TOP_INVESTORS = `query Top($limit: Int, $currency: String, $from: DateTime, $to: DateTime) {
  topInvestors(limit: $limit, currency: $currency, from: $from, to: $to) {
    investor { id } uniquePools totalInvested { amount currency }
  }
}`;

export interface Ranking {
  investor: { id: string };
  uniquePools: number;
  totalInvested: { amount: string; currency: string };
}

/** [investor id, unique pools, total amount]: what a reader of the ranking checks. */
export const brief = (rankings: Ranking[]) =>
  rankings.map((r) => [r.investor.id, r.uniquePools, r.totalInvested.amount]);

/** One posted contribution, in USD at noon on 10 January 2026 unless told otherwise. */
export function contribution(
  investorId: string,
  poolId: string,
  amountMinor: bigint,
  extra: Partial<ContributionRow> = {},
): ContributionRow {
  return {
    transactionId: uuidv7(),
    investorId,
    poolId,
    currency: 'USD',
    amountMinor,
    occurredAt: new Date('2026-01-10T12:00:00Z'),
    ...extra,
  };
}

/**
 * A partner: sign-up only offers MANAGER and INVESTOR, so a signed-up user's roles are set
 * in the users test database, and the user signs in again for a token carrying the role.
 */
export async function signUpPartner(stack: Stack): Promise<TestUser> {
  const user = await stack.signUp('INVESTOR');
  const users = connectMysql({ url: stack.databases.users!.url }, usersSchema);
  try {
    await users.db
      .update(usersSchema.users)
      .set({ roles: 'PARTNER' })
      .where(eq(usersSchema.users.id, user.userId));
  } finally {
    await users.close();
  }
  const { logIn } = expectData(
    await graphql<{ logIn: { accessToken: string } }>(
      stack.gatewayUrl,
      `
        mutation LogIn($email: String!, $password: String!) {
          logIn(email: $email, password: $password) {
            accessToken
          }
        }
      `,
      { email: user.email, password: user.password },
    ),
  );
  return { ...user, token: logIn.accessToken };
}

/** A contribution row as the read model's input. */
export const asTransaction = (row: ContributionRow): LedgerTransaction => ({
  ...row,
  type: 'CONTRIBUTION',
  allocations: [],
});

/** Folds transactions into the stack's reports read models, as the consumer does. */
export async function applyToReports(
  stack: Stack,
  rows: ReadonlyArray<ContributionRow | LedgerTransaction>,
  batch = 500,
): Promise<void> {
  const mysql = connectMysql({ url: stack.databases.reports!.url }, schema);
  try {
    for (let i = 0; i < rows.length; i += batch) {
      const slice = rows.slice(i, i + batch).map((r) => ('type' in r ? r : asTransaction(r)));
      await mysql.db.transaction((tx) => applyLedgerTransactions(tx, slice));
    }
  } finally {
    await mysql.close();
  }
}
