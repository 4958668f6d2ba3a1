import { CombinedGraphQLErrors } from '@apollo/client';

export interface FormErrors {
  /** Messages for named fields (the server's `extensions.field`, last segment: "amount"). */
  fields: Record<string, string>;
  /** What belongs to no field: FORBIDDEN, CONFLICT, INSUFFICIENT_FUNDS, a network failure. */
  form?: string;
}

/** Splits a failed mutation's errors into the fields they name and the rest. */
export function formErrors(error: unknown): FormErrors {
  const result: FormErrors = { fields: {} };
  if (CombinedGraphQLErrors.is(error)) {
    const rest: string[] = [];
    for (const e of error.errors) {
      const field = e.extensions?.field;
      if (typeof field === 'string') {
        const name = field.split('.').pop() ?? field;
        // "amount: must be greater than zero." reads better beside the field as the sentence.
        const message = e.message.startsWith(`${field}: `)
          ? e.message.slice(field.length + 2)
          : e.message;
        result.fields[name] = message.charAt(0).toUpperCase() + message.slice(1);
      } else rest.push(e.message);
    }
    if (rest.length) result.form = rest.join(' ');
  } else if (error) {
    result.form =
      error instanceof Error && /fetch|network/i.test(error.message)
        ? 'The server could not be reached. Check your connection and try again.'
        : error instanceof Error
          ? error.message
          : String(error);
  }
  return result;
}

/** A fresh idempotency key for one user action (a retry of the same action reuses it). */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
