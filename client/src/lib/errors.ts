import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

export interface FormErrors {
  /** Messages for named fields (the server's `extensions.field`, last segment: "amount"). */
  fields: Record<string, string>;
  /** What belongs to no field the form shows: FORBIDDEN, CONFLICT, a network failure. */
  form?: string;
  /** The standard codes (`extensions.code`) of the errors in `form`: CONFLICT, FORBIDDEN … */
  codes?: string[];
  /** The request never got an answer (network, gateway down): trying again may work. */
  retryable: boolean;
}

const NETWORK_MESSAGE = 'The server could not be reached. Check your connection and try again.';

/** A request that failed before the API could answer it. */
export function isNetworkFailure(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return false;
  if (ServerError.is(error)) return error.statusCode >= 500 || error.statusCode === 429;
  return error instanceof Error && /fetch|network|load failed/i.test(error.message);
}

/**
 * Splits a failed request's errors into the fields they name and the rest. `shownFields` are
 * the fields the form has: an error naming any other field goes to the top of the form, so no
 * server error is ever lost (a rule on a field the form does not show is still read).
 */
export function formErrors(error: unknown, shownFields?: readonly string[]): FormErrors {
  const codes: string[] = [];
  const result: FormErrors = { fields: {}, codes, retryable: false };
  if (!error) return result;
  if (CombinedGraphQLErrors.is(error)) {
    const rest: string[] = [];
    for (const e of error.errors) {
      const field = e.extensions?.field;
      const name = typeof field === 'string' ? (field.split('.').pop() ?? field) : undefined;
      if (typeof field === 'string' && name && (!shownFields || shownFields.includes(name))) {
        // "amount: must be greater than zero." reads better beside the field as the sentence.
        const message = e.message.startsWith(`${field}: `)
          ? e.message.slice(field.length + 2)
          : e.message;
        result.fields[name] = message.charAt(0).toUpperCase() + message.slice(1);
      } else {
        rest.push(e.message);
        const code = e.extensions?.code;
        if (typeof code === 'string' && !codes.includes(code)) codes.push(code);
      }
    }
    if (rest.length) result.form = rest.join(' ');
    result.retryable = error.errors.some((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
  } else if (isNetworkFailure(error)) {
    result.form = NETWORK_MESSAGE;
    result.retryable = true;
  } else {
    result.form = error instanceof Error ? error.message : String(error);
  }
  return result;
}

/** A screen an emailed link opens has no field to show a message beside: all go at the top. */
export function linkErrors(error: unknown): FormErrors {
  const errors = formErrors(error, ['token']);
  return { ...errors, form: errors.form ?? errors.fields.token };
}

/** A fresh idempotency key for one user action (a retry of the same action reuses it). */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
