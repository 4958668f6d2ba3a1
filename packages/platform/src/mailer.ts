import { createTransport, type Transporter } from 'nodemailer';

/** Email out of a service: alerts' notifications, users' notices to an account's owner. */
export interface Mailer {
  send(message: {
    to: string;
    subject: string;
    text: string;
    headers?: Record<string, string>;
  }): Promise<void>;
  close(): void;
}

/** SMTP through nodemailer (`smtp://user:pass@host:port`, or `smtps://`). */
export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport: Transporter = createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    close: () => transport.close(),
  };
}
