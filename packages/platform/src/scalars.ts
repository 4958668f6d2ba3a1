import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from './errors.ts';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_8601.test(value)) {
    throw badUserInput(
      'DateTime',
      `expected an ISO 8601 date-time with a zone, such as "2026-01-31T12:00:00Z", got ${JSON.stringify(value)}`,
    );
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw badUserInput('DateTime', `${value} is not a real date`);
  return date;
}

/** `DateTime`: an ISO 8601 instant, always serialized in UTC with milliseconds. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in ISO 8601, e.g. "2026-01-31T12:00:00.000Z".',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime()))
      throw new TypeError(`DateTime cannot represent ${String(value)}`);
    return date.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badUserInput('DateTime', 'expected a string literal');
    return parseDateTime(ast.value);
  },
});
