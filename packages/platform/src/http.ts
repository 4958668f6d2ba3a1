import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { HttpError, MAX_BODY_BYTES, closeAfterResponse, readJsonBody } from './body.ts';
import { runInRequestScope } from './requestScope.ts';
import { registerReadinessMetrics } from './readinessMetrics.ts';
import { MIN_TLS_VERSION, type TlsConfig } from './tls.ts';
import { extractTraceContext, inSpan, SpanKind } from './tracing.ts';

export interface ReadinessCheck {
  name: string;
  /** Resolves (with optional detail for /readyz) when the check passes; throws when it fails. */
  check: () => Promise<void | Record<string, unknown>>;
  /**
   * Reported on /readyz and in `readiness_check_up`, but never makes the process unready
   * (a lagging read replica: the primary still serves). A thrown error's `detail` is shown.
   */
  optional?: boolean;
}

export interface HttpServiceOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  context: (req: IncomingMessage) => Promise<TContext>;
  registry: Registry;
  log: Logger;
  /** A function when the list can change at run time (the gateway's subgraphs after a reload). */
  readiness: ReadinessCheck[] | (() => ReadinessCheck[]);
  /** Extra routes (such as /.well-known/jwks.json), matched on the exact path. */
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>;
  /** Closed after the HTTP server and Apollo stop: pools, Redis clients. */
  onClose?: Array<() => Promise<unknown>>;
  /** Attaches WebSocket handling to the server; its closer runs first on stop. */
  webSockets?: (server: Server) => () => Promise<void>;
  /** Request bodies above this answer 413 (default 1,000,000 bytes). */
  maxBodyBytes?: number;
  /**
   * Runs before routing (the gateway's CORS): returns true when it answered the request itself
   * (a preflight), false to let it through (it may still set response headers).
   */
  intercept?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Serve HTTPS (and WSS) with this certificate and key (TLS_CERT/TLS_KEY); default HTTP. */
  tls?: TlsConfig['server'];
}

/**
 * Sent on every answer over TLS. HSTS keeps a browser that once reached us over HTTPS from
 * ever trying plain HTTP again (a year, subdomains too); the rest keep a browser from sniffing
 * JSON into something executable, framing the endpoints, or leaking URLs in Referer.
 */
export const SECURE_HEADERS: Record<string, string> = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

export interface HttpService {
  server: Server;
  /**
   * For production: `/metrics` and the detail of `/readyz` (which names internal addresses)
   * answer only requests with `Authorization: Bearer <token>`; without the token `/readyz`
   * says only whether the process is ready, and `/metrics` answers 401. Without a token
   * configured, nobody gets them.
   */
  restrictOperations(token: string | undefined): void;
  listen(port: number, host?: string): Promise<string>;
  url(): string;
  stop(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * The caller's `x-request-id` when it is a sane token, else a fresh UUID. It is written back
 * into the request headers, so context functions and loggers read one value, and it is echoed
 * on the response (even when Apollo rejects the request before any plugin runs).
 */
export function assignRequestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
  req.headers['x-request-id'] = id;
  return id;
}

const clientGoneSignals = new WeakMap<IncomingMessage, AbortSignal>();

/**
 * Aborted when the client goes away before its response is complete (the gateway gave up, the
 * user closed the tab): expensive work for it (a password hash) can stop. Never aborted for
 * requests that did not come through `createHttpService`.
 */
export function clientGone(req: IncomingMessage): AbortSignal {
  return clientGoneSignals.get(req) ?? new AbortController().signal;
}

/** The id `assignRequestId` gave this request. */
export function requestIdOf(req: IncomingMessage): string {
  const id = req.headers['x-request-id'];
  return typeof id === 'string' ? id : assignRequestId(req);
}

/** Runs checks in parallel; reports each one by name. */
export async function runReadiness(checks: ReadinessCheck[]) {
  const results = await Promise.all(
    checks.map(async ({ name, check, optional }) => {
      const extra = optional ? { optional } : {};
      try {
        const detail = await check();
        return { name, ok: true as const, ...extra, ...(detail ? { detail } : {}) };
      } catch (error) {
        const { message, detail } = error as { message: string; detail?: unknown };
        return {
          name,
          ok: false as const,
          ...extra,
          error: message,
          ...(detail ? { detail } : {}),
        };
      }
    }),
  );
  return { ready: results.every((r) => r.ok || r.optional), checks: results };
}

/**
 * The HTTP face every process shares: /graphql (Apollo), /healthz, /readyz, /metrics,
 * plus any extra routes. Stopping drains in-flight requests, then closes dependencies.
 */
export function createHttpService<TContext extends BaseContext>(
  options: HttpServiceOptions<TContext>,
): HttpService {
  const { apollo, log } = options;
  registerReadinessMetrics(options.registry, options.readiness);

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, search: string) {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const body = await readJsonBody(req, options.maxBodyBytes ?? MAX_BODY_BYTES);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search, body },
      context: () => options.context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  // undefined: open (development, tests); otherwise the digest of the operator's token, or null.
  let operationsToken: Buffer | null | undefined;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  const mayOperate = (req: IncomingMessage) => {
    if (operationsToken === undefined) return true;
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    return !!operationsToken && !!match && timingSafeEqual(digest(match[1]!), operationsToken);
  };

