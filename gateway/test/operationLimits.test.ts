import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FEDERATION_LINK,
  createTestKeys,
  startGateway,
  startSubgraph,
  supergraphOf,
  type StartedGateway,
  type TestSubgraph,
} from './helpers.ts';

// A small graph with nested lists, so each limit can be reached on purpose and the operations
// just under it still answer.
const CATALOG = `${FEDERATION_LINK}
  type Query {
    shelves(first: Int): [Shelf!]!
    shelf: Shelf
    hello: String
  }
  type Shelf @key(fields: "id") {
    id: ID!
    books(limit: Int = 10): [Book!]!
    tags: [String!]!
    next: Shelf
  }
  type Book { id: ID! title: String! }`;

const shelf = (id: number): object => ({ id: String(id), tags: ['a'], next: null });
const LIMITS = {
  maxDepth: 5,
  maxAliases: 4,
  maxRootFields: 3,
  maxDirectives: 3,
  maxTokens: 400,
  maxCost: 1_000,
  defaultListSize: 20,
};

let catalog: TestSubgraph;
let gateway: StartedGateway;
/** How many times the subgraph was called: a refused operation must never reach it. */
let subgraphCalls = 0;

beforeAll(async () => {
  catalog = await startSubgraph(
    'catalog',
    CATALOG,
    {
      Query: {
        shelves: (_: unknown, { first }: { first?: number }) =>
          Array.from({ length: first ?? 2 }, (_v, i) => shelf(i + 1)),
        shelf: () => ({ ...shelf(1), next: { ...shelf(2), next: shelf(3) } }),
        hello: () => 'hi',
      },
      Shelf: {
        books: ({ id }: { id: string }, { limit }: { limit: number }) =>
          Array.from({ length: Math.min(limit, 3) }, (_v, i) => ({ id: `${id}-${i}`, title: 't' })),
      },
    },
    async () => {
      subgraphCalls += 1;
    },
  );
  const { verifier } = await createTestKeys();
  gateway = await startGateway({ supergraphSdl: supergraphOf(catalog.source()) }, verifier, {
    limits: { operations: LIMITS },
  });
});
afterAll(async () => {
  await gateway?.service.stop();
  await catalog?.service.stop();
});

/** Sends the operation and checks it was refused by `limit` before any subgraph saw it. */
async function expectRefused(query: string, limit: string, variables = {}) {
  const before = subgraphCalls;
  const response = await graphql(gateway.url, query, variables);
  expect(response.status).toBe(400);
  expect(errorCodes(response)).toEqual(['QUERY_TOO_COMPLEX']);
  expect(response.errors?.[0]?.extensions).toMatchObject({ limit });
  expect(subgraphCalls).toBe(before);
  return response.errors![0]!;
}

const nested = (levels: number) =>
  `{ shelf { ${'next { '.repeat(levels - 2)}id${' }'.repeat(levels - 2)} } }`;

