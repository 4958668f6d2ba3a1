import type { Logger, Mailer } from '@poolgraph/platform';

/** Emails to an account's owner about what others did with their address. */
export interface OwnerNotices {
  /** Someone tried to sign up with an address that already has an account. */
  signUpAttempted(email: string): void;
  /** A sign-up with a fresh address: the link that creates the account. */
  confirmSignUp(email: string, token: string, expiresAt: Date): void;
}

const SIGN_UP_ATTEMPTED = {
  subject: 'Someone tried to create a Poolgraph account with your email address',
  text: [
    'Someone just tried to create a new Poolgraph account with this email address, which',
    'already has an account. No new account was created and yours is unchanged.',
    '',
    'If it was you, log in with your existing account instead.',
    'If it was not you, you need not do anything; nobody was told that you have an account',
    'by this email.',
  ].join('\n'),
};

const confirmSignUpMail = (link: string, expiresAt: Date) => ({
  subject: 'Confirm your email to create your Poolgraph account',
  text: [
    'Someone (we hope you) asked to create a Poolgraph account with this email address.',
    'To create it, open this link:',
    '',
    link,
    '',
    `The link works once, until ${expiresAt.toISOString().replace('T', ' ').slice(0, 16)} UTC.`,
    'If it was not you, ignore this email: no account is created without it.',
  ].join('\n'),
});

/**
 * Sent in the background: the sign-up answers without waiting for SMTP, so how long it takes
 * does not tell whether an email was sent. Without SMTP (development) the notice is logged,
 * without the address.
 */
export function createOwnerNotices(
  mailer: Mailer | undefined,
  log: Logger,
  appUrl: string,
): OwnerNotices {
  function send(to: string, mail: { subject: string; text: string }, what: string) {
    if (!mailer) {
      log.info(`${what}; no SMTP_URL, so nothing was emailed`);
      return;
    }
    mailer
      .send({ to, ...mail })
      .catch((error: unknown) => log.warn({ err: error }, `${what}: the email was not sent`));
  }
  return {
    signUpAttempted(email) {
      send(email, SIGN_UP_ATTEMPTED, 'sign-up with a registered email');
    },
    confirmSignUp(email, token, expiresAt) {
      // The token rides in the fragment: browsers do not send it to any server or in a Referer.
      const link = `${appUrl.replace(/\/+$/, '')}/confirm-sign-up#token=${token}`;
      send(email, confirmSignUpMail(link, expiresAt), 'sign-up confirmation');
    },
  };
}
