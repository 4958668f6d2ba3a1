import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { connectMysql } from '@poolgraph/platform';
import {
  errorCodes,
  eventually,
  expectData,
  graphql,
  startSmtpCapture,
  type SmtpCapture,
} from '@poolgraph/testing';
import { schema } from '../src/db/index.ts';
import { LOG_IN, REFRESH, signUp, startUsers, type UsersUnderTest } from './helpers.ts';

// Self-service identity through the users subgraph, with a real SMTP server for the links.
let smtp: SmtpCapture;
let users: UsersUnderTest;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  users = await startUsers({ smtpUrl: smtp.url, appUrl: 'https://app.example.test' });
});
afterAll(async () => {
  await users?.stop();
  await smtp?.stop();
});

const ME = '{ me { id email name phone } }';
const PROFILE = `mutation Profile($input: ProfileInput!) {
  updateProfile(input: $input) { id name phone }
}`;
const CHANGE_PASSWORD = `mutation Change($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next) { accessToken refreshToken }
}`;
const REQUEST_RESET = 'mutation Reset($email: String!) { requestPasswordReset(email: $email) }';
const RESET = `mutation Reset($token: String!, $next: String!) {
  resetPassword(token: $token, newPassword: $next) { accessToken refreshToken user { email } }
}`;
const REQUEST_EMAIL = `mutation Email($email: String!, $current: String!) {
  requestEmailChange(newEmail: $email, currentPassword: $current) { email expiresAt }
}`;
const CONFIRM_EMAIL = 'mutation Confirm($token: String!) { confirmEmailChange(token: $token) }';
const SESSIONS = '{ mySessions { id startedAt lastActiveAt current } }';
const REVOKE = 'mutation Revoke($id: ID!) { revokeSession(id: $id) }';

const NEW_PASSWORD = 'a brand new passphrase';

/** Waits until `count` mails reached the address; the last one's link token, if any. */
async function lastLink(email: string, count: number, path: string) {
  const mails = await eventually(async () => {
    const found = smtp.textsTo(email);
    expect(found).toHaveLength(count);
    return found;
  });
  const pattern = new RegExp(`https://app\\.example\\.test${path}#token=([A-Za-z0-9_-]{43})`);
  return pattern.exec(mails[count - 1]!)?.[1];
}

const sessionIdOf = (accessToken: string) =>
  (JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as { sid: string })
    .sid;

