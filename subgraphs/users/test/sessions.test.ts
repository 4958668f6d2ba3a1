import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { REFRESH, signUp, startUsers, type UsersUnderTest } from './helpers.ts';

let users: UsersUnderTest;
beforeAll(async () => {
  users = await startUsers();
});
afterAll(() => users.stop());

type Refreshed = { refreshSession: { accessToken: string; refreshToken: string } };
const ME = '{ me { id email roles } }';

describe('refresh tokens', () => {
  it('rotates: the new pair works and the old refresh token is spent', async () => {
    const user = await signUp(users.url);
    const rotated = expectData(
      await graphql<Refreshed>(users.url, REFRESH, { token: user.refreshToken }),
    );
    expect(rotated.refreshSession.refreshToken).not.toBe(user.refreshToken);
    const me = await graphql<{ me: { email: string } }>(
      users.url,
      ME,
      {},
      { token: rotated.refreshSession.accessToken },
    );
    expect(me.data?.me.email).toBe(user.email);
  });

  it('revokes the whole family when a spent token is presented again', async () => {
    const user = await signUp(users.url);
    const rotated = expectData(
      await graphql<Refreshed>(users.url, REFRESH, { token: user.refreshToken }),
    );
    const reuse = await graphql(users.url, REFRESH, { token: user.refreshToken });
    expect(errorCodes(reuse)).toEqual(['UNAUTHENTICATED']);
    const next = await graphql(users.url, REFRESH, { token: rotated.refreshSession.refreshToken });
    expect(errorCodes(next)).toEqual(['UNAUTHENTICATED']);
  });

  it('lets exactly one of two concurrent refreshes with one token win, and ends the session', async () => {
    const user = await signUp(users.url);
    const results = await Promise.all([
      graphql<Refreshed>(users.url, REFRESH, { token: user.refreshToken }),
      graphql<Refreshed>(users.url, REFRESH, { token: user.refreshToken }),
    ]);
    expect(results.filter((r) => r.data?.refreshSession).length).toBe(1);
    const winner = results.find((r) => r.data?.refreshSession)!.data!.refreshSession;
    // The loser presented a spent token: the winner's new token is revoked with the family.
    expect(errorCodes(await graphql(users.url, REFRESH, { token: winner.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('rejects a made-up refresh token', async () => {
    expect(errorCodes(await graphql(users.url, REFRESH, { token: 'made-up' }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('logOut ends the session so its refresh token no longer works', async () => {
    const user = await signUp(users.url);
    const out = await graphql<{ logOut: boolean }>(
      users.url,
      'mutation($t: String!) { logOut(refreshToken: $t) }',
      { t: user.refreshToken },
    );
    expect(out.data?.logOut).toBe(true);
    expect(errorCodes(await graphql(users.url, REFRESH, { token: user.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const again = await graphql<{ logOut: boolean }>(
      users.url,
      'mutation($t: String!) { logOut(refreshToken: $t) }',
      { t: user.refreshToken },
    );
    expect(again.data?.logOut).toBe(false);
  });
});
