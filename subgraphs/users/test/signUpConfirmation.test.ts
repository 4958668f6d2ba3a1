import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCodes,
  eventually,
  expectData,
  graphql,
  startSmtpCapture,
  type SmtpCapture,
} from '@poolgraph/testing';
import { connectMysql } from '@poolgraph/platform';
import { schema } from '../src/db/index.ts';
import { LOG_IN, SIGN_UP, startUsers, type UsersUnderTest } from './helpers.ts';

// Sign-up as in production: the address is confirmed by email before an account exists, and no
// answer tells a stranger whether an address is registered. A real SMTP server receives the mail.
let smtp: SmtpCapture;
let users: UsersUnderTest;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  users = await startUsers({
    smtpUrl: smtp.url,
    signUpConfirmsEmail: true,
    appUrl: 'https://app.example.test/',
  });
});
afterAll(async () => {
  await users?.stop();
  await smtp?.stop();
});

const REQUEST = `mutation Request($input: SignUpInput!) {
  requestSignUp(input: $input) { email expiresAt }
}`;
const CONFIRM = `mutation Confirm($token: String!) {
  confirmSignUp(token: $token) { accessToken refreshToken user { id email name roles } }
}`;

let counter = 0;
const freshEmail = () => `confirm${Date.now()}${counter++}@example.com`;
const input = (email: string, password = 'correct horse battery') => ({
  email,
  password,
  name: 'Ada',
  role: 'MANAGER',
});

/** Waits for the nth mail to an address and returns the link's token, if it carries one. */
async function mailedToken(email: string, count = 1): Promise<string | undefined> {
  const mails = await eventually(async () => {
    const found = smtp.textsTo(email);
    expect(found).toHaveLength(count);
    return found;
  });
  return /https:\/\/app\.example\.test\/confirm-sign-up#token=([A-Za-z0-9_-]{43})/.exec(
    mails[count - 1]!,
  )?.[1];
}

/** An account created the only way there is here: request, then confirm. */
async function registered(email = freshEmail()) {
  await graphql(users.url, REQUEST, { input: input(email) });
  const token = await mailedToken(email);
  expectData(await graphql(users.url, CONFIRM, { token }));
  return email;
}

const hoursAhead = (iso: string) => (Date.parse(iso) - Date.now()) / 3_600_000;

describe('sign-up that confirms the email first', () => {
  it('answers alike for a fresh and a registered address, and tells only the address by email', async () => {
    const owner = await registered();
    const stranger = freshEmail();
    const forOwner = await graphql(users.url, REQUEST, {
      input: input(owner.toUpperCase(), 'a stranger’s password'),
    });
    const forStranger = await graphql(users.url, REQUEST, { input: input(stranger) });
    for (const [answer, email] of [
      [forOwner, owner],
      [forStranger, stranger],
    ] as const) {
      expect(answer.errors).toBeUndefined();
      const { requestSignUp } = answer.data as { requestSignUp: Record<string, string> };
      expect(Object.keys(requestSignUp)).toEqual(['email', 'expiresAt']);
      expect(requestSignUp.email).toBe(email);
      expect(hoursAhead(requestSignUp.expiresAt!)).toBeCloseTo(24, 1);
    }
    // The owner hears that someone tried (their second mail, after the confirmation); the
    // stranger's fresh address gets a link.
    const ownerMails = await eventually(async () => {
      const found = smtp.textsTo(owner);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(ownerMails[1]).toContain('Someone tried to create a Poolgraph account');
    expect(ownerMails[1]).not.toContain('confirm-sign-up');
    expect(ownerMails[1]).not.toContain('a stranger’s password');
    expect(await mailedToken(stranger)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses signUp alike for every address, naming requestSignUp', async () => {
    const owner = await registered();
    const answers = await Promise.all(
      [owner, freshEmail()].map((email) => graphql(users.url, SIGN_UP, { input: input(email) })),
    );
    for (const answer of answers) {
      expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
      expect(answer.errors?.[0]?.message).toContain('requestSignUp');
      expect(answer.errors?.[0]?.extensions?.['use']).toBe('requestSignUp');
    }
    expect(answers[0]!.errors?.[0]?.message).toBe(answers[1]!.errors?.[0]?.message);
  });

  it('creates the account only when the link is followed, and signs it in', async () => {
    const email = freshEmail();
    expectData(await graphql(users.url, REQUEST, { input: input(email) }));
    const token = await mailedToken(email);
    // Before the link: logging in answers as for any unknown address.
    const early = await graphql(users.url, LOG_IN, { email, password: 'correct horse battery' });
    expect(errorCodes(early)).toEqual(['UNAUTHENTICATED']);

    const { confirmSignUp } = expectData<{
      confirmSignUp: { accessToken: string; user: { email: string; roles: string[] } };
    }>(await graphql(users.url, CONFIRM, { token }));
    expect(confirmSignUp.user).toMatchObject({ email, roles: ['MANAGER'] });
    expect(confirmSignUp.accessToken).toBeTruthy();
    expectData(await graphql(users.url, LOG_IN, { email, password: 'correct horse battery' }));
  });

  it('lets a link work once, even followed ten times at the same moment', async () => {
    const email = freshEmail();
    expectData(await graphql(users.url, REQUEST, { input: input(email) }));
    const token = await mailedToken(email);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => graphql(users.url, CONFIRM, { token })),
    );
    expect(answers.filter((a) => !a.errors)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.errors)) {
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors?.[0]?.extensions?.['field']).toBe('token');
    }
    const again = await graphql(users.url, CONFIRM, { token });
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps only the newest link of an address working', async () => {
    const email = freshEmail();
    expectData(await graphql(users.url, REQUEST, { input: input(email) }));
    const first = await mailedToken(email, 1);
    expectData(await graphql(users.url, REQUEST, { input: input(email) }));
    const second = await mailedToken(email, 2);
    expect(second).not.toBe(first);
    expect(errorCodes(await graphql(users.url, CONFIRM, { token: first }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expectData(await graphql(users.url, CONFIRM, { token: second }));
  });

  it('refuses an expired link and links of any other shape', async () => {
    const email = freshEmail();
    expectData(await graphql(users.url, REQUEST, { input: input(email) }));
    const token = await mailedToken(email);
    const mysql = connectMysql({ url: users.database.url }, schema);
    await mysql.pool.query(
      'UPDATE pending_sign_ups SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE email = ?',
      [email],
    );
    await mysql.close();
    for (const bad of [token, '', ' '.repeat(43), 'x'.repeat(10_000), `${token} `]) {
      expect(errorCodes(await graphql(users.url, CONFIRM, { token: bad }))).toEqual([
        'BAD_USER_INPUT',
      ]);
    }
  });

  it('sends at most five sign-up emails to one address per window, answering alike past it', async () => {
    const email = freshEmail();
    for (let i = 0; i < 7; i++) {
      expectData(await graphql(users.url, REQUEST, { input: input(email) }));
    }
    await mailedToken(email, 5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.textsTo(email)).toHaveLength(5);
  });

  it('validates the input as signUp does, field by field', async () => {
    const answer = await graphql(users.url, REQUEST, {
      input: { ...input(freshEmail()), password: 'short' },
    });
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors?.[0]?.extensions?.['field']).toBe('input.password');
  });
});