describe('a user’s own account', () => {
  it('keeps a profile whose phone only the user sees', async () => {
    const ada = await signUp(users.url);
    const other = await signUp(users.url);
    const { updateProfile } = expectData<{ updateProfile: { name: string; phone: string } }>(
      await graphql(
        users.url,
        PROFILE,
        { input: { name: '  Ada L. ', phone: '+44 20 7946 0958' } },
        { token: ada.accessToken },
      ),
    );
    expect(updateProfile).toMatchObject({ name: 'Ada L.', phone: '+44 20 7946 0958' });
    const seen = expectData<{ user: { name: string; phone: string | null } }>(
      await graphql(
        users.url,
        'query U($id: ID!) { user(id: $id) { name phone } }',
        { id: ada.user.id },
        { token: other.accessToken },
      ),
    );
    expect(seen.user).toEqual({ name: 'Ada L.', phone: null });

    const bad = await graphql(
      users.url,
      PROFILE,
      { input: { name: 'Ada', phone: 'call me maybe' } },
      { token: ada.accessToken },
    );
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors?.[0]?.extensions?.['field']).toBe('input.phone');
    const anonymous = await graphql(users.url, PROFILE, { input: { name: 'X' } });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('changes the password only with the current one, and ends every other session', async () => {
    const ada = await signUp(users.url);
    const elsewhere = expectData<{ logIn: { accessToken: string; refreshToken: string } }>(
      await graphql(users.url, LOG_IN, { email: ada.email, password: ada.password }),
    ).logIn;

    const wrong = await graphql(
      users.url,
      CHANGE_PASSWORD,
      { current: 'not my password at all', next: NEW_PASSWORD },
      { token: ada.accessToken },
    );
    expect(errorCodes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(wrong.errors?.[0]?.extensions?.['field']).toBe('currentPassword');

    const fresh = expectData<{ changePassword: { accessToken: string } }>(
      await graphql(
        users.url,
        CHANGE_PASSWORD,
        { current: ada.password, next: NEW_PASSWORD },
        { token: ada.accessToken },
      ),
    ).changePassword;
    expectData(await graphql(users.url, ME, {}, { token: fresh.accessToken }));
    for (const token of [ada.accessToken, elsewhere.accessToken]) {
      expect(errorCodes(await graphql(users.url, ME, {}, { token }))).toEqual(['UNAUTHENTICATED']);
    }
    expect(
      errorCodes(await graphql(users.url, REFRESH, { token: elsewhere.refreshToken })),
    ).toEqual(['UNAUTHENTICATED']);
    const old = await graphql(users.url, LOG_IN, { email: ada.email, password: ada.password });
    expect(errorCodes(old)).toEqual(['UNAUTHENTICATED']);
    expectData(await graphql(users.url, LOG_IN, { email: ada.email, password: NEW_PASSWORD }));
    await eventually(async () =>
      expect(smtp.textsTo(ada.email).some((m) => m.includes('password was changed'))).toBe(true),
    );
  });

  it('resets a forgotten password through the emailed link, once, telling strangers nothing', async () => {
    const ada = await signUp(users.url);
    const nobody = `nobody${Date.now()}@example.com`;
    for (const email of [ada.email, nobody]) {
      expect(expectData(await graphql(users.url, REQUEST_RESET, { email }))).toEqual({
        requestPasswordReset: true,
      });
    }
    const token = await lastLink(ada.email, 1, '/reset-password');
    expect(token).toBeDefined();

    const attempts = await Promise.all(
      Array.from({ length: 10 }, () => graphql(users.url, RESET, { token, next: NEW_PASSWORD })),
    );
    expect(attempts.filter((a) => !a.errors)).toHaveLength(1);
    for (const refused of attempts.filter((a) => a.errors)) {
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors?.[0]?.extensions?.['field']).toBe('token');
    }
    // The session from before the reset is over; the new password logs in.
    expect(errorCodes(await graphql(users.url, ME, {}, { token: ada.accessToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expectData(await graphql(users.url, LOG_IN, { email: ada.email, password: NEW_PASSWORD }));
    expect(smtp.textsTo(nobody)).toEqual([]);
    for (const bad of ['', 'x'.repeat(5000), `${token}x`]) {
      const refused = await graphql(users.url, RESET, { token: bad, next: NEW_PASSWORD });
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('moves the login to a new address only once the new address confirms it', async () => {
    const ada = await signUp(users.url);
    const taken = await signUp(users.url);
    const newEmail = `moved${Date.now()}@example.com`;
    const answers = [];
    for (const email of [taken.email, newEmail]) {
      const answer = await graphql<{ requestEmailChange: Record<string, string> }>(
        users.url,
        REQUEST_EMAIL,
        { email, current: ada.password },
        { token: ada.accessToken },
      );
      answers.push(Object.keys(expectData(answer).requestEmailChange));
    }
    expect(answers[0]).toEqual(answers[1]);
    const token = await lastLink(newEmail, 1, '/confirm-email');
    // Nothing went to the taken address, and nothing changed yet.
    expect(smtp.textsTo(taken.email)).toEqual([]);
    expectData(await graphql(users.url, LOG_IN, { email: ada.email, password: ada.password }));

    expect(expectData(await graphql(users.url, CONFIRM_EMAIL, { token }))).toEqual({
      confirmEmailChange: true,
    });
    expectData(await graphql(users.url, LOG_IN, { email: newEmail, password: ada.password }));
    const old = await graphql(users.url, LOG_IN, { email: ada.email, password: ada.password });
    expect(errorCodes(old)).toEqual(['UNAUTHENTICATED']);
    await eventually(async () =>
      expect(smtp.textsTo(ada.email).some((m) => m.includes(`now logs in with ${newEmail}`))).toBe(
        true,
      ),
    );
    expect(errorCodes(await graphql(users.url, CONFIRM_EMAIL, { token }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    // Other services hear of each address the account had, in order (users.events).
    const mysql = connectMysql({ url: users.database.url }, schema);
    const [events] = (await mysql.db.execute(
      sql`SELECT type, payload FROM outbox WHERE aggregate_id = ${ada.user.id} ORDER BY seq`,
    )) as unknown as [Array<{ type: string; payload: string | { email: string } }>];
    await mysql.pool.end();
    expect(
      events.map((e) => [
        e.type,
        (typeof e.payload === 'string' ? (JSON.parse(e.payload) as { email: string }) : e.payload)
          .email,
      ]),
    ).toEqual([
      ['UserContactChanged', ada.email],
      ['UserContactChanged', newEmail],
    ]);

    const wrong = await graphql(
      users.url,
      REQUEST_EMAIL,
      { email: `other${Date.now()}@example.com`, current: 'not my password at all' },
      { token: ada.accessToken },
    );
    expect(errorCodes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(wrong.errors?.[0]?.extensions?.['field']).toBe('currentPassword');
  });

  it('lists the user’s sessions and ends one of them, and never another user’s', async () => {
    const ada = await signUp(users.url);
    const laptop = expectData<{ logIn: { accessToken: string; refreshToken: string } }>(
      await graphql(users.url, LOG_IN, { email: ada.email, password: ada.password }),
    ).logIn;
    const { mySessions } = expectData<{
      mySessions: Array<{ id: string; current: boolean; startedAt: string }>;
    }>(await graphql(users.url, SESSIONS, {}, { token: ada.accessToken }));
    expect(mySessions).toHaveLength(2);
    const current = mySessions.find((s) => s.current);
    expect(current?.id).toBe(sessionIdOf(ada.accessToken));
    const laptopId = sessionIdOf(laptop.accessToken);
    expect(mySessions.map((s) => s.id)).toContain(laptopId);

    // Another user cannot end it, even knowing its id.
    const mallory = await signUp(users.url);
    expect(
      expectData(
        await graphql(users.url, REVOKE, { id: laptopId }, { token: mallory.accessToken }),
      ),
    ).toEqual({ revokeSession: false });
    expectData(await graphql(users.url, ME, {}, { token: laptop.accessToken }));

    expect(
      expectData(await graphql(users.url, REVOKE, { id: laptopId }, { token: ada.accessToken })),
    ).toEqual({ revokeSession: true });
    expect(errorCodes(await graphql(users.url, ME, {}, { token: laptop.accessToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(errorCodes(await graphql(users.url, REFRESH, { token: laptop.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expectData(await graphql(users.url, ME, {}, { token: ada.accessToken }));
    const after = expectData<{ mySessions: unknown[] }>(
      await graphql(users.url, SESSIONS, {}, { token: ada.accessToken }),
    );
    expect(after.mySessions).toHaveLength(1);
  });
});
