import { pino, type DestinationStream, type Logger } from 'pino';
import { redactText, serializeError } from './redact.ts';
import { currentRequestId } from './requestScope.ts';

export type { Logger };

/** Paths whose values never reach a log line. */
const REDACTED = [
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'apiKey',
  'authorization',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  '*.apiKey',
  '*.authorization',
  '*.variables.password',
  '*.variables.refreshToken',
  'headers.authorization',
  'headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'connectionParams.authorization',
];

/**
 * JSON lines on stdout (or `destination`), with every path above censored, errors reduced to
 * fields that hold no data, secrets cut out of messages (`redact.ts`), and the `requestId` of
 * the request being served (`requestScope.ts`).
 */
export function createLogger(
  service: string,
  level = 'info',
  destination?: DestinationStream,
): Logger {
  const options = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACTED, censor: '[redacted]' },
    // Every line written while a request is served names it (the gateway's x-request-id).
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    serializers: { err: serializeError, error: serializeError, cause: serializeError },
    hooks: {
      logMethod(args: unknown[], method: (...args: unknown[]) => void) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg)),
        );
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
