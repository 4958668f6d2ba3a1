import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { OperationLimits } from './config.ts';
import { queryTooComplex, type OperationLimitName } from './errors.ts';

/** What the structural limits measure in one selection set, fragments expanded. */
interface Shape {
  depth: number;
  aliases: number;
  directives: number;
  /** Fields selected at this level (through inline fragments and spreads too). */
  fields: number;
}

const EMPTY: Shape = { depth: 0, aliases: 0, directives: 0, fields: 0 };

/**
 * Measures without validating first (this runs before validation, whose overlapping-fields rule
 * is quadratic in aliases): fragment cycles count as empty (validation rejects them later), and
 * each fragment is measured once however often it is spread, so the walk stays linear.
 */
function shapeOf(document: DocumentNode, set: SelectionSetNode): Shape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, Shape>();
  const visiting = new Set<string>();

  function fragmentShape(name: string): Shape {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || visiting.has(name)) return EMPTY;
    visiting.add(name);
    const shape = measure(fragment.selectionSet);
    visiting.delete(name);
    measured.set(name, shape);
    return shape;
  }

  function measure(selectionSet: SelectionSetNode): Shape {
    const shape = { ...EMPTY };
    for (const selection of selectionSet.selections) {
      shape.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        const child = selection.selectionSet ? measure(selection.selectionSet) : EMPTY;
        shape.fields += 1;
        shape.aliases += (selection.alias ? 1 : 0) + child.aliases;
        shape.directives += child.directives;
        shape.depth = Math.max(shape.depth, 1 + child.depth);
        continue;
      }
      const child =
        selection.kind === Kind.INLINE_FRAGMENT
          ? measure(selection.selectionSet)
          : fragmentShape(selection.name.value);
      shape.fields += child.fields;
      shape.aliases += child.aliases;
      shape.directives += child.directives;
      shape.depth = Math.max(shape.depth, child.depth);
    }
    return shape;
  }

  return measure(set);
}

/** The first structural limit the document breaks (any of its operations), if any. */
export function checkOperationShape(
  document: DocumentNode,
  limits: OperationLimits,
): GraphQLError | undefined {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const shape = shapeOf(document, definition.selectionSet);
    const directives = shape.directives + (definition.directives?.length ?? 0);
    const checks: Array<[OperationLimitName, number, number]> = [
      ['depth', shape.depth, limits.maxDepth],
      ['aliases', shape.aliases, limits.maxAliases],
      ['rootFields', shape.fields, limits.maxRootFields],
      ['directives', directives, limits.maxDirectives],
    ];
    for (const [limit, actual, max] of checks) {
      if (actual > max) return queryTooComplex(limit, max, actual);
    }
  }
  return undefined;
}

/**
 * For Apollo's `validationRules`: reports the broken limit before the first node is visited.
 * Apollo sends every validation error as GRAPHQL_VALIDATION_FAILED; `formatLimitErrors` gives
 * it back its own code. (Throwing instead would stop validation early, but Apollo answers a
 * throw from validation with a 500.) The parser's token limit bounds what validation then
 * still walks.
 */
export function operationShapeRule(
  limits: OperationLimits,
  onReject: (error: GraphQLError) => void,
): ValidationRule {
  return (context) => {
    const error = checkOperationShape(context.getDocument(), limits);
    if (error) {
      onReject(error);
      context.reportError(error);
    }
    return {};
  };
}