  async function route(req: IncomingMessage, res: ServerResponse) {
    if (options.intercept?.(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    switch (url.pathname) {
      case '/graphql':
        // A server span, child of the caller's `traceparent` (W3C); no-op without tracing.
        return inSpan(
          `${req.method ?? 'GET'} /graphql`,
          { kind: SpanKind.SERVER, parent: extractTraceContext(req.headers) },
          () => handleGraphQL(req, res, url.search),
        );
      case '/healthz':
        return sendJson(res, 200, { status: 'ok' });
      case '/readyz': {
        const checks =
          typeof options.readiness === 'function' ? options.readiness() : options.readiness;
        const report = await runReadiness(checks);
        return sendJson(
          res,
          report.ready ? 200 : 503,
          mayOperate(req) ? report : { ready: report.ready },
        );
      }
      case '/metrics':
        if (!mayOperate(req)) {
          res.setHeader('www-authenticate', 'Bearer');
          return sendJson(res, 401, { error: 'Metrics need the operations token.' });
        }
        res.setHeader('content-type', options.registry.contentType);
        res.end(await options.registry.metrics());
        return;
    }
    const extra = options.routes?.[url.pathname];
    if (extra) return extra(req, res);
    sendJson(res, 404, { error: `No route for ${url.pathname}` });
  }

  // Requests in flight per connection, so that stop() ends each connection once it is idle.
  // Node's closeIdleConnections() misses two kinds: connections whose request finishes after
  // close(), and connections a client opened ahead of time that never carried a request.
  const inFlight = new Map<Socket, number>();
  let stopping = false;
  let stopped: Promise<void> | undefined;
  const endIfIdle = (socket: Socket) => {
    if (stopping && inFlight.get(socket) === 0) socket.end();
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    const gone = new AbortController();
    clientGoneSignals.set(req, gone.signal);
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
      const count = inFlight.get(socket);
      if (count === undefined) return;
      inFlight.set(socket, count - 1);
      endIfIdle(socket);
    });
    const requestId = assignRequestId(req);
    res.setHeader('x-request-id', requestId);
    if (options.tls)
      for (const [name, value] of Object.entries(SECURE_HEADERS)) res.setHeader(name, value);
    runInRequestScope(requestId, () => route(req, res)).catch((error: unknown) => {
      if (error instanceof HttpError) {
        if (error.status === 413) closeAfterResponse(res);
        sendJson(res, error.status, {
          errors: [{ message: error.message, extensions: { code: error.code } }],
        });
        return;
      }
      log.error({ err: error, url: req.url }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error' }] });
      else res.end();
    });
  };
  // An https.Server is an http.Server over TLS sockets: same events, same upgrade path (WSS).
  const server: Server = options.tls
    ? createTlsServer({ ...options.tls, minVersion: MIN_TLS_VERSION }, handle)
    : createServer(handle);
  server.keepAliveTimeout = 65_000;
  // Requests run on the TLS socket, so that is the one counted (not the TCP socket under it).
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });

  const closeWebSockets = options.webSockets?.(server);
  let started = false;
  return {
    server,
    restrictOperations(token) {
      operationsToken = token ? digest(token) : null;
    },
    async listen(port, host = '127.0.0.1') {
      if (!started) await apollo.start();
      started = true;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      return this.url();
    },
    url() {
      const address = server.address() as AddressInfo;
      const scheme = options.tls ? 'https' : 'http';
      return `${scheme}://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
    },
    /** Idempotent: a second call waits for the first (a test may stop one service early). */
    stop() {
      stopped ??= (async () => {
        await closeWebSockets?.();
        stopping = true;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const socket of inFlight.keys()) endIfIdle(socket);
          setTimeout(() => server.closeAllConnections(), 10_000).unref();
        });
        if (started) await apollo.stop();
        for (const close of options.onClose ?? []) await close();
      })();
      return stopped;
    },
  };
}

/** Stops the service on SIGINT/SIGTERM, once, and exits. */
export function stopOnSignals(service: { stop(): Promise<void> }, log: Logger): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    service
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
