import type { GraphQLResponse } from '@poolgraph/testing';
import { expect } from 'vitest';

/** The graph's one pagination shape, as the connection tests read it. */
export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
  hasPreviousPage: boolean;
  startCursor: string | null;
}
export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
}

/** The selection of every pageInfo field. */
export const PAGE = 'pageInfo { hasNextPage endCursor hasPreviousPage startCursor }';

/** Each error's code and the argument it names (`extensions.field`). */
export const field = (r: GraphQLResponse<unknown>) =>
  (r.errors ?? []).map((e) => [e.extensions?.code, (e.extensions as { field?: string })?.field]);

/**
 * Every page of a connection, `size` at a time, following endCursor; checks each pageInfo on
 * the way (start and end cursors are the edges', hasPreviousPage after the first page).
 */
export async function everyPage<T>(
  size: number,
  read: (after: string | null) => Promise<Connection<T>>,
): Promise<{ nodes: T[]; pages: number }> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (let pages = 1; pages < 100; pages++) {
    const page = await read(after);
    expect(page.edges.length).toBeLessThanOrEqual(size);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return { nodes, pages };
    expect(page.edges).toHaveLength(size);
    after = page.pageInfo.endCursor;
  }
  throw new Error('the connection never ended');
}
