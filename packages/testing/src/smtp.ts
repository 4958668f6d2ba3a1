import { SMTPServer } from 'smtp-server';
import { freePort } from './ports.ts';

/** A message as the SMTP server received it: the envelope's recipients and the raw text. */
export interface CapturedMail {
  to: string;
  raw: string;
}

export interface SmtpCapture {
  /** `smtp://127.0.0.1:<port>`, for a service's SMTP_URL. */
  url: string;
  /** Every message received so far, in order. */
  mails: CapturedMail[];
  /**
   * The messages to one address so far, their soft line breaks and `=3D` undone (nodemailer
   * sends long lines quoted-printable), so a link in the text can be matched whole.
   */
  textsTo(address: string): string[];
  /**
   * Refuses the next `times` messages to this address (451, a temporary failure the sender is
   * to retry), as a mail server that is briefly down would; each refusal counts in `refused`.
   */
  failNext(address: string, times: number): void;
  /** How many messages to each address were refused so far. */
  refused: Map<string, number>;
  stop(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on a free loopback port that keeps what it receives: what a
 * service sends through its mailer, read back by the test. No TLS, no authentication.
 */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const mails: CapturedMail[] = [];
  const failing = new Map<string, number>();
  const refused = new Map<string, number>();
  const port = await freePort();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onRcptTo(address, _session, callback) {
      const left = failing.get(address.address) ?? 0;
      if (left <= 0) return callback();
      failing.set(address.address, left - 1);
      refused.set(address.address, (refused.get(address.address) ?? 0) + 1);
      callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    textsTo: (address) =>
      mails
        .filter((m) => m.to === address)
        .map((m) => m.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=')),
    failNext: (address, times) => void failing.set(address, times),
    refused,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
