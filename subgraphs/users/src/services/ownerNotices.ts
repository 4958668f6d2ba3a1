import type { Logger, Mailer } from '@poolgraph/platform';

/** Emails to an account's owner about what others did with their address. */
export interface OwnerNotices {
  /** Someone tried to sign up with an address that already has an account. */
  signUpAttempted(email: string): void;
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

/**
 * Sent in the background: the sign-up answers without waiting for SMTP, so how long it takes
 * does not tell whether an email was sent. Without SMTP (development) the notice is logged,
 * without the address.
 */
export function createOwnerNotices(mailer: Mailer | undefined, log: Logger): OwnerNotices {
  return {
    signUpAttempted(email) {
      if (!mailer) {
        log.info('sign-up with a registered email; no SMTP_URL, so its owner was not emailed');
        return;
      }
      mailer
        .send({ to: email, ...SIGN_UP_ATTEMPTED })
        .catch((error: unknown) =>
          log.warn({ err: error }, 'the notice of a sign-up with a registered email was not sent'),
        );
    },
  };
}
