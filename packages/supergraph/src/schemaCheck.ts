import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { ChangeType, CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  parse,
  printSchema,
  validate,
  type GraphQLSchema,
} from 'graphql';

/** The schema clients see: the supergraph's API schema (join and inaccessible parts removed). */
export const apiSchemaOf = (supergraphSdl: string): GraphQLSchema =>
  Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

/** The API schema as released: printed SDL, @deprecated included. */
export const releasedSdlOf = (supergraphSdl: string): string =>
  `${printSchema(apiSchemaOf(supergraphSdl))}\n`;

/** Removals that are allowed once the thing removed was deprecated in the released graph. */
const REMOVALS: ReadonlySet<string> = new Set([
  ChangeType.FieldRemoved,
  ChangeType.EnumValueRemoved,
  ChangeType.FieldArgumentRemoved,
  ChangeType.InputFieldRemoved,
]);

/** Whether `Type.member` or `Type.field.argument` carries @deprecated in `schema`. */
export function isDeprecatedIn(schema: GraphQLSchema, path: string): boolean {
  const [typeName, member, argument] = path.split('.');
  const type = typeName ? schema.getType(typeName) : undefined;
  if (!type || !member) return false;
  if (isEnumType(type)) return !!type.getValue(member)?.deprecationReason;
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    const field = type.getFields()[member];
    if (!field) return false;
    if (argument === undefined) return !!field.deprecationReason;
    const args = 'args' in field ? field.args : [];
    return !!args.find((arg) => arg.name === argument)?.deprecationReason;
  }
  return false;
}

export interface SchemaCheck {
  /** Breaking changes that fail the check. */
  breaking: Change[];
  /** Removals of what the released graph had deprecated: allowed. */
  retired: Change[];
  /** Changes that may change what a client gets (a new enum value, a default changed). */
  dangerous: Change[];
  /** Everything else (additions, descriptions). */
  safe: Change[];
}

/**
 * Compares the released API schema (`supergraph.released.graphql`) with the current one. A breaking change
 * passes only when it removes a field, argument, input field or enum value that the released
 * graph already marked @deprecated (the public contract: deprecate first, remove later).
 */
export async function checkSchemaChange(
  released: GraphQLSchema,
  current: GraphQLSchema,
): Promise<SchemaCheck> {
  const changes = await diff(released, current);
  const check: SchemaCheck = { breaking: [], retired: [], dangerous: [], safe: [] };
  for (const change of changes) {
    const level = change.criticality.level;
    if (level === CriticalityLevel.Breaking) {
      const retired =
        REMOVALS.has(change.type) && !!change.path && isDeprecatedIn(released, change.path);
      (retired ? check.retired : check.breaking).push(change);
    } else if (level === CriticalityLevel.Dangerous) {
      check.dangerous.push(change);
    } else {
      check.safe.push(change);
    }
  }
  return check;
}

export interface ManifestProblem {
  manifest: string;
  operation: string;
  message: string;
}

interface Manifest {
  operations?: Array<{ id?: string; name?: string; body?: string }>;
}

/**
 * Every operation of every persisted-query manifest (`*.json` in `dir`) validated against
 * `schema`: a change of the graph that breaks an operation partners or the web app call by id
 * is a problem here before it is one for them.
 */
export function validateManifests(schema: GraphQLSchema, dir: string): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const manifest = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Manifest;
    for (const operation of manifest.operations ?? []) {
      const name = operation.name ?? operation.id ?? '(unnamed)';
      try {
        for (const error of validate(schema, parse(operation.body ?? ''))) {
          problems.push({ manifest: file, operation: name, message: error.message });
        }
      } catch (error) {
        problems.push({ manifest: file, operation: name, message: (error as Error).message });
      }
    }
  }
  return problems;
}

/** One line per change, for the test's output and the release script. */
export const describeChange = (change: Change): string =>
  `${change.criticality.level} ${change.type}${change.path ? ` ${change.path}` : ''}: ${change.message}`;
