import { peerFetch } from '@poolgraph/platform';

/** A signed-in session, as the seed and the benchmarks use it. */
export type Auth = { accessToken: string; user: { id: string } };

/** One GraphQL operation over HTTP; GraphQL errors throw, with the first error's code. */
export async function call<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const response = await peerFetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: T;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  if (body.errors?.length) {
    const error = new Error(body.errors.map((e) => e.message).join('; ')) as Error & {
      code?: string;
    };
    error.code = body.errors[0]?.extensions?.code;
    throw error;
  }
  return body.data as T;
}
