import { useEffect } from 'react';

/** The graph's one pagination shape, as far as the app reads it. */
export interface PageOf<T> {
  edges: ReadonlyArray<{ node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** The nodes of a connection (none while it is not loaded). */
export const nodesOf = <T>(connection: PageOf<T> | null | undefined): T[] =>
  connection?.edges.map((edge) => edge.node) ?? [];

/** Asks for the page after a connection's last one (the cache's relay policy appends it). */
export function nextPage<T>(
  connection: PageOf<T> | null | undefined,
  fetchMore: (options: { variables: { after: string } }) => Promise<unknown>,
): Promise<unknown> | undefined {
  const { hasNextPage, endCursor } = connection?.pageInfo ?? {};
  return hasNextPage && endCursor ? fetchMore({ variables: { after: endCursor } }) : undefined;
}

/**
 * Loads a connection's pages one after another until its end: for screens that work on the
 * whole list (a pool's members, the pools a picker offers), each request still one page.
 */
export function useEveryPage<T>(
  connection: PageOf<T> | null | undefined,
  fetchMore: (options: { variables: { after: string } }) => Promise<unknown>,
): void {
  const cursor = connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  useEffect(() => {
    if (cursor) void fetchMore({ variables: { after: cursor } }).catch(() => undefined);
  }, [cursor, fetchMore]);
}
