import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isListingRequest } from './listingReads.ts';

const operation = (query: string) => parse(query).definitions[0] as OperationDefinitionNode;
const ENTITIES =
  'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { managedPools { id } } } }';

describe('which requests may read a lagging replica', () => {
  it('takes the pools listing and User entity listings, as a client query', () => {
    expect(isListingRequest(operation('{ pools { id name } }'), {}, 'query')).toBe(true);
    expect(isListingRequest(operation('{ pools { id } __typename }'), {}, undefined)).toBe(true);
    const users = { representations: [{ __typename: 'User', id: 'u1' }] };
    expect(isListingRequest(operation(ENTITIES), users, 'query')).toBe(true);
  });

  it("keeps single reads, Pool references and a mutation's follow-up fetches on the primary", () => {
    expect(
      isListingRequest(operation('query($id: ID!) { pool(id: $id) { id } }'), {}, 'query'),
    ).toBe(false);
    expect(isListingRequest(operation('{ pools { id } pool(id: "x") { id } }'), {}, 'query')).toBe(
      false,
    );
    const pools = { representations: [{ __typename: 'Pool', id: 'p1' }] };
    expect(isListingRequest(operation(ENTITIES), pools, 'query')).toBe(false);
    const users = { representations: [{ __typename: 'User', id: 'u1' }] };
    expect(isListingRequest(operation(ENTITIES), users, 'mutation')).toBe(false);
    expect(isListingRequest(operation(ENTITIES), users, 'subscription')).toBe(false);
    expect(
      isListingRequest(operation('mutation { openPool(id: "x") { id } }'), {}, undefined),
    ).toBe(false);
    expect(isListingRequest(operation('{ ... on Query { pools { id } } }'), {}, 'query')).toBe(
      false,
    );
  });
});
