import { createHash } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { TrustedDocuments } from './manifest.ts';
import { subscriptionQuery, type PersistedQueryPolicy } from './policy.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const BODY = 'subscription Live($p: ID!) { balanceChanged(poolId: $p) { status } }';
const ID = sha256(BODY);
const documents = {
  get: (id: string) =>
    id === ID ? { id, name: 'Live', type: 'subscription', body: BODY, file: 'p.json' } : undefined,
} as unknown as TrustedDocuments;
const policy = (enforce: boolean): PersistedQueryPolicy => ({ documents, enforce });
const byId = (hash: string, query = '') => ({
  query,
  extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
});
const codeOf = (answer: string | readonly GraphQLError[]) =>
  typeof answer === 'string' ? answer : answer.map((e) => e.extensions.code);

describe('subscriptionQuery', () => {
  it('runs a manifest operation by id for a key, with no query or its own body', () => {
    expect(subscriptionQuery(policy(false), byId(ID), true)).toBe(BODY);
    expect(subscriptionQuery(policy(false), byId(ID, BODY), true)).toBe(BODY);
  });

  it("refuses a key's text, even the manifest body, and an id sent with other text", () => {
    expect(codeOf(subscriptionQuery(policy(false), { query: BODY }, true))).toEqual([
      'PERSISTED_QUERY_NOT_ALLOWED',
    ]);
    expect(codeOf(subscriptionQuery(policy(false), byId(ID, 'subscription { x }'), true))).toEqual([
      'PERSISTED_QUERY_NOT_ALLOWED',
    ]);
    expect(codeOf(subscriptionQuery(undefined, { query: BODY }, true))).toEqual([
      'PERSISTED_QUERY_NOT_ALLOWED',
    ]);
  });

  it('answers an unknown id alone with PERSISTED_QUERY_NOT_FOUND', () => {
    expect(codeOf(subscriptionQuery(policy(false), byId(sha256('other')), true))).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
  });

  it('lets other callers send the manifest body as text under SAFELIST=enforce, and anything without it', () => {
    expect(subscriptionQuery(policy(true), { query: BODY }, false)).toBe(BODY);
    expect(codeOf(subscriptionQuery(policy(true), { query: 'subscription { x }' }, false))).toEqual(
      ['PERSISTED_QUERY_NOT_ALLOWED'],
    );
    expect(subscriptionQuery(policy(false), { query: 'subscription { x }' }, false)).toBe(
      'subscription { x }',
    );
  });
});
