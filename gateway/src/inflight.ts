import type { HttpReply } from '@poolgraph/platform';

/**
 * Identical subgraph queries in flight at the same moment, sent once. Keyed by everything the
 * subgraph sees of a request except its request id: URL, every forwarded header (so the
 * caller's `authorization`, `x-forwarded-for` and any other identity header) and the body. Two
 * callers never share an answer, since their credentials differ; one caller's concurrent
 * identical requests (a dashboard's burst, 50 tabs) share one fetch. Only queries are merged:
 * a mutation always goes out once per request. Each caller parses the shared text on its own,
 * because the executor mutates what it receives.
 */
export class InflightFetches {
  private readonly pending = new Map<string, Promise<HttpReply>>();
  /** Fetches answered by another caller's request, for tests and metrics. */
  merged = 0;

  run(
    url: string,
    headers: Record<string, string>,
    body: string,
    fetch: () => Promise<HttpReply>,
  ): Promise<HttpReply> {
    let key = url;
    for (const name in headers) {
      if (name !== 'x-request-id') key += `\n${name}:${headers[name]}`;
    }
    key += `\n\n${body}`;
    const existing = this.pending.get(key);
    if (existing) {
      this.merged++;
      return existing;
    }
    const started = fetch().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }
}
