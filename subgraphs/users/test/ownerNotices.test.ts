import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCodes,
  eventually,
  graphql,
  startSmtpCapture,
  type SmtpCapture,
} from '@poolgraph/testing';
import { SIGN_UP, signUp, startUsers, type UsersUnderTest } from './helpers.ts';

// A real SMTP server (smtp-server) receives what the users subgraph sends through nodemailer.
let smtp: SmtpCapture;
let users: UsersUnderTest;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  users = await startUsers({ smtpUrl: smtp.url });
});
afterAll(async () => {
  await users?.stop();
  await smtp?.stop();
});

describe('notices to an account’s owner', () => {
  it('emails the owner when someone signs up with their registered address, and nobody for a fresh one', async () => {
    const owner = await signUp(users.url);
    const attempt = await graphql(users.url, SIGN_UP, {
      input: {
        email: owner.email.toUpperCase(),
        password: 'a stranger’s password',
        name: 'Stranger',
        role: 'MANAGER',
      },
    });
    expect(errorCodes(attempt)).toEqual(['CONFLICT']);
    const notice = await eventually(async () => {
      const found = smtp.mails.filter((m) => m.to === owner.email);
      expect(found).toHaveLength(1);
      return found[0]!;
    });
    expect(notice.raw).toContain('Someone tried to create a Poolgraph account');
    expect(notice.raw).not.toContain('a stranger’s password');
    // The fresh sign-up itself sent nothing.
    expect(smtp.mails.filter((m) => m.to !== owner.email)).toEqual([]);
  });
});
