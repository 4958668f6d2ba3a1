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
        mappers: { InvestorRanking: '../data/contributions.ts#InvestorRankingRow' },
        scalars: { DateTime: 'Date', Decimal: 'string' },
      },
    },
  },
};
export default config;
