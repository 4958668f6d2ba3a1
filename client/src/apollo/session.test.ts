import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { Observable } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogInMutation } from './operations.ts';
import { httpChain } from './links.ts';
import { SessionStore, tokenExpiry, type Session } from './session.ts';

/** An unsigned JWT-shaped token expiring `seconds` from now (the client only reads `exp`). */
function token(seconds: number, id = 'a'): string {
  const payload = btoa(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + seconds, id }));
  return `header.${payload.replace(/=+$/, '')}.signature`;
}
const session = (accessToken: string, refreshToken = 'r1'): Session => ({
  accessToken,
  refreshToken,
  user: { id: 'u1', email: 'a@b.c', name: 'A', roles: ['MANAGER'] },
});

afterEach(() => vi.useRealTimers());

describe('the session', () => {
  it('reads the expiry from the access token', () => {
    const t = token(900);
    expect(tokenExpiry(t)).toBe(Math.floor(Date.now() / 1000) + 900);
    expect(tokenExpiry('not-a-jwt')).toBeUndefined();
  });

  it('refreshes once for many concurrent callers, because the refresh token rotates', async () => {
    const store = new SessionStore(undefined);
    store.set(session(token(900)));
    let calls = 0;
    store.refresher = async (refreshToken) => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return session(token(900, 'b'), `${refreshToken}-next`);
    };
    const results = await Promise.all([store.refresh(), store.refresh(), store.refresh()]);
    expect(calls).toBe(1);
    expect(results.every((r) => r?.refreshToken === 'r1-next')).toBe(true);
    expect(store.current?.refreshToken).toBe('r1-next');
    store.dispose();
  });

  it('signs out when the session cannot be renewed', async () => {
    const store = new SessionStore(undefined);
    store.set(session(token(900)));
    store.refresher = () => Promise.reject(new Error('UNAUTHENTICATED'));
    expect(await store.refresh()).toBeNull();
    expect(store.current).toBeNull();
  });

  it('refreshes a minute before the access token expires', async () => {
    vi.useFakeTimers();
    const store = new SessionStore(undefined);
    const refresher = vi.fn(async () => session(token(900, 'b'), 'r2'));
    store.refresher = refresher;
    store.set(session(token(300)));
    await vi.advanceTimersByTimeAsync(239_000);
    expect(refresher).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(refresher).toHaveBeenCalledOnce();
    store.dispose();
  });
});

describe('the HTTP link chain', () => {
  it('sends the token, and on UNAUTHENTICATED refreshes once and retries with the new one', async () => {
    const store = new SessionStore(undefined);
    store.set(session('old-token'));
    store.refresher = async () => session('new-token', 'r2');
    const seen: Array<{ authorization?: string; hash?: string }> = [];
    const gateway = new ApolloLink(
      (operation) =>
        new Observable((observer) => {
          const { headers } = operation.getContext() as { headers?: Record<string, string> };
          const hash = (operation.extensions as { persistedQuery?: { sha256Hash: string } })
            .persistedQuery?.sha256Hash;
          seen.push({ authorization: headers?.authorization, hash });
          if (headers?.authorization === 'Bearer old-token') {
            observer.next({
              errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }],
            });
          } else {
            observer.next({
              data: {
                logIn: {
                  __typename: 'AuthPayload',
                  accessToken: 'x',
                  refreshToken: 'y',
                  user: { __typename: 'User', id: 'u1', email: 'e', name: 'n', roles: [] },
                },
              },
            });
          }
          observer.complete();
        }),
    );
    const client = new ApolloClient({
      link: httpChain(store, gateway),
      cache: new InMemoryCache(),
    });
    const { data } = await client.mutate({
      mutation: LogInMutation,
      variables: { email: 'e', password: 'p' },
    });
    expect(data?.logIn.accessToken).toBe('x');
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer old-token', 'Bearer new-token']);
    expect(seen.every((s) => /^[0-9a-f]{64}$/.test(s.hash ?? ''))).toBe(true);
    expect(store.current?.accessToken).toBe('new-token');
  });
});
