import { PartnerCallError } from './errors.ts';
import type { CallName, DataOf, VariablesOf } from './operations.ts';

/** A connection: one page of a list and where the next one starts. */
export interface ConnectionPage {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}
/** An older plain list paged by `after: <the last item's id>`. */
export type IdListPage = ReadonlyArray<{ id: string }>;

/** The operations that take an `after` cursor. */
export type PagedName = {
  [N in CallName]: 'after' extends keyof VariablesOf<N> ? N : never;
}[CallName];

type Run = <N extends CallName>(name: N, variables: VariablesOf<N>) => Promise<DataOf<N>>;

/** Where the page after `page` starts, or null when it was the last. */
function nextCursor(page: ConnectionPage | IdListPage, first: unknown): string | null {
  if ('pageInfo' in page) {
    if (!page.pageInfo.hasNextPage) return null;
    if (!page.pageInfo.endCursor) {
      throw new PartnerCallError('the graph said there is a next page but gave no endCursor');
    }
    return page.pageInfo.endCursor;
  }
  const last = page[page.length - 1];
  // A short page is the last one; without `first` the server's default applies, so only an
  // empty page ends the list.
  if (!last || (typeof first === 'number' && page.length < first)) return null;
  return last.id;
}

/**
 * Runs a paged operation page after page, starting at `variables.after` (or the beginning), and
 * yields the list `select` picks out of each answer: a connection (followed by
 * `pageInfo.endCursor` while `hasNextPage`) or a plain list of items with ids (followed by the
 * last id until a page is shorter than `first`). `select` returning null or undefined (e.g. a
 * pool the key does not cover) ends the pages. Stop early with `break`.
 */
export async function* pagesOf<N extends PagedName, Page extends ConnectionPage | IdListPage>(
  run: Run,
  name: N,
  variables: VariablesOf<N>,
  select: (data: DataOf<N>) => Page | null | undefined,
): AsyncGenerator<Page, void, undefined> {
  const first = (variables as { first?: unknown }).first;
  let after = (variables as { after?: string | null }).after ?? null;
  const seen = new Set<string>();
  for (;;) {
    const page = select(await run(name, { ...variables, after } as VariablesOf<N>));
    if (!page) return;
    yield page;
    after = nextCursor(page, first);
    if (after === null) return;
    if (seen.has(after)) {
      throw new PartnerCallError(`the graph returned the cursor ${after} twice: stopping`);
    }
    seen.add(after);
  }
}
