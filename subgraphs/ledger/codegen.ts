import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: './src/schema.graphql',
  generates: {
    './src/__generated__/resolvers.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context.ts#Context',
        mappers: {
          Pool: '../data/pools.ts#PoolRef',
          Transaction: '../data/transactions.ts#TransactionRow',
          Position: '../data/positions.ts#PositionValue',
          Membership: '../data/positions.ts#MembershipRef',
          TransactionConnection: '../data/transactions.ts#TransactionPage',
          BalanceChange: '../subscriptions/events.ts#BalanceChangeValue',
        },
        scalars: { DateTime: 'Date', Decimal: 'string' },
      },
    },
  },
};
export default config;
