import { resolve } from 'node:path';
import { z } from 'zod';
import {
  baseEnv,
  loadEnvOrExit,
  port,
  redisUrl,
  tlsEnv,
  trustedProxiesEnv,
} from '@poolgraph/platform';
import { limitsEnv } from './limits/env.ts';

/** Apollo persisted-query manifests: the web client's and the partners' operations. */
const DEFAULT_PERSISTED_QUERIES_DIR = resolve(import.meta.dirname, '../persisted-queries');
/** `npm run compose` writes the supergraph at the repository root. */
const DEFAULT_SUPERGRAPH_PATH = resolve(import.meta.dirname, '../../supergraph.graphql');

export const gatewayEnvSchema = z.object({
  ...baseEnv,
  // HTTPS + WSS with TLS_CERT/TLS_KEY; subgraphs, the JWKS and Redis verified against TLS_CA.
  ...tlsEnv,
  PORT: port(4000),
  // Relative paths resolve against the working directory (gateway/ under `npm start -w`).
  SUPERGRAPH_PATH: z
    .string()
    .min(1)
    .default(DEFAULT_SUPERGRAPH_PATH)
    .transform((path) => resolve(path)),
  // Unset means "watch in development only"; resolved in loadGatewayEnv, which sees NODE_ENV.
  SUPERGRAPH_WATCH: z.stringbool().optional(),
  USERS_JWKS_URL: z.url().default('http://127.0.0.1:4001/.well-known/jwks.json'),
  // Revoked sessions are read from the deployment's Redis, under its prefix.
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().default('poolgraph:'),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  // Who may say who the client is (x-forwarded-for): a hop count, or addresses/CIDRs,
  // `loopback`, `private`. Unset: nobody; the socket's peer is the client. README, "Addresses".
  TRUSTED_PROXIES: trustedProxiesEnv(),
  // The boolean it replaced; set, it is refused rather than silently ignored.
  TRUST_PROXY: z
    .undefined({ error: 'replaced by TRUSTED_PROXIES (TRUST_PROXY=true is TRUSTED_PROXIES=1)' })
    .optional(),
  // Unset: the users subgraph beside its JWKS (`<origin>/api-keys/token`).
  API_KEY_EXCHANGE_URL: z.url().optional(),
  PERSISTED_QUERIES_DIR: z
    .string()
    .min(1)
    .default(DEFAULT_PERSISTED_QUERIES_DIR)
    .transform((path) => resolve(path)),
  // enforce: every caller runs manifest operations only, by id (production mode).
  SAFELIST: z.enum(['off', 'enforce']).default('off'),
  APQ_TTL_SECONDS: z.coerce.number().int().positive().default(86_400),
  // Rate, operation, body, CORS and WebSocket limits: gateway/README.md, "Limits".
  ...limitsEnv,
  // Gateway processes on this machine (node:cluster); `auto` = one per core.
  GATEWAY_WORKERS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(256)]).default(1),
});

export type GatewayEnv = Omit<
  z.infer<typeof gatewayEnvSchema>,
  'SUPERGRAPH_WATCH' | 'API_KEY_EXCHANGE_URL'
> & {
  SUPERGRAPH_WATCH: boolean;
  API_KEY_EXCHANGE_URL: string;
};

/** Parses the gateway's configuration, or prints every problem and exits. */
export function loadGatewayEnv(
  source: Record<string, string | undefined> = process.env,
): GatewayEnv {
  const env = loadEnvOrExit(gatewayEnvSchema, source);
  return {
    ...env,
    SUPERGRAPH_WATCH: env.SUPERGRAPH_WATCH ?? env.NODE_ENV === 'development',
    API_KEY_EXCHANGE_URL:
      env.API_KEY_EXCHANGE_URL ?? new URL('/api-keys/token', env.USERS_JWKS_URL).href,
  };
}
