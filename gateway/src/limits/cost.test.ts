import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationCost } from './cost.ts';

const schema = buildSchema(`
  type Query {
    pool(id: ID!): Pool
    pools: [Pool!]!
    alerts(first: Int, limit: Int = 100): [Alert!]!
  }
  type Alert { id: ID! }
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

  it('reads a size from the variable’s default when the variable is not sent', () => {
    const query = 'query($n: Int = 400) { pool(id: "1") { members(first: $n) { id } } }';
    expect(cost(query).cost).toBe(1 + 400);
    expect(cost(query, { n: 2 }).cost).toBe(1 + 2);
  });

  it('falls back to the field’s default for an explicit null or a missing variable, as resolvers do', () => {
    expect(cost('{ pool(id: "1") { members(first: null) { id } } }').cost).toBe(1 + 500);
    expect(cost('query($n: Int) { pool(id: "1") { members(first: $n) { id } } }').cost).toBe(
      1 + 500,
    );
    expect(cost('query($n: Int) { alerts(first: $n) { id } }', { n: null }).cost).toBe(100);
    expect(cost('{ alerts(first: 7, limit: 300) { id } }').cost).toBe(7);
    expect(cost('{ alerts(limit: 300) { id } }').cost).toBe(300);
  });

  it('counts fields under @include and @skip whatever their condition', () => {
    const query = `query($show: Boolean = false) {
      pool(id: "1") { members(first: 300) @include(if: $show) { id } }
      pools @skip(if: true) { id }
    }`;
    expect(cost(query).cost).toBe(1 + 300 + 20);
    expect(cost(query, { show: true }).cost).toBe(1 + 300 + 20);
  });

  it('reads sizes inside fragments from the operation’s variables and their defaults', () => {
    const query = `query($n: Int = 250) { pool(id: "1") { ...M } }
      fragment M on Pool { members(first: $n) { id } transactions(first: $n) { nodes { id } } }`;
    expect(cost(query).cost).toBe(1 + 250 + (1 + 250));
  });
});
