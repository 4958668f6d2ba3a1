import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Every subgraph generates its resolver types the same way: from `src/schema.graphql` into
 * `src/__generated__/resolvers.ts`, federation-aware, with its own row types as mappers.
 * Run from the subgraph's folder (`npm run codegen -w @poolgraph/<name>`).
 */
export function subgraphCodegen(mappers: Record<string, string>): CodegenConfig {
  return {
    schema: './src/schema.graphql',
    generates: {
      './src/__generated__/resolvers.ts': {
        plugins: ['typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          useTypeImports: true,
          enumsAsTypes: true,
          contextType: '../context.ts#Context',
          mappers,
          // Scalars a subgraph does not declare are ignored.
          scalars: { DateTime: 'Date', Decimal: 'string' },
        },
      },
    },
  };
}
