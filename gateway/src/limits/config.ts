/**
 * Every limit the gateway enforces, with its default. `env.ts` reads them (GATEWAY_* variables,
 * see the README's "Limits"); tests pass their own.
 */
export interface OperationLimits {
  /** Field nesting, root fields being depth 1 (fragments expanded). */
  maxDepth: number;
  /** Aliased fields in the operation (fragments expanded: a fragment spread twice counts twice). */
  maxAliases: number;
  /** Fields selected directly on Query/Mutation/Subscription. */
  maxRootFields: number;
  /** Directives anywhere in the operation (fragments expanded). */
  maxDirectives: number;
  /** Lexical tokens in the document; checked by the parser itself, which stops there. */
  maxTokens: number;
  /** Estimated cost: objects weigh 1, list fields multiply their selection by their size. */
  maxCost: number;
  /** The size assumed for a list field without a `first`/`limit` argument or default. */
  defaultListSize: number;
}

/** Requests per minute, as a bucket that holds one minute's worth; 0 turns a limit off. */
export interface RateLimits {
  perKey: number;
  perUser: number;
  /** Anonymous callers, by address. */
  perIp: number;
  /** How long a request waits for Redis before it is let through unchecked (default 200 ms). */
  redisTimeoutMs?: number;
}

export interface WebSocketLimits {
  /** A larger message closes the socket with 1009 (ws stops reading at the frame header). */
  maxMessageBytes: number;
  connectionsPerIp: number;
  connectionsPerUser: number;
  subscriptionsPerConnection: number;
  /** A socket that has not sent `connection_init` by then is closed with 4408. */
  connectionInitTimeoutMs: number;
}

export interface GatewayLimits {
  operations: OperationLimits;
  rate: RateLimits;
  webSocket: WebSocketLimits;
  /** Request bodies above this answer 413 and the connection is closed. */
  maxBodyBytes: number;
  /** Origins allowed to call from a browser (CORS); none means no cross-origin access. */
  corsOrigins: string[];
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 20,
  maxDirectives: 50,
  maxTokens: 5_000,
  maxCost: 100_000,
  defaultListSize: 20,
};

export const DEFAULT_RATE_LIMITS: RateLimits = { perKey: 1_200, perUser: 600, perIp: 300 };

export const DEFAULT_WEBSOCKET_LIMITS: WebSocketLimits = {
  maxMessageBytes: 64 * 1024,
  connectionsPerIp: 100,
  connectionsPerUser: 20,
  subscriptionsPerConnection: 50,
  connectionInitTimeoutMs: 5_000,
};

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Development origins of the web client (Vite's dev and preview servers). */
export const DEVELOPMENT_CORS_ORIGINS = [
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:4173',
  'http://127.0.0.1:4173',
];

export const DEFAULT_LIMITS: GatewayLimits = {
  operations: DEFAULT_OPERATION_LIMITS,
  rate: DEFAULT_RATE_LIMITS,
  webSocket: DEFAULT_WEBSOCKET_LIMITS,
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  corsOrigins: [],
};
