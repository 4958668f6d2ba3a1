import { decodeCursor as decodePlatformCursor, encodeCursor, isUuid } from '@poolgraph/platform';
import type { TransactionConnectionResolvers } from '../__generated__/resolvers.ts';

/** Transaction cursors: the graph's opaque cursor of kind "tx" over the id (UUIDv7, newest first). */
const KIND = 'tx';
const cursorOf = (id: string): string => encodeCursor(KIND, [id]);

/** The transaction id a cursor holds; BAD_USER_INPUT "after" for any other string. */
export const decodeCursor = (cursor: string): string =>
  decodePlatformCursor(cursor, KIND, ([id, ...rest]) =>
    id !== undefined && rest.length === 0 && isUuid(id) ? id : null,
  );

export const TransactionConnection: TransactionConnectionResolvers = {
  edges: (page) => page.rows.map((node) => ({ cursor: cursorOf(node.id), node })),
  nodes: (page) => page.rows,
  pageInfo: (page) => {
    const first = page.rows[0];
    const last = page.rows[page.rows.length - 1];
    return {
      hasNextPage: page.hasNextPage,
      endCursor: last ? cursorOf(last.id) : null,
      hasPreviousPage: page.hasPreviousPage ?? false,
      startCursor: first ? cursorOf(first.id) : null,
    };
  },
};
