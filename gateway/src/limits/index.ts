import type { IncomingMessage } from 'node:http';
import {
  Counter,
  addressBucket,
  resolveClientAddress,
  type Logger,
  type ProxyTrust,
  type RedisClient,
  type Registry,
} from '@poolgraph/platform';
import type { GatewayContext } from '../context.ts';
import { DEFAULT_LIMITS, type GatewayLimits } from './config.ts';
import { corsPolicy } from './cors.ts';
import { operationLimitsFor } from './plugin.ts';
import { createRateLimiter, type RateIdentity } from './rateLimit.ts';

export type { GatewayLimits } from './config.ts';
export { DEFAULT_LIMITS } from './config.ts';

/**
 * Who a request is charged to: its API key, by the key's id as authenticated (the PARTNER
 * token's subject; never the header's bytes, so no spelling of a key has a budget of its own,
 * and the key's token sent as a bearer token shares the key's), else its user, else its
 * address (IPv6 by /64).
 */
export function rateIdentityOf(context: GatewayContext): RateIdentity {
  if (context.viewer && context.apiKey) return { kind: 'key', id: context.viewer.userId };
  if (context.viewer) return { kind: 'user', id: context.viewer.userId };
  return { kind: 'ip', id: addressBucket(context.clientAddress) };
}

export interface LimitsDeps {
  limits?: Partial<GatewayLimits>;
  registry: Registry;
  log: Logger;
  /** Without Redis there are no rate limits (tests of other features). */
  redis?: RedisClient;
  redisPrefix?: string;
  /** Who may name the client (`TRUSTED_PROXIES`): failed authentications are charged to it. */
  trustedProxies: ProxyTrust;
}

/** Everything the gateway's limits plug into: Apollo, the context, the HTTP face. */
export function createLimits(deps: LimitsDeps) {
  const limits: GatewayLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const rejections = new Counter({
    name: 'gateway_operation_limit_rejections_total',
    help: 'Operations refused with QUERY_TOO_COMPLEX, by limit',
    labelNames: ['limit'],
    registers: [deps.registry],
  });
  const operations = operationLimitsFor<GatewayContext>(limits.operations, rejections);
  const limiter =
    deps.redis &&
    createRateLimiter({
      redis: deps.redis,
      prefix: deps.redisPrefix ?? '',
      limits: limits.rate,
      timeoutMs: limits.rate.redisTimeoutMs,
      log: deps.log,
      failures: new Counter({
        name: 'gateway_rate_limit_failures_total',
        help: 'Requests let through unchecked because Redis did not answer the rate limiter',
        registers: [deps.registry],
      }),
      rejections: new Counter({
        name: 'gateway_rate_limited_total',
        help: 'Requests refused with RATE_LIMITED, by identity kind (key, user, ip)',
        labelNames: ['kind'],
        registers: [deps.registry],
      }),
    });

  return {
    limits,
    operations,
    /** The GCRA limiter itself (none without Redis): WebSocket messages are charged to it too. */
    limiter: limiter || undefined,
    cors: corsPolicy(limits.corsOrigins),
    /** Wraps the context function: a request over its rate limit fails with 429. */
    rateLimited(create: (req: IncomingMessage) => Promise<GatewayContext>) {
      if (!limiter) return create;
      return async (req: IncomingMessage) => {
        let context: GatewayContext;
        try {
          context = await create(req);
        } catch (error) {
          // A bad token or key is charged to its address, so guessing keys is throttled too.
          const address = resolveClientAddress(req, deps.trustedProxies);
          await limiter.charge({ kind: 'ip', id: addressBucket(address) });
          throw error;
        }
        await limiter.charge(rateIdentityOf(context));
        return context;
      };
    },
  };
}
