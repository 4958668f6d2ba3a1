import { formatAmount } from './decimal.ts';

/** The GraphQL `Money` shape. */
export interface MoneyValue {
  amount: string;
  currency: string;
}

/** Minor units as GraphQL Money. */
export const money = (minor: bigint, currency: string): MoneyValue => ({
  amount: formatAmount(minor, currency),
  currency,
});
