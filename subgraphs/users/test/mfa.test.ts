import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMysql } from '@poolgraph/platform';
import {
  errorCodes,
  eventually,
  expectData,
  graphql,
  startSmtpCapture,
  type GraphQLResponse,
  type SmtpCapture,
} from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { upsertAdmin } from '../src/admin.ts';
import { schema } from '../src/db/index.ts';
import { payoutDetails, recoveryCodes, userTotp } from '../src/db/schema.ts';
import { totpCode } from '../src/auth/totp.ts';

// The second factor through the gateway: enrolment, two-step login, recovery codes, step-up and
// its expiry (the users subgraph's clock is moved, nobody sleeps), payout details, and what the
// database holds. Administrators must have a second factor here, as in production.
let stack: Stack;
let smtp: SmtpCapture;
/** How far the users subgraph's clock is ahead of (or behind) the real one. */
let offsetMs = 0;
const now = () => Date.now() + offsetMs;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  stack = await startStack({
    without: ['alerts', 'reports'],
    serviceConfig: { users: { clock: now, adminsMustEnrol: true, smtpUrl: smtp.url } },
  });
});
afterAll(async () => {
  await stack?.stop();
  await smtp?.stop();
});

const gql = <T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
) => graphql<T>(stack.gatewayUrl, query, variables, token ? { token } : {});
const useOf = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.['use'];

const START = 'mutation { startTotpEnrolment { secret uri } }';
const CONFIRM = `mutation C($code: String!) {
  confirmTotpEnrolment(code: $code) { recoveryCodes session { accessToken refreshToken } } }`;
const LOG_IN = `mutation L($email: String!, $password: String!) {
  logIn(email: $email, password: $password) { accessToken } }`;
const START_LOG_IN = `mutation S($email: String!, $password: String!) {
  startLogIn(email: $email, password: $password) {
    __typename
    ... on AuthPayload { accessToken refreshToken }
    ... on SecondFactorChallenge { challenge expiresAt } } }`;
const FINISH = `mutation F($challenge: String!, $code: String!) {
  finishLogIn(challenge: $challenge, code: $code) { accessToken refreshToken user { id } } }`;
const STEP_UP = 'mutation U($code: String!) { stepUp(code: $code) { accessToken validUntil } }';
const STATUS = `{ me { roles secondFactor { enabled mustEnrol requiredForSensitiveOperations
  requireSetting recoveryCodesLeft } payoutDetails { accountHolder maskedIban ibanLast4 bic } } }`;
const SET_PAYOUT = `mutation P($input: PayoutDetailsInput!) {
  setPayoutDetails(input: $input) { accountHolder maskedIban ibanLast4 bic } }`;
const CONFIRM_PAYOUT = 'mutation X($t: ID!) { confirmPayout(transactionId: $t) { id } }';
const IBAN = 'DE89 3704 0044 0532 0130 00';
const ACCOUNT = { accountHolder: 'Ann Investor', iban: IBAN, bic: 'COBADEFFXXX' };

interface Enrolled extends TestUser {
  secret: string;
  recoveryCodes: string[];
}

/** Signs up (or takes) a user and turns TOTP on; the token is the fresh session's. */
async function enrol(user: TestUser): Promise<Enrolled> {
  const started = expectData(
    await gql<{ startTotpEnrolment: { secret: string; uri: string } }>(START, {}, user.token),
  ).startTotpEnrolment;
  const { confirmTotpEnrolment } = expectData(
    await gql<{
      confirmTotpEnrolment: {
        recoveryCodes: string[];
        session: { accessToken: string; refreshToken: string };
      };
    }>(CONFIRM, { code: totpCode(started.secret, now()) }, user.token),
  );
  return {
    ...user,
    token: confirmTotpEnrolment.session.accessToken,
    refreshToken: confirmTotpEnrolment.session.refreshToken,
    secret: started.secret,
    recoveryCodes: confirmTotpEnrolment.recoveryCodes,
  };
}

async function challengeFor(user: TestUser): Promise<string> {
  const step = expectData(
    await gql<{ startLogIn: { __typename: string; challenge: string } }>(START_LOG_IN, {
      email: user.email,
      password: user.password,
    }),
  ).startLogIn;
  expect(step.__typename).toBe('SecondFactorChallenge');
  return step.challenge;
}

/** The next 30-second step: a code the user has not used yet. */
const nextStep = () => void (offsetMs += 30_000);

