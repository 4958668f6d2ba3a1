import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

export type RootOperation = 'query' | 'mutation' | 'subscription';

/** Throws to refuse a root field for this caller; it becomes that field's error. */
export type RootFieldAuthorizer<TContext> = (
  context: TContext,
  operation: RootOperation,
  field: string,
) => void;

/** Federation's own root fields that the gateway reads with no caller (schema loading). */
const UNGUARDED = new Set(['_service']);

/**
 * Runs `authorize` before every root field of the schema (Query, `_entities` included, so
 * every field a caller can reach through an entity reference is covered; Mutation; and the
 * `subscribe` of each Subscription field). The schema is changed in place.
 */
export function guardRootFields<TContext>(
  schema: GraphQLSchema,
  authorize: RootFieldAuthorizer<TContext>,
): void {
  const roots: Array<[RootOperation, ReturnType<GraphQLSchema['getQueryType']>]> = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  for (const [operation, type] of roots) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      if (UNGUARDED.has(field.name)) continue;
      const guard =
        (inner: GraphQLFieldResolver<unknown, TContext>): GraphQLFieldResolver<unknown, TContext> =>
        (source, args, context, info) => {
          authorize(context, operation, field.name);
          return inner(source, args, context, info);
        };
      if (operation === 'subscription') {
        if (field.subscribe) field.subscribe = guard(field.subscribe);
      } else {
        field.resolve = guard(
          (field.resolve as GraphQLFieldResolver<unknown, TContext> | undefined) ??
            defaultFieldResolver,
        );
      }
    }
  }
}
