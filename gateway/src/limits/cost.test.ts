import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationCost } from './cost.ts';

const schema = buildSchema(`
  type Query { pool(id: ID!): Pool  pools: [Pool!]! }
  type Pool {
    id: ID!
    name: String!
    tags: [String!]!
    members(first: Int = 500): [Member!]!
    transactions(first: Int): Connection!
  }
  type Member { id: ID! investor: Investor! }
  type Investor { id: ID! }
  type Connection { edges: [Edge!]! nodes: [Tx!]! pageInfo: PageInfo! }
  type Edge { node: Tx! }
  type Tx { id: ID! }
  type PageInfo { hasNextPage: Boolean! }
`);

const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const operation = getOperationAST(document)!;
  return operationCost({ schema, document, operation, variables, defaultListSize: 20 });
};

describe('operation cost', () => {
  it('weighs objects 1 and scalars 0, scalar lists included', () => {
    expect(cost('{ pool(id: "1") { id name tags } }').cost).toBe(1);
  });

  it('multiplies a list by its argument, its default, or the default list size', () => {
    expect(cost('{ pool(id: "1") { members(first: 10) { investor { id } } } }').cost).toBe(
      1 + 10 * 2,
    );
    expect(cost('{ pool(id: "1") { members { id } } }').cost).toBe(1 + 500);
    expect(cost('{ pools { id } }').cost).toBe(20);
  });

  it('applies a connection’s first to the lists inside it', () => {
    const query =
      '{ pool(id: "1") { transactions(first: 50) { edges { node { id } } nodes { id } pageInfo { hasNextPage } } } }';
    // pool 1 + connection 1 + 50 × (edge 1 + node 1) + 50 × tx 1 + pageInfo 1
    expect(cost(query).cost).toBe(1 + 1 + 100 + 50 + 1);
  });

  it('reads sizes from variables and says so, so the cost is not cached for the document', () => {
    const query = 'query($n: Int) { pool(id: "1") { members(first: $n) { id } } }';
    expect(cost(query, { n: 3 })).toEqual({ cost: 4, usesVariables: true });
    expect(cost('{ pools { id } }').usesVariables).toBe(false);
  });

  it('counts fragments and inline fragments where they are spread', () => {
    const query = `{ pools { ...P ... on Pool { members(first: 2) { id } } } }
      fragment P on Pool { members(first: 3) { investor { id } } }`;
    expect(cost(query).cost).toBe(20 * (1 + 3 * 2 + 2));
  });
});
