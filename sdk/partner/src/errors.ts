/** One error of a GraphQL answer, as the gateway sends it. */
export interface PartnerGraphQLError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { readonly [key: string]: unknown };
}

const codeOf = (error: PartnerGraphQLError | undefined): string | undefined => {
  const code = error?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * The graph refused or failed a call. `code` is the first error's code (`FORBIDDEN` for a scope
 * the key lacks, `UNAUTHENTICATED` for a bad, revoked or expired key, `BAD_USER_INPUT`,
 * `PERSISTED_QUERY_NOT_FOUND` when the gateway does not know this SDK's operation, …);
 * `errors` are all of them; `data` is what the graph answered besides (partial results), if any.
 * Over HTTP `status` is the response's status; on a live feed `closeCode` is the socket's
 * close code when the gateway closed it (4401: the key was refused or revoked). A gateway that
 * cannot be reached, or does not answer within the time limit, is one too (no code, `cause`).
 */
export class PartnerCallError extends Error {
  override readonly name = 'PartnerCallError';
  readonly code: string | undefined;
  readonly errors: readonly PartnerGraphQLError[];
  readonly data: unknown;
  readonly status: number | undefined;
  readonly closeCode: number | undefined;

  constructor(
    message: string,
    details: {
      code?: string;
      errors?: readonly PartnerGraphQLError[];
      data?: unknown;
      status?: number;
      closeCode?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code ?? codeOf(details.errors?.[0]);
    this.errors = details.errors ?? [];
    this.data = details.data;
    this.status = details.status;
    this.closeCode = details.closeCode;
  }
}

/** A GraphQL answer's errors as one PartnerCallError (the first error names it). */
export function errorFromAnswer(
  errors: readonly PartnerGraphQLError[],
  data: unknown,
  status?: number,
): PartnerCallError {
  const [first] = errors;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  const code = codeOf(first);
  return new PartnerCallError(`${code ? `${code}: ` : ''}${first?.message ?? 'error'}${more}`, {
    errors,
    data,
    ...(status === undefined ? {} : { status }),
  });
}
