import { badUserInput, isUuid } from '@poolgraph/platform';
import type { TransactionConnectionResolvers } from '../__generated__/resolvers.ts';

const PREFIX = 'tx:';

/** Cursors are opaque to clients: base64url of the transaction id. */
export const encodeCursor = (id: string): string =>
  Buffer.from(`${PREFIX}${id}`).toString('base64url');

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = decoded.slice(PREFIX.length);
  if (!decoded.startsWith(PREFIX) || !isUuid(id)) {
    throw badUserInput('after', 'is not a cursor returned by this field.');
  }
  return id;
}

export const TransactionConnection: TransactionConnectionResolvers = {
  edges: (page) => page.rows.map((node) => ({ cursor: encodeCursor(node.id), node })),
  nodes: (page) => page.rows,
  pageInfo: (page) => {
    const last = page.rows[page.rows.length - 1];
    return { hasNextPage: page.hasNextPage, endCursor: last ? encodeCursor(last.id) : null };
  },
};
