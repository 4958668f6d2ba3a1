import type { Logger, Mailer } from '@poolgraph/platform';
import type { InvitationRow } from '../data/invitations.ts';

/** Sends an EMAIL invitation, when the platform has a mailer (SMTP_URL); otherwise nothing. */
export interface InvitationMail {
  send(invitation: InvitationRow): Promise<void>;
}

/** A pool name is the manager's text: one line, bounded, before it goes into a subject. */
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ').slice(0, 120);

/**
 * Best effort, after the invitation committed: the invitation exists whether or not the mail
 * goes out (the investor sees it in the app after logging in with that email), so a failing
 * SMTP server is logged, never the manager's error.
 */
export function createInvitationMail(
  mailer: Mailer | undefined,
  appUrl: string,
  log: Logger,
): InvitationMail {
  return {
    async send(invitation) {
      if (!mailer || !invitation.email) return;
      const name = oneLine(invitation.poolName);
      try {
        await mailer.send({
          to: invitation.email,
          subject: `You are invited to invest in ${name}`,
          text: [
            `You have been invited to join the pool "${name}" on Poolgraph.`,
            `Log in (or sign up as an investor) with this email address, then open your invitations:`,
            `${appUrl.replace(/\/$/, '')}/invitations`,
            `The invitation expires on ${invitation.expiresAt.toISOString().slice(0, 10)} (UTC).`,
          ].join('\n\n'),
        });
      } catch (error) {
        log.warn({ err: error, invitationId: invitation.id }, 'could not send an invitation email');
      }
    },
  };
}
