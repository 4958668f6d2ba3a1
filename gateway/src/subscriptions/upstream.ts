import { createClient, type Client, type Sink, type SubscribePayload } from 'graphql-ws';
import { PeerWebSocket, type Logger } from '@poolgraph/platform';
import type { UpstreamEvent } from './execute.ts';

export interface UpstreamEndpoint {
  name: string;
  /** The subgraph's HTTP GraphQL URL; the WebSocket URL is the same with ws(s). */
  url: string;
}

/**
 * One graphql-ws connection per subgraph per gateway process, shared by every client's
 * subscriptions to it; each subscribe message carries its caller's token in `extensions`.
 * Connections open on first use and close shortly after the last subscription ends. When a
 * subgraph goes away, graphql-ws reconnects with backoff and re-subscribes what is active.
 */
export class UpstreamConnections {
  private readonly clients = new Map<string, Client>();

  constructor(private readonly log: Logger) {}

  subscribe(
    endpoint: UpstreamEndpoint,
    payload: SubscribePayload,
    sink: Sink<UpstreamEvent>,
  ): () => void {
    return this.clientFor(endpoint).subscribe(payload, sink);
  }

  /** Subgraphs with a live connection, for tests and metrics. */
  get size(): number {
    return this.clients.size;
  }

  async close(): Promise<void> {
    // dispose() waits for a connection in progress and rejects when that attempt fails (e.g.
    // graphql-ws gives up a reconnect with 1000 "All Subscriptions Gone"): nothing is left open
    // then, so a failed attempt is not a failed close.
    await Promise.allSettled([...this.clients.values()].map((client) => client.dispose()));
    this.clients.clear();
  }

  private clientFor({ name, url }: UpstreamEndpoint): Client {
    const wsUrl = url.replace(/^http/, 'ws');
    const existing = this.clients.get(wsUrl);
    if (existing) return existing;
    let retries = 0;
    const client = createClient({
      url: wsUrl,
      // wss:// verified against the process's CA (TLS_CA), as every call to a subgraph is.
      webSocketImpl: PeerWebSocket,
      lazy: true,
      lazyCloseTimeout: 1_000,
      keepAlive: 10_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      // A subgraph restart closes with 1006/1001; any close is worth another try.
      shouldRetry: () => true,
      retryWait: async (attempt) => {
        retries = attempt;
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 3_000)));
      },
      on: {
        connected: () => {
          if (retries > 0) this.log.info({ subgraph: name }, 'subgraph subscriptions reconnected');
          retries = 0;
        },
        closed: (event) => {
          const code = (event as { code?: number } | undefined)?.code;
          this.log.debug({ subgraph: name, code }, 'subgraph subscription socket closed');
        },
      },
    });
    this.clients.set(wsUrl, client);
    return client;
  }
}
