import { describe, expect, it } from 'vitest';
import {
  connectionOf,
  decodeCursor,
  encodeCursor,
  idPageRule,
  pageOfList,
  pageRequest,
  type Connection,
} from './connection.ts';
import { uuidv7 } from './ids.ts';

const rule = idPageRule<{ id: string }>('pool', 2, 3);
const rows = Array.from({ length: 5 }, () => ({ id: uuidv7() })).sort((a, b) =>
  a.id < b.id ? -1 : 1,
);
const codeAndField = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { extensions } = error as { extensions: { code: string; field: string } };
    return [extensions.code, extensions.field];
  }
  return null;
};

describe('connections', () => {
  it('round-trips a cursor of its own kind, and refuses any other, naming the argument', () => {
    const cursor = encodeCursor('pool', [rows[0]!.id]);
    expect(decodeCursor(cursor, 'pool', rule.parseKey)).toBe(rows[0]!.id);
    for (const bad of [
      encodeCursor('member', [rows[0]!.id]),
      encodeCursor('pool', ['not-a-uuid']),
      encodeCursor('pool', [rows[0]!.id, rows[1]!.id]),
      'not base64!',
      '',
      'x'.repeat(600),
    ]) {
      expect(codeAndField(() => decodeCursor(bad, 'pool', rule.parseKey))).toEqual([
        'BAD_USER_INPUT',
        'after',
      ]);
    }
  });

  it('checks first against the rule: its default when absent, 1 to its maximum', () => {
    expect(pageRequest({}, rule)).toEqual({ first: 2, after: null });
    for (const first of [0, 4, -1, 1.5]) {
      expect(codeAndField(() => pageRequest({ first }, rule))).toEqual(['BAD_USER_INPUT', 'first']);
    }
  });

  it('pages a whole list forward, each row once, with the standard pageInfo', () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let n = 0; n < 10; n++) {
      const page: Connection<{ id: string }> = pageOfList(
        rows,
        pageRequest({ first: 2, after }, rule),
        rule,
        (row, key) => row.id > key,
      );
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(rows.map((r) => r.id));
  });

  it('reads the extra row only as hasNextPage, and gives an empty page null cursors', () => {
    const page = connectionOf(rows.slice(0, 3), { first: 2, after: null }, rule);
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(connectionOf([], { first: 2, after: 'x' }, rule).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });
});
