import {
  Kind,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The arguments that say how many items a list field returns. */
const SIZE_ARGUMENTS = ['first', 'limit', 'last'];

interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  defaultListSize: number;
}

/**
 * The variables as execution will see them: the operation's defaults filled in, values coerced.
 * Variables that do not coerce fail the request at execution anyway; their raw values are used.
 */
function effectiveVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables, {
    maxErrors: 1,
  });
  return result.coerced ?? variables;
}

/**
 * The operation's estimated cost: every object (or list item of objects) weighs 1, scalars 0,
 * and a list field multiplies its selection by its size: the first of its `first`/`limit`/`last`
 * arguments that has a value (a literal, a variable, or that variable's default in the
 * operation), else the field's own default for it, as the subgraph's resolver does, else
 * `defaultListSize`. A size given on a field that returns one object (a connection) applies to
 * the lists inside it (`edges`, `nodes`). Fields under `@include`/`@skip` count whatever the
 * condition (an upper bound, and the same for every value of a variable). Inline fragments on
 * different types are summed, and so are repeated spreads of one fragment (an upper bound).
 * `usesVariables` says whether the result may be cached for the document.
 */
export function operationCost(input: CostInput): { cost: number; usesVariables: boolean } {
  const { schema, document, variables, defaultListSize } = input;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  let usesVariables = false;

  let effective: Record<string, unknown> | undefined;
  function variableValue(name: string): unknown {
    effective ??= effectiveVariables(schema, input.operation, variables);
    return effective[name];
  }

  /** The size the resolver will use: an explicit null or a missing variable means its default. */
  function sizeOf(node: FieldNode, field: GraphQLField<unknown, unknown>): number | undefined {
    for (const name of SIZE_ARGUMENTS) {
      const argument = node.arguments?.find((a) => a.name.value === name);
      if (argument?.value.kind === Kind.INT) return Number(argument.value.value);
      if (argument?.value.kind === Kind.VARIABLE) {
        usesVariables = true;
        const value = variableValue(argument.value.name.value);
        if (typeof value === 'number') return value;
      }
      const fallback = field.args.find((a) => a.name === name)?.defaultValue;
      if (typeof fallback === 'number') return fallback;
    }
    return undefined;
  }

  function costOf(
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    inheritedSize: number | undefined,
    seen: ReadonlySet<string>,
  ): number {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition =
          selection.typeCondition && schema.getType(selection.typeCondition.name.value);
        const type = condition && isCompositeType(condition) ? condition : parent;
        total += costOf(selection.selectionSet, type, inheritedSize, seen);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        total += fragmentCost(selection.name.value, inheritedSize, seen);
        continue;
      }
      if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const named = getNamedType(field.type);
      const size = sizeOf(selection, field);
      const isList = isListType(getNullableType(field.type));
      const multiplier = isList ? Math.max(0, size ?? inheritedSize ?? defaultListSize) : 1;
      const inner =
        selection.selectionSet && isCompositeType(named)
          ? costOf(selection.selectionSet, named, isList ? undefined : size, seen)
          : 0;
      total += multiplier * ((isCompositeType(named) ? 1 : 0) + inner);
    }
    return total;
  }

  // Each fragment is costed once per inherited size, or fragments that spread the next one
  // twice, thirty deep, would take 2^30 steps here (validation does not stop them).
  const fragmentCosts = new Map<string, number>();
  function fragmentCost(
    name: string,
    inheritedSize: number | undefined,
    seen: ReadonlySet<string>,
  ) {
    const key = `${name}:${inheritedSize ?? ''}`;
    const known = fragmentCosts.get(key);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    if (!fragment || !type || !isCompositeType(type) || seen.has(name)) return 0;
    const cost = costOf(fragment.selectionSet, type, inheritedSize, new Set([...seen, name]));
    fragmentCosts.set(key, cost);
    return cost;
  }

  const root = schema.getRootType(input.operation.operation);
  const cost = root ? costOf(input.operation.selectionSet, root, undefined, new Set()) : 0;
  return { cost, usesVariables };
}