describe('operation limits', () => {
  it('answers an operation at every limit', async () => {
    expect(expectData(await graphql(gateway.url, nested(5)))).toHaveProperty('shelf');
    const aliases = '{ a: hello b: hello shelf { c: id d: id } }';
    expect(expectData(await graphql(gateway.url, aliases))).toEqual({
      a: 'hi',
      b: 'hi',
      shelf: { c: '1', d: '1' },
    });
  });

  it('refuses an operation nested deeper than the maximum depth, naming the limit', async () => {
    const error = await expectRefused(nested(6), 'depth');
    expect(error.message).toBe('The operation is 6 levels deep; the maximum depth is 5.');
    expect(error.extensions).toMatchObject({ max: 5, actual: 6 });
  });

  it('counts depth through fragments, which cannot hide nesting', async () => {
    const query = `query { shelf { ...A } }
      fragment A on Shelf { next { ...B } }
      fragment B on Shelf { next { ...C } }
      fragment C on Shelf { next { next { id } } }`;
    await expectRefused(query, 'depth');
  });

  it('refuses more aliases than the maximum, counting each use of a fragment', async () => {
    const error = await expectRefused(
      '{ a: hello b: hello c: hello d: hello e: hello }',
      'aliases',
    );
    expect(error.message).toBe('The operation has 5 aliases; the maximum is 4.');
    const viaFragment = `{ shelf { ...F } s: shelf { ...F } }
      fragment F on Shelf { x: id y: id }`;
    await expectRefused(viaFragment, 'aliases');
  });

  it('refuses more root fields than the maximum', async () => {
    const error = await expectRefused(
      '{ hello shelf { id } shelves { id } __typename }',
      'rootFields',
    );
    expect(error.message).toBe('The operation selects 4 root fields; the maximum is 3.');
  });

  it('refuses more directives than the maximum', async () => {
    const query =
      '{ hello @include(if: true) @skip(if: false) shelf @include(if: true) { id @skip(if: false) } }';
    const error = await expectRefused(query, 'directives');
    expect(error.message).toBe('The operation has 4 directives; the maximum is 3.');
  });

  it('refuses a document with more tokens than the maximum, without parsing the rest', async () => {
    const query = `{ ${'hello '.repeat(500)} }`;
    const response = await graphql(gateway.url, query);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(response.errors?.[0]).toMatchObject({
      message: 'The document has more than 400 tokens, the maximum.',
      extensions: { limit: 'tokens', max: 400 },
    });
  });

  it('weighs list fields by their first/limit arguments, literal or variable', async () => {
    // 30 shelves × (1 + 40 books) = 1,230 > 1,000
    const literal = await expectRefused(
      '{ shelves(first: 30) { books(limit: 40) { id } } }',
      'cost',
    );
    expect(literal.message).toMatch(
      /^The operation's estimated cost is 1230; the maximum is 1000\./,
    );
    await expectRefused(
      'query($n: Int) { shelves(first: $n) { books(limit: 40) { id } } }',
      'cost',
      { n: 30 },
    );
    // The same document with a smaller variable costs 2 × 41 and runs.
    const small = await graphql(
      gateway.url,
      'query($n: Int) { shelves(first: $n) { books(limit: 40) { id } } }',
      { n: 2 },
    );
    expect(expectData(small)).toMatchObject({ shelves: [{}, {}] });
  });

  it('charges an unbounded list the default size, and a list with a default argument that default', async () => {
    // shelves has no first: 20 × (1 + 50 books) = 1,020
    const unbounded = await expectRefused('{ shelves { books(limit: 50) { id } } }', 'cost');
    expect(unbounded.extensions).toMatchObject({ actual: 1020 });
    // books without limit: its default 10 → 100 × (1 + 10) = 1,100
    const defaulted = await expectRefused('{ shelves(first: 100) { books { id } } }', 'cost');
    expect(defaulted.extensions).toMatchObject({ actual: 1100 });
    expect(expectData(await graphql(gateway.url, '{ shelves { books { id } } }'))).toHaveProperty(
      'shelves',
    );
  });

  it('measures fragments that spread the next one twice, thirty deep, in linear time', async () => {
    const chain = Array.from(
      { length: 30 },
      (_v, i) => `fragment F${i} on Shelf { ...F${i + 1} ...F${i + 1} }`,
    ).join(' ');
    const started = Date.now();
    await expectRefused(
      `{ shelf { ...F0 } } ${chain} fragment F30 on Shelf { next { id } }`,
      'cost',
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('answers fragments that spread the next one twice, thirty deep, when they select only scalars', async () => {
    const chain = Array.from(
      { length: 30 },
      (_v, i) => `fragment F${i} on Shelf { ...F${i + 1} ...F${i + 1} }`,
    ).join(' ');
    const started = Date.now();
    const response = await graphql(
      gateway.url,
      `
        {
          shelf {
            ...F0
          }
        }
        ${chain}
        fragment F30 on Shelf {
          id
        }
      `,
    );
    expect(expectData(response)).toEqual({ shelf: { id: '1' } });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