describe('TOTP enrolment and login', () => {
  it('enrols with a QR-code URI and a first code, then logs in with a code in two steps', async () => {
    const ann = await stack.signUp('INVESTOR');
    const started = expectData(
      await gql<{ startTotpEnrolment: { secret: string; uri: string } }>(START, {}, ann.token),
    ).startTotpEnrolment;
    expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.uri).toContain(`otpauth://totp/Poolgraph:${encodeURIComponent(ann.email)}?`);
    expect(started.uri).toContain(`secret=${started.secret}`);

    const code = totpCode(started.secret, now());
    const wrongCode = String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');
    const wrong = await gql(CONFIRM, { code: wrongCode }, ann.token);
    expect(errorCodes(wrong)).toEqual(['BAD_USER_INPUT']);
    const enabled = expectData(
      await gql<{
        confirmTotpEnrolment: { recoveryCodes: string[]; session: { accessToken: string } };
      }>(CONFIRM, { code }, ann.token),
    ).confirmTotpEnrolment;
    expect(enabled.recoveryCodes).toHaveLength(10);
    expect(new Set(enabled.recoveryCodes).size).toBe(10);
    // Turning it on ended every other session, the one it was turned on from included.
    await eventually(async () =>
      expect(errorCodes(await gql(STATUS, {}, ann.token))).toEqual(['UNAUTHENTICATED']),
    );
    const status = expectData(
      await gql<{ me: { secondFactor: { enabled: boolean; recoveryCodesLeft: number } } }>(
        STATUS,
        {},
        enabled.session.accessToken,
      ),
    );
    expect(status.me.secondFactor).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });

    // The old one-step login now says which mutation to use, after the password only.
    const old = await gql(LOG_IN, { email: ann.email, password: ann.password });
    expect(errorCodes(old)).toEqual(['FORBIDDEN']);
    expect(useOf(old)).toBe('startLogIn');
    const wrongPassword = await gql(LOG_IN, { email: ann.email, password: 'not the password!' });
    expect(errorCodes(wrongPassword)).toEqual(['UNAUTHENTICATED']);

    const challenge = await challengeFor(ann);
    // The code that turned TOTP on was accepted once: it cannot be replayed.
    const replayed = await gql(FINISH, { challenge, code });
    expect(errorCodes(replayed)).toEqual(['BAD_USER_INPUT']);
    nextStep();
    const fresh = totpCode(started.secret, now());
    const finished = expectData(
      await gql<{ finishLogIn: { accessToken: string; user: { id: string } } }>(FINISH, {
        challenge,
        code: fresh,
      }),
    ).finishLogIn;
    expect(finished.user.id).toBe(ann.userId);
    // The challenge works once, and the code once.
    expect(errorCodes(await gql(FINISH, { challenge, code: fresh }))).toEqual(['UNAUTHENTICATED']);
    const again = await challengeFor(ann);
    expect(errorCodes(await gql(FINISH, { challenge: again, code: fresh }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await gql(FINISH, { challenge: 'made-up', code: fresh }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('throttles wrong codes like passwords', async () => {
    const bob = await enrol(await stack.signUp('INVESTOR'));
    const challenge = await challengeFor(bob);
    const answers: unknown[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      answers.push(
        errorCodes(await gql(FINISH, { challenge: await challengeFor(bob), code: '123456' }))[0],
      );
    }
    expect(answers.slice(0, 5)).toEqual(Array(5).fill('BAD_USER_INPUT'));
    expect(answers[5]).toBe('RATE_LIMITED');
    // The right code from the same place is refused too until the window passes.
    nextStep();
    const right = await gql(FINISH, { challenge, code: totpCode(bob.secret, now()) });
    expect(errorCodes(right)).toEqual(['RATE_LIMITED']);
  });

  it('takes each recovery code once, in place of a TOTP code', async () => {
    const cy = await enrol(await stack.signUp('INVESTOR'));
    const [first] = cy.recoveryCodes;
    expect(first).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    const session = expectData(
      await gql<{ finishLogIn: { accessToken: string } }>(FINISH, {
        challenge: await challengeFor(cy),
        code: first!.toLowerCase().replaceAll('-', ' '),
      }),
    ).finishLogIn;
    const spent = await gql(FINISH, { challenge: await challengeFor(cy), code: first });
    expect(errorCodes(spent)).toEqual(['BAD_USER_INPUT']);
    const status = expectData(
      await gql<{ me: { secondFactor: { recoveryCodesLeft: number } } }>(
        STATUS,
        {},
        session.accessToken,
      ),
    );
    expect(status.me.secondFactor.recoveryCodesLeft).toBe(9);
  });
});

describe('step-up', () => {
  it('lets payout details change within 5 minutes of a code, then asks again', async () => {
    const dee = await enrol(await stack.signUp('INVESTOR'));
    const set = expectData(
      await gql<{ setPayoutDetails: Record<string, string> }>(
        SET_PAYOUT,
        { input: ACCOUNT },
        dee.token,
      ),
    ).setPayoutDetails;
    expect(set).toEqual({
      accountHolder: 'Ann Investor',
      maskedIban: 'DE•• •••• 3000',
      ibanLast4: '3000',
      bic: 'COBADEFFXXX',
    });
    const notice = await eventually(async () => {
      const [mail] = smtp.textsTo(dee.email).filter((text) => text.includes('payout details'));
      expect(mail).toBeDefined();
      return mail!;
    });
    expect(notice).toContain('ending in 3000');

    offsetMs += 5 * 60_000 + 1_000;
    const stale = await gql(SET_PAYOUT, { input: ACCOUNT }, dee.token);
    expect(errorCodes(stale)).toEqual(['FORBIDDEN']);
    expect(useOf(stale)).toBe('stepUp');
    expect(stale.errors?.[0]?.message).toMatch(/second factor/);

    expect(errorCodes(await gql(STEP_UP, { code: '999999' }, dee.token))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const stepped = expectData(
      await gql<{ stepUp: { accessToken: string; validUntil: string } }>(
        STEP_UP,
        { code: totpCode(dee.secret, now()) },
        dee.token,
      ),
    ).stepUp;
    expect(Math.abs(Date.parse(stepped.validUntil) - (now() + 300_000))).toBeLessThan(5_000);
    expectData(await gql(SET_PAYOUT, { input: ACCOUNT }, stepped.accessToken));
    // A refreshed access token keeps the session's proof (it rides on the refresh token).
    const { refreshSession } = expectData(
      await gql<{ refreshSession: { accessToken: string } }>(
        'mutation R($t: String!) { refreshSession(refreshToken: $t) { accessToken } }',
        { t: dee.refreshToken },
      ),
    );
    expectData(await gql(SET_PAYOUT, { input: ACCOUNT }, refreshSession.accessToken));
    offsetMs = 0;
  });

  it('refuses a bad IBAN, BIC or holder, naming the field, and shows details only to owner and admins', async () => {
    const eve = await stack.signUp('INVESTOR');
    const other = await stack.signUp('INVESTOR');
    const bad = async (input: Record<string, string>) =>
      (await gql(SET_PAYOUT, { input: { ...ACCOUNT, ...input } }, eve.token)).errors?.[0]
        ?.extensions;
    expect(await bad({ iban: 'DE88 3704 0044 0532 0130 00' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.iban',
    });
    expect(await bad({ bic: 'nope' })).toMatchObject({ field: 'input.bic' });
    expect(await bad({ accountHolder: ' ' })).toMatchObject({ field: 'input.accountHolder' });
    // Without a second factor (none enrolled, none asked for) no step-up is needed.
    expectData(await gql(SET_PAYOUT, { input: ACCOUNT }, eve.token));
    const seen = expectData(
      await gql<{ user: { payoutDetails: unknown; secondFactor: unknown } }>(
        'query U($id: ID!) { user(id: $id) { payoutDetails { ibanLast4 } secondFactor { enabled } } }',
        { id: eve.userId },
        other.token,
      ),
    );
    expect(seen.user).toEqual({ payoutDetails: null, secondFactor: null });
    const anonymous = await gql(SET_PAYOUT, { input: ACCOUNT });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('makes confirmPayout in the ledger need a recent second factor', async () => {
    const manager = await stack.signUp('MANAGER');
    const unknownPayout = '01900000-0000-7000-8000-000000000000';
    // No second factor: the step-up check lets it through to the lookup.
    expect(errorCodes(await gql(CONFIRM_PAYOUT, { t: unknownPayout }, manager.token))).toEqual([
      'NOT_FOUND',
    ]);
    offsetMs = -10 * 60_000;
    const enrolled = await enrol(manager);
    const stale = await gql(CONFIRM_PAYOUT, { t: unknownPayout }, enrolled.token);
    expect(errorCodes(stale)).toEqual(['FORBIDDEN']);
    expect(useOf(stale)).toBe('stepUp');
    offsetMs = 0;
    const { stepUp } = expectData(
      await gql<{ stepUp: { accessToken: string } }>(
        STEP_UP,
        { code: totpCode(enrolled.secret, now()) },
        enrolled.token,
      ),
    );
    expect(errorCodes(await gql(CONFIRM_PAYOUT, { t: unknownPayout }, stepUp.accessToken))).toEqual(
      ['NOT_FOUND'],
    );
  });

  it('honours the "require a second factor" setting before any is enrolled', async () => {
    const mia = await stack.signUp('MANAGER');
    const on = await gql(
      'mutation { setSecondFactorRequired(required: true) { secondFactor { requireSetting } } }',
      {},
      mia.token,
    );
    expect(expectData(on)).toEqual({
      setSecondFactorRequired: { secondFactor: { requireSetting: true } },
    });
    const refused = await gql(SET_PAYOUT, { input: ACCOUNT }, mia.token);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors?.[0]?.message).toMatch(/none yet/);
    // Other services learn it from the next access token.
    const { refreshSession } = expectData(
      await gql<{ refreshSession: { accessToken: string } }>(
        'mutation R($t: String!) { refreshSession(refreshToken: $t) { accessToken } }',
        { t: mia.refreshToken },
      ),
    );
    const payout = await gql(
      CONFIRM_PAYOUT,
      { t: '01900000-0000-7000-8000-000000000000' },
      refreshSession.accessToken,
    );
    expect(useOf(payout)).toBe('stepUp');
    const off = await gql(
      'mutation { setSecondFactorRequired(required: false) { id } }',
      {},
      refreshSession.accessToken,
    );
    expect(useOf(off)).toBe('stepUp');
  });
});

describe('administrators', () => {
  it('must enrol: until then their tokens carry no ADMIN role; after, API keys need a step-up', async () => {
    const email = `admin-mfa-${Date.now()}@test.poolgraph.dev`;
    const password = 'an admin passphrase';
    const mysql = connectMysql({ url: stack.databases.users!.url }, schema);
    try {
      await upsertAdmin(mysql.db, { email, password });
    } finally {
      await mysql.close();
    }
    const { logIn } = expectData(
      await gql<{ logIn: { accessToken: string } }>(LOG_IN, { email, password }),
    );
    const me = expectData(
      await gql<{
        me: { roles: string[]; secondFactor: { enabled: boolean; mustEnrol: boolean } };
      }>(STATUS, {}, logIn.accessToken),
    ).me;
    expect(me.roles).toEqual(['ADMIN']);
    expect(me.secondFactor).toMatchObject({ enabled: false, mustEnrol: true });
    const KEY = 'mutation { createApiKey(name: "k", scopes: ["pools:read"]) { secret } }';
    const before = await gql(KEY, {}, logIn.accessToken);
    expect(errorCodes(before)).toEqual(['FORBIDDEN']);
    expect(before.errors?.[0]?.message).toMatch(/ADMIN/);

    const admin = await enrol({
      token: logIn.accessToken,
      refreshToken: '',
      userId: '',
      email,
      password,
    });
    expectData(await gql(KEY, {}, admin.token));
    const disable = await gql(
      'mutation D($p: String!, $c: String!) { disableTotp(password: $p, code: $c) { id } }',
      { p: password, c: admin.recoveryCodes[0] },
      admin.token,
    );
    expect(errorCodes(disable)).toEqual(['FORBIDDEN']);
    offsetMs += 6 * 60_000;
    const late = await gql(KEY, {}, admin.token);
    expect(useOf(late)).toBe('stepUp');
    offsetMs = 0;
  });
});

describe('at rest', () => {
  it('keeps no TOTP secret, recovery code or IBAN in plaintext', async () => {
    const fay = await enrol(await stack.signUp('INVESTOR'));
    nextStep();
    const { stepUp } = expectData(
      await gql<{ stepUp: { accessToken: string } }>(
        STEP_UP,
        { code: totpCode(fay.secret, now()) },
        fay.token,
      ),
    );
    expectData(await gql(SET_PAYOUT, { input: ACCOUNT }, stepUp.accessToken));
    const mysql = connectMysql({ url: stack.databases.users!.url }, schema);
    try {
      const rows = JSON.stringify([
        await mysql.db.select().from(userTotp),
        await mysql.db.select().from(recoveryCodes),
        await mysql.db.select().from(payoutDetails),
      ]);
      expect(rows).toContain(fay.userId);
      expect(rows).toContain('sealed:v1:');
      expect(rows).not.toContain(fay.secret);
      for (const code of fay.recoveryCodes) {
        expect(rows).not.toContain(code);
        expect(rows).not.toContain(code.replaceAll('-', ''));
      }
      expect(rows).not.toContain('DE89370400440532013000');
      expect(rows).not.toContain('0532 0130');
      expect(rows).not.toContain('COBADEFF');
      expect(rows).not.toContain('Ann Investor');
    } finally {
      await mysql.close();
    }
  });
});
