/**
 * Secrets that can sit inside text we did not write: database drivers put the SQL parameters
 * in their messages (drizzle: "Failed query: … params: ann@example.com,$argon2id$…"; MySQL:
 * "Duplicate entry 'ann@example.com'"), and a failed signing-key insert would carry a private
 * JWK. Whatever the message says, these are cut out before a line is written.
 */
const PATTERNS: Array<[RegExp, string]> = [
  // drizzle's parameter list, up to the stack trace that may follow it
  [/\bparams: [\s\S]*?(?=\n\s+at |$)/g, 'params: [redacted]'],
  // MySQL quotes the offending value in several messages
  [/(Duplicate entry |Incorrect \w+ value: |for column .*? value )'[^']*'/g, "$1'[redacted]'"],
  [/\$argon2(id|i|d)\$[^\s,'"]+/g, '[redacted]'],
  // a private JWK's secret members
  [/(\\?"(?:d|p|q|dp|dq|qi|k)\\?"\s*:\s*\\?")[^"\\]+/g, '$1[redacted]'],
  [/\bBearer\s+[\w.~+/-]+=*/gi, 'Bearer [redacted]'],
  // partner API key secrets
  [/\bpgk_[\w-]{8,}/g, 'pgk_[redacted]'],
];

export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  code?: unknown;
  errno?: unknown;
  sqlState?: unknown;
  cause?: unknown;
}

/**
 * An error as a log line shows it: only fields known to hold no data (so no `sql`, `params`,
 * `values` or driver extras), with its message, stack and cause chain redacted.
 */
export function serializeError(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (!(value instanceof Error)) return value;
  const error = value as Error & { code?: unknown; errno?: unknown; sqlState?: unknown };
  const serialized: SerializedError = {
    type: error.constructor?.name ?? 'Error',
    message: redactText(error.message),
  };
  if (error.stack) serialized.stack = redactText(error.stack);
  for (const field of ['code', 'errno', 'sqlState'] as const) {
    if (typeof error[field] === 'string' || typeof error[field] === 'number') {
      serialized[field] = error[field];
    }
  }
  // A GraphQLError wraps what a resolver threw as `originalError`.
  const cause = error.cause ?? (error as { originalError?: unknown }).originalError;
  if (cause !== undefined && depth < 5) serialized.cause = serializeError(cause, depth + 1);
  return serialized;
}
