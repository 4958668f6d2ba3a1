import fc from 'fast-check';

/** Every way a client can give (or leave out) a list's size. */
export type SizeGiven =
  | { kind: 'absent' }
  | { kind: 'literal'; n: number }
  | { kind: 'literalNull' }
  | { kind: 'variable'; n: number }
  | { kind: 'variableNull' }
  | { kind: 'variableUnsent' }
  | { kind: 'variableDefault'; d: number }
  | { kind: 'variableDefaultOverridden'; d: number; n: number };

/** How a piece of the selection is placed: plainly, in a fragment, under a directive. */
export type Placement =
  | 'plain'
  | 'inlineFragment'
  | 'namedFragment'
  | 'includeVariable'
  | 'skipLiteral'
  | 'fragmentUnderInclude';

export interface Piece {
  list: 'members' | 'membersConnection' | 'transactions';
  size: SizeGiven;
  placement: Placement;
  /** For directives: whether the piece is selected. */
  shown: boolean;
}

export interface GeneratedOperation {
  query: string;
  subscription: string;
  variables: Record<string, unknown>;
}

/** Sizes inside each field's accepted range (members 1–500, transactions 1–100). */
const sizeGiven = (max: number): fc.Arbitrary<SizeGiven> =>
  fc.oneof(
    fc.constant({ kind: 'absent' as const }),
    fc.record({ kind: fc.constant('literal' as const), n: fc.integer({ min: 1, max }) }),
    fc.constant({ kind: 'literalNull' as const }),
    fc.record({ kind: fc.constant('variable' as const), n: fc.integer({ min: 1, max }) }),
    fc.constant({ kind: 'variableNull' as const }),
    fc.constant({ kind: 'variableUnsent' as const }),
    fc.record({ kind: fc.constant('variableDefault' as const), d: fc.integer({ min: 1, max }) }),
    fc.record({
      kind: fc.constant('variableDefaultOverridden' as const),
      d: fc.integer({ min: 1, max }),
      n: fc.integer({ min: 1, max }),
    }),
  );

const placement = fc.constantFrom<Placement>(
  'plain',
  'inlineFragment',
  'namedFragment',
  'includeVariable',
  'skipLiteral',
  'fragmentUnderInclude',
);

const piece: fc.Arbitrary<Piece> = fc.oneof(
  fc.record({
    list: fc.constant('members' as const),
    size: sizeGiven(60),
    placement,
    shown: fc.boolean(),
  }),
  fc.record({
    list: fc.constant('membersConnection' as const),
    size: sizeGiven(60),
    placement,
    shown: fc.boolean(),
  }),
  fc.record({
    list: fc.constant('transactions' as const),
    size: sizeGiven(60),
    placement,
    shown: fc.boolean(),
  }),
);

export const sizedSelection = fc.array(piece, { minLength: 1, maxLength: 4 });

const SELECTIONS = {
  members: 'id investor { id }',
  membersConnection: 'edges { cursor node { id investor { id } } } pageInfo { hasNextPage }',
  transactions: 'edges { node { id } } nodes { id } pageInfo { hasNextPage }',
};

/** The operation as text: a query on the pool and the same selection under a subscription. */
export function operationText(pieces: Piece[], poolId: string): GeneratedOperation {
  const definitions = ['$pool: ID!'];
  const variables: Record<string, unknown> = { pool: poolId };
  const fragments: string[] = [];

  function sizeArgument(size: SizeGiven, name: string): string {
    const variable = `$${name}`;
    switch (size.kind) {
      case 'absent':
        return '';
      case 'literal':
        return `(first: ${size.n})`;
      case 'literalNull':
        return '(first: null)';
      case 'variable':
      case 'variableNull':
      case 'variableUnsent':
        definitions.push(`${variable}: Int`);
        if (size.kind === 'variable') variables[name] = size.n;
        if (size.kind === 'variableNull') variables[name] = null;
        return `(first: ${variable})`;
      case 'variableDefault':
      case 'variableDefaultOverridden':
        definitions.push(`${variable}: Int = ${size.d}`);
        if (size.kind === 'variableDefaultOverridden') variables[name] = size.n;
        return `(first: ${variable})`;
    }
  }

  const body = pieces
    .map((p, n) => {
      const field = (directive = '') =>
        `piece${n}: ${p.list}${sizeArgument(p.size, `size${n}`)} ${directive} { ${SELECTIONS[p.list]} }`;
      const condition = `$shown${n}`;
      const conditional = () => {
        definitions.push(`${condition}: Boolean!`);
        variables[`shown${n}`] = p.shown;
        return `@include(if: ${condition})`;
      };
      switch (p.placement) {
        case 'plain':
          return field();
        case 'inlineFragment':
          return `... on Pool { ${field()} }`;
        case 'namedFragment':
          fragments.push(`fragment Piece${n} on Pool { ${field()} }`);
          return `...Piece${n}`;
        case 'includeVariable':
          return field(conditional());
        case 'skipLiteral':
          return field(`@skip(if: ${!p.shown})`);
        case 'fragmentUnderInclude':
          fragments.push(`fragment Piece${n} on Pool { ${field()} }`);
          return `...Piece${n} ${conditional()}`;
      }
    })
    .join(' ');
  const head = `(${definitions.join(', ')})`;
  const tail = fragments.join('\n');
  return {
    query: `query Generated${head} { pool(id: $pool) { id ${body} } }\n${tail}`,
    subscription: `subscription Generated${head} { transactionPosted(poolId: $pool) { pool { id ${body} } } }\n${tail}`,
    variables,
  };
}
