import { z } from 'zod';
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_OPERATION_LIMITS as ops,
  DEFAULT_RATE_LIMITS as rate,
  DEFAULT_WEBSOCKET_LIMITS as ws,
  DEVELOPMENT_CORS_ORIGINS,
  type GatewayLimits,
} from './config.ts';

const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The gateway's limit variables (spread into its env schema); defaults in `config.ts`. */
export const limitsEnv = {
  RATE_LIMIT_PER_KEY: count(rate.perKey),
  RATE_LIMIT_PER_USER: count(rate.perUser),
  RATE_LIMIT_PER_IP: count(rate.perIp),
  MAX_DEPTH: positive(ops.maxDepth),
  MAX_ALIASES: count(ops.maxAliases),
  MAX_ROOT_FIELDS: positive(ops.maxRootFields),
  MAX_DIRECTIVES: count(ops.maxDirectives),
  MAX_TOKENS: positive(ops.maxTokens),
  MAX_COST: positive(ops.maxCost),
  DEFAULT_LIST_SIZE: positive(ops.defaultListSize),
  MAX_BODY_BYTES: positive(DEFAULT_MAX_BODY_BYTES),
  // Comma-separated exact origins; unset: the Vite dev origins in development, none otherwise.
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((list) =>
      list
        ?.split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url()).optional()),
  WS_MAX_MESSAGE_BYTES: positive(ws.maxMessageBytes),
  WS_CONNECTIONS_PER_IP: positive(ws.connectionsPerIp),
  WS_CONNECTIONS_PER_USER: positive(ws.connectionsPerUser),
  WS_SUBSCRIPTIONS_PER_CONNECTION: positive(ws.subscriptionsPerConnection),
  WS_CONNECTION_INIT_TIMEOUT_MS: positive(ws.connectionInitTimeoutMs),
};

type LimitsEnv = z.infer<z.ZodObject<typeof limitsEnv>>;

export function limitsFromEnv(env: LimitsEnv & { NODE_ENV: string }): GatewayLimits {
  return {
    operations: {
      maxDepth: env.MAX_DEPTH,
      maxAliases: env.MAX_ALIASES,
      maxRootFields: env.MAX_ROOT_FIELDS,
      maxDirectives: env.MAX_DIRECTIVES,
      maxTokens: env.MAX_TOKENS,
      maxCost: env.MAX_COST,
      defaultListSize: env.DEFAULT_LIST_SIZE,
    },
    rate: {
      perKey: env.RATE_LIMIT_PER_KEY,
      perUser: env.RATE_LIMIT_PER_USER,
      perIp: env.RATE_LIMIT_PER_IP,
    },
    webSocket: {
      maxMessageBytes: env.WS_MAX_MESSAGE_BYTES,
      connectionsPerIp: env.WS_CONNECTIONS_PER_IP,
      connectionsPerUser: env.WS_CONNECTIONS_PER_USER,
      subscriptionsPerConnection: env.WS_SUBSCRIPTIONS_PER_CONNECTION,
      connectionInitTimeoutMs: env.WS_CONNECTION_INIT_TIMEOUT_MS,
    },
    maxBodyBytes: env.MAX_BODY_BYTES,
    corsOrigins:
      env.CORS_ORIGINS ?? (env.NODE_ENV === 'development' ? DEVELOPMENT_CORS_ORIGINS : []),
  };
}
