import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { TokenVerifier } from '@poolgraph/auth';
import { openSession } from './session.ts';

const failingWith = (code: string): TokenVerifier => ({
  verify: async () => {
    throw new GraphQLError(code, { extensions: { code } });
  },
});

describe('openSession', () => {
  it('is null for a refused token (the socket closes with 4401)', async () => {
    const session = await openSession('Bearer a.b.c', '127.0.0.1', failingWith('UNAUTHENTICATED'));
    expect(session).toBeNull();
    expect(await openSession('Basic x', '127.0.0.1', failingWith('UNAUTHENTICATED'))).toBeNull();
  });

  it('throws when the token could not be checked (the socket closes with 1013, try again)', async () => {
    await expect(
      openSession('Bearer a.b.c', '127.0.0.1', failingWith('SUBGRAPH_UNAVAILABLE')),
    ).rejects.toThrow('SUBGRAPH_UNAVAILABLE');
    const redisDown: TokenVerifier = {
      verify: async () => {
        throw new Error('Connection is closed.');
      },
    };
    await expect(openSession('Bearer a.b.c', '127.0.0.1', redisDown)).rejects.toThrow('closed');
  });
});
