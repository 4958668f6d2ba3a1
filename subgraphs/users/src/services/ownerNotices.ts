import type { Logger, Mailer } from '@poolgraph/platform';

/** Emails to the owner of an address about their account, sent by the users subgraph. */
export interface OwnerNotices {
  /** Someone tried to sign up with an address that already has an account. */
  signUpAttempted(email: string): void;
  /** A sign-up with a fresh address: the link that creates the account. */
  confirmSignUp(email: string, token: string, expiresAt: Date): void;
  /** A forgotten password: the link that sets a new one. */
  resetPassword(email: string, token: string, expiresAt: Date): void;
  /** A new address for an account: the link, sent to the new address, that makes it the login. */
  confirmEmailChange(newEmail: string, token: string, expiresAt: Date): void;
  /** To the old address once the change is made, so a hijack does not go unnoticed. */
  emailChanged(oldEmail: string, newEmail: string): void;
  /** After a change or reset of the password: every other session has ended. */
  passwordChanged(email: string): void;
  /** TOTP was turned on (every other session ended) or off. */
  secondFactorChanged(email: string, on: boolean): void;
  /** New payout details: where money goes changed, so a hijack does not go unnoticed. */
  payoutDetailsChanged(email: string, ibanLast4: string): void;
}

const until = (expiresAt: Date) =>
  `The link works once, until ${expiresAt.toISOString().replace('T', ' ').slice(0, 16)} UTC.`;

const MAILS = {
  signUpAttempted: () => ({
    subject: 'Someone tried to create a Poolgraph account with your email address',
    text: [
      'Someone just tried to create a new Poolgraph account with this email address, which',
      'already has an account. No new account was created and yours is unchanged.',
      '',
      'If it was you, log in with your existing account instead.',
      'If it was not you, you need not do anything; nobody was told that you have an account',
      'by this email.',
    ],
  }),
  confirmSignUp: (link: string, expiresAt: Date) => ({
    subject: 'Confirm your email to create your Poolgraph account',
    text: [
      'Someone (we hope you) asked to create a Poolgraph account with this email address.',
      'To create it, open this link:',
      '',
      link,
      '',
      until(expiresAt),
      'If it was not you, ignore this email: no account is created without it.',
    ],
  }),
  resetPassword: (link: string, expiresAt: Date) => ({
    subject: 'Reset your Poolgraph password',
    text: [
      'Someone (we hope you) asked to reset the password of the Poolgraph account with this',
      'email address. To choose a new password, open this link:',
      '',
      link,
      '',
      until(expiresAt),
      'If it was not you, ignore this email: your password stays as it is.',
    ],
  }),
  confirmEmailChange: (link: string, expiresAt: Date) => ({
    subject: 'Confirm your new email address for Poolgraph',
    text: [
      'Someone (we hope you) asked to use this email address for their Poolgraph account.',
      'To make it the address you log in with, open this link:',
      '',
      link,
      '',
      until(expiresAt),
      'If it was not you, ignore this email: nothing changes without it.',
    ],
  }),
  emailChanged: (newEmail: string) => ({
    subject: 'Your Poolgraph email address was changed',
    text: [
      `Your Poolgraph account now logs in with ${newEmail} instead of this address.`,
      'If you did not ask for this, reset your password and contact support at once.',
    ],
  }),
  secondFactorChanged: (on: boolean) => ({
    subject: on
      ? 'A second factor was turned on for your Poolgraph account'
      : 'The second factor of your Poolgraph account was turned off',
    text: on
      ? [
          'Logging in to your Poolgraph account now needs a code from your authenticator app,',
          'and every other session of the account has ended. Keep your recovery codes safe.',
          'If you did not do this, reset your password at once and contact support.',
        ]
      : [
          'Logging in to your Poolgraph account no longer asks for a code from an authenticator app.',
          'If you did not do this, reset your password at once and contact support.',
        ],
  }),
  payoutDetailsChanged: (ibanLast4: string) => ({
    subject: 'Your Poolgraph payout details were changed',
    text: [
      `Payouts from Poolgraph will now go to the bank account ending in ${ibanLast4}.`,
      'If you did not do this, reset your password at once and contact support: payouts',
      'confirmed from now on are sent to the new account.',
    ],
  }),
  passwordChanged: () => ({
    subject: 'Your Poolgraph password was changed',
    text: [
      'The password of your Poolgraph account was just changed, and every other session of',
      'the account has ended.',
      'If you did not do this, reset your password at once and contact support.',
    ],
  }),
};

/**
 * Sent in the background: a request answers without waiting for SMTP, so how long it takes
 * does not tell whether an email was sent. Without SMTP (development) only a line is logged,
 * without the address or the link. Links carry their token in the fragment (`#token=`), which
 * browsers send to no server and in no Referer.
 */
export function createOwnerNotices(
  mailer: Mailer | undefined,
  log: Logger,
  appUrl: string,
): OwnerNotices {
  const link = (path: string, token: string) =>
    `${appUrl.replace(/\/+$/, '')}${path}#token=${token}`;
  function send(to: string, mail: { subject: string; text: string[] }, what: string) {
    if (!mailer) {
      log.info(`${what}; no SMTP_URL, so nothing was emailed`);
      return;
    }
    mailer
      .send({ to, subject: mail.subject, text: mail.text.join('\n') })
      .catch((error: unknown) => log.warn({ err: error }, `${what}: the email was not sent`));
  }
  return {
    signUpAttempted: (email) =>
      send(email, MAILS.signUpAttempted(), 'sign-up with a registered email'),
    confirmSignUp: (email, token, expiresAt) =>
      send(
        email,
        MAILS.confirmSignUp(link('/confirm-sign-up', token), expiresAt),
        'sign-up confirmation',
      ),
    resetPassword: (email, token, expiresAt) =>
      send(email, MAILS.resetPassword(link('/reset-password', token), expiresAt), 'password reset'),
    confirmEmailChange: (newEmail, token, expiresAt) =>
      send(
        newEmail,
        MAILS.confirmEmailChange(link('/confirm-email', token), expiresAt),
        'email change confirmation',
      ),
    emailChanged: (oldEmail, newEmail) =>
      send(oldEmail, MAILS.emailChanged(newEmail), 'email changed'),
    passwordChanged: (email) => send(email, MAILS.passwordChanged(), 'password changed'),
    secondFactorChanged: (email, on) =>
      send(email, MAILS.secondFactorChanged(on), `second factor turned ${on ? 'on' : 'off'}`),
    payoutDetailsChanged: (email, ibanLast4) =>
      send(email, MAILS.payoutDetailsChanged(ibanLast4), 'payout details changed'),
  };
}
