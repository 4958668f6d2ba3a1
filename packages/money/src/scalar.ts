import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from '@poolgraph/platform';

/**
 * `Decimal`: an exact decimal number carried as a string ("1250.50"). The scalar only checks
 * the shape; the currency's rules (decimals, minimum, maximum) are applied where the currency
 * is known, by parseAmount.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1250.50". Never a float.',
  serialize(value) {
    if (typeof value !== 'string') throw new TypeError('Decimal values are strings');
    return value;
  },
  parseValue(value) {
    if (typeof value !== 'string') {
      throw badUserInput(
        'Decimal',
        `must be a string such as "1250.50", got ${JSON.stringify(value)}.`,
      );
    }
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw badUserInput('Decimal', 'must be a string literal such as "1250.50".');
    }
    return ast.value;
  },
});
