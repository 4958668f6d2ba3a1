import { Pool } from 'undici';
import type { GraphQLResponse } from '@poolgraph/testing';

/**
 * A cheap load generator: undici's request API over a fixed keep-alive pool. The load runs on
 * the same two cores as the system under test, so what the client costs is taken from it
 * (fetch's web streams cost the bench process about a quarter of a core).
 */
export function createGraphQLClient(url: string, connections = 64) {
  const { origin, pathname } = new URL(url);
  const pool = new Pool(origin, { connections, keepAliveTimeout: 30_000 });
  return {
    async call<T>(
      query: string,
      variables: Record<string, unknown>,
      token?: string,
    ): Promise<GraphQLResponse<T>> {
      const response = await pool.request({
        path: pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.body.json()) as Omit<GraphQLResponse<T>, 'status'>;
      return { status: response.statusCode, ...body };
    },
    close: () => pool.close(),
  };
}
