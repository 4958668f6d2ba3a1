import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, type GraphQLResponse } from '@poolgraph/testing';
import { SIGN_UP, startUsers, type UsersUnderTest } from './helpers.ts';

// signUp costs an argon2id hash: it is throttled per client address, hashing is bounded per
// process, and a request whose client has gone creates nothing.
let users: UsersUnderTest;
beforeAll(async () => {
  users = await startUsers({ signUpsPerAddress: 5, hashing: { concurrent: 2, queued: 4 } });
});
afterAll(() => users.stop());

let addresses = 0;
const newAddress = () => `192.0.2.${++addresses}`;
let emails = 0;
const newEmail = () => `new${Date.now()}-${++emails}@example.com`;
const signUp = (address: string, email = newEmail(), signal?: AbortSignal) =>
  fetch(users.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({
      query: SIGN_UP,
      variables: {
        input: { email, password: 'long enough password', name: 'N', role: 'INVESTOR' },
      },
    }),
    signal,
  }).then(async (r) => ({ status: r.status, ...((await r.json()) as object) }) as GraphQLResponse);

describe('signUp throttle', () => {
  it('refuses an address past its sign-ups per window, and only that address', async () => {
    const address = newAddress();
    for (let i = 0; i < 5; i++) expect((await signUp(address)).errors).toBeUndefined();
    const sixth = await signUp(address);
    expect(errorCodes(sixth)).toEqual(['RATE_LIMITED']);
    expect(sixth.errors?.[0]?.message).toMatch(/Try again in \d+ seconds/);
    expect((await signUp(newAddress())).errors).toBeUndefined();
  });

  it('bounds the hashes a burst can queue: the overflow is refused at once, not run', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, () => signUp(newAddress())));
    const refused = results.filter((r) => errorCodes(r)[0] === 'RATE_LIMITED').length;
    const created = results.filter((r) => !r.errors).length;
    expect(refused).toBeGreaterThan(0);
    expect(created + refused).toBe(40);
  });

  it('creates no account for a request whose client has gone', async () => {
    // Keep the hashing slots busy, so the abandoned request is still waiting when it is abandoned.
    const busy = Array.from({ length: 5 }, () => signUp(newAddress()));
    const email = newEmail();
    const abandon = new AbortController();
    const abandoned = signUp(newAddress(), email, abandon.signal).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 30));
    abandon.abort();
    await Promise.all([...busy, abandoned]);
    const again = await signUp(newAddress(), email);
    expect(again.errors).toBeUndefined();
  });
});
