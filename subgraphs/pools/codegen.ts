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
          Pool: '../data/pools.ts#PoolRow',
          Membership: '../data/memberships.ts#MembershipRow',
          CapitalCall: '../data/capitalCalls.ts#CapitalCallRow',
          CapitalCallItem: '../data/capitalCalls.ts#CapitalCallItemRow',
          User: '../types.ts#UserRef',
          Money: '@poolgraph/money#MoneyValue',
        },
        scalars: { DateTime: 'Date', Decimal: 'string' },
      },
    },
  },
};
export default config;
