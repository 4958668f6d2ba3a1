import { createHash } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { peerFetch } from '@poolgraph/platform';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  data?: TData | null;
  errors?: GraphQLFormattedError[];
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Send only the operation's id (Apollo's persistedQuery extension), as partner keys must. */
  persisted?: boolean;
}

/**
 * Posts one GraphQL operation over real HTTP, as a client would; https:// is verified against
 * the CA this process trusts (`trustPeerCa`: a TLS stack's).
 */
export async function graphql<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<GraphQLResponse<TData>> {
  const response = await peerFetch(url.endsWith('/graphql') ? url : `${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify(
      options.persisted
        ? {
            variables,
            extensions: {
              persistedQuery: {
                version: 1,
                sha256Hash: createHash('sha256').update(query).digest('hex'),
              },
            },
          }
        : { query, variables },
    ),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<TData>, 'status'>;
  return { status: response.status, ...body };
}

/** The codes of a response's errors, for assertions. */
export const errorCodes = (response: GraphQLResponse<unknown>): unknown[] =>
  (response.errors ?? []).map((e) => e.extensions?.code);

/** Fails loudly with the errors when an operation that should succeed did not. */
export function expectData<TData>(response: GraphQLResponse<TData>): TData {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors ?? response)}`);
  }
  return response.data;
}
