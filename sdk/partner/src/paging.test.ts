import { describe, expect, it } from 'vitest';
import { PartnerCallError } from './errors.ts';
import { pagesOf, type ConnectionPage, type IdListPage } from './paging.ts';

/**
 * The page loop's own rules, on answers scripted per `after` (the integration tests run it
 * against the real gateway). `run` records the cursors it was asked for.
 */
type Page = ConnectionPage | IdListPage;
function scripted(answers: Record<string, Page>) {
  const asked: Array<string | null> = [];
  const run = async (_name: string, variables: { after?: string | null }) => {
    const after = variables.after ?? null;
    asked.push(after);
    const page = answers[after ?? 'start'];
    if (!page) throw new Error(`no page after ${after}`);
    return { list: page };
  };
  const pages = (variables: { first?: number; after?: string }) =>
    pagesOf(
      run as unknown as Parameters<typeof pagesOf>[0],
      'PartnerPoolTransactions',
      { id: 'p', ...variables },
      (data) => (data as unknown as { list: Page }).list,
    );
  return { asked, pages };
}
const connection = (ids: string[], endCursor: string | null, hasNextPage = true) => ({
  ids,
  pageInfo: { hasNextPage, endCursor },
});
async function all<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterator) out.push(item);
  return out;
}

describe('pagesOf', () => {
  it('follows endCursor while hasNextPage, from a given start', async () => {
    const { asked, pages } = scripted({
      start: connection(['1'], 'c1'),
      c1: connection(['2'], 'c2'),
      c2: connection(['3'], 'c3', false),
    });
    expect(await all(pages({ first: 1 }))).toHaveLength(3);
    expect(asked).toEqual([null, 'c1', 'c2']);
    asked.length = 0;
    expect(await all(pages({ first: 1, after: 'c1' }))).toHaveLength(2);
    expect(asked).toEqual(['c1', 'c2']);
  });

  it('follows the last id of a list until a page is shorter than first, or empty without first', async () => {
    const { asked, pages } = scripted({
      start: [{ id: 'a' }, { id: 'b' }],
      b: [{ id: 'c' }, { id: 'd' }],
      d: [{ id: 'e' }],
      e: [],
    });
    expect((await all(pages({ first: 2 }))).flat()).toHaveLength(5);
    expect(asked).toEqual([null, 'b', 'd']);
    asked.length = 0;
    await all(pages({}));
    expect(asked).toEqual([null, 'b', 'd', 'e']);
  });

  it('stops with an error on a cursor seen twice or a next page without a cursor', async () => {
    const loop = scripted({ start: connection([], 'c1'), c1: connection([], 'c1') });
    await expect(all(loop.pages({}))).rejects.toThrow(PartnerCallError);
    expect(loop.asked).toEqual([null, 'c1']);
    const noCursor = scripted({ start: connection([], null) });
    await expect(all(noCursor.pages({}))).rejects.toThrow(/no endCursor/);
  });

  it('ends without a page when the selected list is absent', async () => {
    const none = pagesOf(
      async () => ({ pool: null }) as never,
      'PartnerPoolTransactions',
      { id: 'p' },
      () => undefined,
    );
    expect(await all(none)).toEqual([]);
  });
});
