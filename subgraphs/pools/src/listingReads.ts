import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationDefinitionNode, SelectionNode } from 'graphql';
import type { Context } from './context.ts';

/**
 * Root fields of pools that only list (README, "Reads that may lag"): the caller's visible
 * pools, and a user's managed pools and memberships (`User` entities, as `me { managedPools }`
 * and `me { memberships }` reach pools through `_entities`).
 */
const LISTING_FIELDS = new Set(['pools', 'poolsConnection', '__typename']);

function representationsAreUsers(
  field: Extract<SelectionNode, { kind: 'Field' }>,
  variables: Record<string, unknown> | undefined,
): boolean {
  const argument = field.arguments?.find((a) => a.name.value === 'representations');
  if (argument?.value.kind !== 'Variable') return false;
  const representations = variables?.[argument.value.name.value];
  return (
    Array.isArray(representations) &&
    representations.every(
      (r) =>
        typeof r === 'object' &&
        r !== null &&
        (r as { __typename?: unknown }).__typename === 'User',
    )
  );
}

/**
 * Whether a whole request may read from a lagging replica: a query (and, through the gateway, a
 * client's query, not the follow-up fetch of a mutation, which must see its own write) whose
 * every root field is a listing. A single `pool(id)`, a membership, a Pool reference and
 * everything inside a mutation read the primary.
 */
export function isListingRequest(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  clientOperation: string | undefined,
): boolean {
  if (operation.operation !== 'query') return false;
  if (clientOperation !== undefined && clientOperation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (selection) =>
      selection.kind === 'Field' &&
      (LISTING_FIELDS.has(selection.name.value) ||
        (selection.name.value === '_entities' && representationsAreUsers(selection, variables))),
  );
}

/** Moves a listing request's reads (loaders included) to the read database before it runs. */
export function listingReadsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, contextValue }) {
          const client = request.http?.headers.get('x-operation-type');
          // Assigned on the context object this request runs with (Apollo runs each operation
          // on a shallow copy of what the context function returned).
          if (operation && isListingRequest(operation, request.variables, client)) {
            Object.assign(contextValue, contextValue.listingReads());
          }
        },
      };
    },
  };
}
