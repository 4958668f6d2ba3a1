import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { LOG_IN, SIGN_UP, signUp, startUsers, type UsersUnderTest } from './helpers.ts';

let users: UsersUnderTest;
beforeAll(async () => {
  users = await startUsers();
});
afterAll(() => users.stop());

describe('signUp', () => {
  it('creates an account with a normalized email and signs it in', async () => {
    const response = await graphql<{ signUp: { user: { email: string; roles: string[] } } }>(
      users.url,
      SIGN_UP,
      {
        input: {
          email: '  Ada.Lovelace@Example.COM ',
          password: 'analytical engine',
          name: ' Ada ',
          role: 'MANAGER',
        },
      },
    );
    const data = expectData(response);
    expect(data.signUp.user.email).toBe('ada.lovelace@example.com');
    expect(data.signUp.user.roles).toEqual(['MANAGER']);
  });

  it('rejects a second account with the same email in another case as CONFLICT', async () => {
    const first = await signUp(users.url);
    const response = await graphql(users.url, SIGN_UP, {
      input: {
        email: first.email.toUpperCase(),
        password: 'another password',
        name: 'Dup',
        role: 'INVESTOR',
      },
    });
    expect(errorCodes(response)).toEqual(['CONFLICT']);
  });

  it.each([
    ['a short password', { password: 'short' }, 'input.password'],
    ['an invalid email', { email: 'not-an-email' }, 'input.email'],
    ['an empty name', { name: '   ' }, 'input.name'],
    ['the ADMIN role', { role: 'ADMIN' }, 'input.role'],
    ['the PARTNER role', { role: 'PARTNER' }, 'input.role'],
  ])('rejects %s with BAD_USER_INPUT naming the field', async (_case, override, field) => {
    const input = {
      email: `bad${Math.random()}@example.com`,
      password: 'long enough password',
      name: 'X',
      role: 'INVESTOR',
      ...override,
    };
    const response = await graphql(users.url, SIGN_UP, { input });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toContain(field);
  });

  it('rejects an unknown role value as a GraphQL input error, not a server error', async () => {
    const response = await graphql(users.url, SIGN_UP, {
      input: { email: 'x@example.com', password: 'long enough password', name: 'X', role: 'OWNER' },
    });
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(response)).not.toContain('stacktrace');
  });
});

describe('logIn', () => {
  it('signs in with the right password, whatever the email case', async () => {
    const user = await signUp(users.url);
    const data = expectData(
      await graphql<{ logIn: { user: { email: string } } }>(users.url, LOG_IN, {
        email: user.email.toUpperCase(),
        password: user.password,
      }),
    );
    expect(data.logIn.user.email).toBe(user.email);
  });

  it('answers a wrong password and an unknown email with the same error', async () => {
    const user = await signUp(users.url);
    const wrong = await graphql(users.url, LOG_IN, {
      email: user.email,
      password: 'wrong password!',
    });
    const unknown = await graphql(users.url, LOG_IN, {
      email: 'nobody@example.com',
      password: 'wrong password!',
    });
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
  });

  it('refuses further attempts on an account after five failures, even with the right password', async () => {
    const user = await signUp(users.url);
    for (let i = 0; i < 5; i++) {
      await graphql(users.url, LOG_IN, { email: user.email, password: 'wrong password!' });
    }
    const response = await graphql(users.url, LOG_IN, {
      email: user.email,
      password: user.password,
    });
    expect(errorCodes(response)).toEqual(['RATE_LIMITED']);
    expect(response.errors?.[0]?.message).toMatch(/Try again in \d+ seconds/);
  });

  it('limits an unknown email exactly like a real one', async () => {
    for (let i = 0; i < 5; i++) {
      await graphql(users.url, LOG_IN, { email: 'ghost@example.com', password: 'wrong password!' });
    }
    const response = await graphql(users.url, LOG_IN, {
      email: 'ghost@example.com',
      password: 'x'.repeat(12),
    });
    expect(errorCodes(response)).toEqual(['RATE_LIMITED']);
  });
});
