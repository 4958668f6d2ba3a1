import { graphql } from '../__generated__/gql.ts';

export const StartContributionMutation = graphql(`
  mutation StartContribution(
    $poolId: ID!
    $amount: Decimal!
    $method: PaymentMethod!
    $key: String!
  ) {
    startContribution(poolId: $poolId, amount: $amount, method: $method, idempotencyKey: $key) {
      id
      method
      clientSecret
      providerStatus
      bankTransfer {
        reference
        beneficiary
        iban
        bic
        amount {
          amount
          currency
        }
      }
      transaction {
        id
        status
        expiresAt
        amount {
          amount
          currency
        }
      }
    }
  }
`);
