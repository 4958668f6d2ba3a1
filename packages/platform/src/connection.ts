import { badUserInput } from './errors.ts';
import { isUuid } from './ids.ts';

/**
 * The one pagination shape of the graph (Relay's connections): `edges { node cursor }` and a
 * `pageInfo { hasNextPage endCursor hasPreviousPage startCursor }` (the shareable `PageInfo` each
 * subgraph declares identically). A cursor is opaque to clients: base64url of the field's kind
 * and the row's sort key, which ends in a unique column so the order is total and stable. A
 * cursor of another field, or one a client edited, is BAD_USER_INPUT naming the argument.
 */
export interface PageInfo {
  hasNextPage: boolean;
  /** True when the page started after a cursor (it does not re-count what came before). */
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** How one connection field pages: its cursors' kind, its page sizes, its sort key. */
export interface PageRule<T, K> {
  /** Tells this field's cursors from every other's (e.g. "pool", "alert"). */
  kind: string;
  defaultSize: number;
  maxSize: number;
  /** The sort key of a row, as strings (the last one unique). */
  keyOf: (row: T) => readonly string[];
  /** A cursor's key parts back to a typed key, or null when they are not one. */
  parseKey: (parts: readonly string[]) => K | null;
}

/** What a resolver reads after checking the arguments: how many, and after which key. */
export interface PageRequest<K> {
  first: number;
  after: K | null;
}

/** A rule for rows ordered by their UUIDv7 `id` alone (ids sort by creation time). */
export function idPageRule<T extends { id: string }>(
  kind: string,
  defaultSize: number,
  maxSize: number,
): PageRule<T, string> {
  return {
    kind,
    defaultSize,
    maxSize,
    keyOf: (row) => [row.id],
    parseKey: ([id, ...rest]) => (id !== undefined && rest.length === 0 && isUuid(id) ? id : null),
  };
}

// Key parts are ids, digits and epoch milliseconds, never a colon (instants are cursors as epoch ms).
const SEPARATOR = ':';

/** base64url of "kind:part:part": the ledger's first cursors ("tx:<id>") already had this form. */
export function encodeCursor(kind: string, key: readonly string[]): string {
  if (key.some((part) => part.includes(SEPARATOR)))
    throw new Error(`a cursor key holds ${SEPARATOR}`);
  return Buffer.from([kind, ...key].join(SEPARATOR), 'utf8').toString('base64url');
}

/** The key a cursor of `kind` holds; BAD_USER_INPUT naming `argument` for anything else. */
export function decodeCursor<K>(
  cursor: string,
  kind: string,
  parseKey: (parts: readonly string[]) => K | null,
  argument = 'after',
): K {
  const refused = () =>
    badUserInput(argument, 'is not a cursor of this field (pass an endCursor it returned).');
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]*$/.test(cursor)) throw refused();
  const [head, ...parts] = Buffer.from(cursor, 'base64url').toString('utf8').split(SEPARATOR);
  const key = head === kind ? parseKey(parts) : null;
  if (key === null) throw refused();
  return key;
}

/** Checks `first` (1 to the rule's maximum, its default when absent) and decodes `after`. */
export function pageRequest<K>(
  args: { first?: number | null; after?: string | null },
  rule: Pick<PageRule<never, K>, 'kind' | 'defaultSize' | 'maxSize' | 'parseKey'>,
): PageRequest<K> {
  const first = args.first ?? rule.defaultSize;
  if (!Number.isInteger(first) || first < 1 || first > rule.maxSize) {
    throw badUserInput('first', `must be between 1 and ${rule.maxSize}, got ${first}.`);
  }
  const after = args.after == null ? null : decodeCursor(args.after, rule.kind, rule.parseKey);
  return { first, after };
}

/**
 * A connection from the rows read for a page: up to `first + 1` of them in the field's order,
 * the extra one only telling that more follow.
 */
export function connectionOf<T, K>(
  rows: readonly T[],
  request: PageRequest<K>,
  rule: Pick<PageRule<T, K>, 'kind' | 'keyOf'>,
): Connection<T> {
  const edges = rows
    .slice(0, request.first)
    .map((node) => ({ node, cursor: encodeCursor(rule.kind, rule.keyOf(node)) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > request.first,
      hasPreviousPage: request.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/**
 * One page of a list read whole (a DataLoader's batch, already in the field's order): the rows
 * that `follows` puts after the cursor's key, so a row removed since pages on from where it was.
 */
export function pageOfList<T, K>(
  rows: readonly T[],
  request: PageRequest<K>,
  rule: Pick<PageRule<T, K>, 'kind' | 'keyOf'>,
  follows: (row: T, key: K) => boolean,
): Connection<T> {
  const after = request.after;
  const rest = after === null ? rows : rows.filter((row) => follows(row, after));
  return connectionOf(rest.slice(0, request.first + 1), request, rule);
}

/** A key of an instant and a unique id (epoch milliseconds in the cursor, never a colon). */
export interface InstantKey {
  at: number;
  id: string;
}

export const instantKeyOf = (at: Date, id: string): readonly string[] => [String(at.getTime()), id];

export function parseInstantKey(parts: readonly string[]): InstantKey | null {
  const [at, id, ...rest] = parts;
  if (at === undefined || id === undefined || rest.length > 0) return null;
  if (!/^\d{1,15}$/.test(at) || !isUuid(id)) return null;
  return { at: Number(at), id };
}
