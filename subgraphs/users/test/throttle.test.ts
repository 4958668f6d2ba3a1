import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, graphql } from '@poolgraph/testing';
import { LOG_IN, SIGN_UP, signUp, startUsers, type UsersUnderTest } from './helpers.ts';

// Attacks on the login throttle, as direct calls to the users subgraph. The gateway sends the
// caller's address as the only x-forwarded-for entry; here each test picks its own.
let users: UsersUnderTest;
beforeAll(async () => {
  users = await startUsers();
});
afterAll(() => users.stop());

let addresses = 0;
const newAddress = () => `198.51.100.${++addresses}`;
const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
const logIn = (email: string, password: string, address: string) =>
  graphql(users.url, LOG_IN, { email, password }, from(address));

describe('login throttle', () => {
  it('lets at most 5 of 40 parallel wrong guesses reach the password check', async () => {
    const victim = await signUp(users.url);
    const address = newAddress();
    const results = await Promise.all(
      Array.from({ length: 40 }, () => logIn(victim.email, 'wrong password!', address)),
    );
    const checked = results.filter((r) => errorCodes(r)[0] === 'UNAUTHENTICATED').length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(results.filter((r) => errorCodes(r)[0] === 'RATE_LIMITED').length).toBe(40 - checked);
  });

  it('counts Unicode and case aliases of an email on the account’s one counter', async () => {
    const victim = await signUp(users.url);
    const address = newAddress();
    const [local, domain] = victim.email.split('@') as [string, string];
    const fullwidth = [...local].map((c) =>
      /[a-z0-9]/.test(c) ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c,
    );
    const aliases = [
      victim.email,
      victim.email.toUpperCase(),
      `${fullwidth.join('')}@${domain}`,
      ` ${victim.email} `,
      `${local}@${domain.toUpperCase()}`,
    ];
    for (const alias of aliases) await logIn(alias, 'wrong password!', address);
    const sixth = await logIn(`${fullwidth.join('')}@${domain}`, 'wrong password!', address);
    expect(errorCodes(sixth)).toEqual(['RATE_LIMITED']);
  });

  it('treats an accented look-alike as another account, not as a way into the original', async () => {
    const password = 'correct horse battery';
    const email = `alice${Date.now()}@example.com`;
    await graphql(users.url, SIGN_UP, {
      input: { email, password, name: 'Alice', role: 'INVESTOR' },
    });
    const lookAlike = email.replace('a', 'á');
    expect(errorCodes(await logIn(lookAlike, password, newAddress()))).toEqual(['UNAUTHENTICATED']);
  });

  it('does not let failures from other addresses lock a victim out', async () => {
    const victim = await signUp(users.url);
    for (let i = 0; i < 10; i++) {
      await logIn(victim.email, 'wrong password!', newAddress());
      await logIn(victim.email, 'wrong password!', '203.0.113.66');
    }
    const response = await logIn(victim.email, victim.password, newAddress());
    expect(response.errors).toBeUndefined();
  });

  it('only slows, never refuses, a victim whose account is guessed at from 30 addresses', async () => {
    const victim = await signUp(users.url);
    await Promise.all(
      Array.from({ length: 30 }, () => logIn(victim.email, 'wrong password!', newAddress())),
    );
    const response = await logIn(victim.email, victim.password, newAddress());
    expect(response.errors).toBeUndefined();
  });

  it('does not lock every login after 60 failures from one address (a proxy without TRUST_PROXY)', async () => {
    const proxy = newAddress();
    const user = await signUp(users.url);
    for (let i = 0; i < 12; i++) {
      await Promise.all(
        Array.from({ length: 5 }, (_, j) =>
          logIn(`nobody${i}-${j}@example.com`, 'wrong password!', proxy),
        ),
      );
    }
    const response = await logIn(user.email, user.password, proxy);
    expect(response.errors).toBeUndefined();
  });
});
