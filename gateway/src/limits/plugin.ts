import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DocumentNode, GraphQLError } from 'graphql';
import type { Counter } from '@poolgraph/platform';
import type { OperationLimits } from './config.ts';
import { operationCost } from './cost.ts';
import { queryTooComplex } from './errors.ts';
import { operationShapeRule } from './shape.ts';

/**
 * Apollo Server options for the operation limits, on the document Apollo parsed (no second
 * parse): tokens in the parser, structure (depth, aliases, root fields, directives) before
 * validation, cost once the operation and its variables are known.
 */
export function operationLimitsFor<T extends BaseContext>(
  limits: OperationLimits,
  rejections: Counter<'limit'>,
) {
  const count = (error: GraphQLError) =>
    rejections.inc({ limit: String(error.extensions.limit ?? 'unknown') });
  // Costs of documents whose sizes are all literals, per operation (Apollo reuses the document
  // object for the same query text, so this is a lookup after the first request).
  const costs = new WeakMap<DocumentNode, Map<string, number>>();

  const plugin: ApolloServerPlugin<T> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, operationName, request, schema }) {
          if (!operation) return;
          const key = operationName ?? '';
          let cost = costs.get(document)?.get(key);
          if (cost === undefined) {
            const measured = operationCost({
              schema,
              document,
              operation,
              variables: request.variables ?? {},
              defaultListSize: limits.defaultListSize,
            });
            cost = measured.cost;
            if (!measured.usesVariables) {
              const byOperation = costs.get(document) ?? new Map<string, number>();
              costs.set(document, byOperation.set(key, cost));
            }
          }
          if (cost > limits.maxCost) {
            const error = queryTooComplex('cost', limits.maxCost, cost);
            count(error);
            throw error;
          }
        },
      };
    },
  };
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [operationShapeRule(limits, count)],
    plugin,
  };
}
