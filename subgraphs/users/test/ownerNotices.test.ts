import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, eventually, freePort, graphql } from '@poolgraph/testing';
import { SIGN_UP, signUp, startUsers, type UsersUnderTest } from './helpers.ts';

// A real SMTP server (smtp-server) receives what the users subgraph sends through nodemailer.
let smtp: SMTPServer;
let users: UsersUnderTest;
const mails: Array<{ to: string; raw: string }> = [];

beforeAll(async () => {
  const smtpPort = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
  users = await startUsers({ smtpUrl: `smtp://127.0.0.1:${smtpPort}` });
});
afterAll(async () => {
  await users?.stop();
  await new Promise((resolve) => smtp?.close(() => resolve(undefined)));
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
      const found = mails.filter((m) => m.to === owner.email);
      expect(found).toHaveLength(1);
      return found[0]!;
    });
    expect(notice.raw).toContain('Someone tried to create a Poolgraph account');
    expect(notice.raw).not.toContain('a stranger’s password');
    // The fresh sign-up itself sent nothing.
    expect(mails.filter((m) => m.to !== owner.email)).toEqual([]);
  });
});
