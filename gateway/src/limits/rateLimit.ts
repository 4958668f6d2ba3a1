import type { Counter, Logger, RedisClient } from '@poolgraph/platform';
import { rateLimited } from '@poolgraph/platform';
import type { GraphQLError } from 'graphql';
import type { RateLimits } from './config.ts';

/** Who a request is charged to: a partner's key, a signed-in user, or an anonymous address. */
export interface RateIdentity {
  kind: 'key' | 'user' | 'ip';
  id: string;
}

/**
 * GCRA over one Redis key per identity, in one script call (EVALSHA; ioredis falls back to
 * EVAL after a script flush). The key holds the "theoretical arrival time": a request is let
 * through while it is at most `capacity` intervals ahead of now, and then moves it one interval
 * on. Time is Redis' own (TIME), so replicas with drifting clocks share one bucket fairly.
 * Returns { 1, 0 } when allowed, else { 0, ms until one request would be }.
 */
const GCRA = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local interval = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local next_tat = tat + interval
local allow_at = next_tat - capacity * interval
if allow_at > now then return { 0, allow_at - now } end
redis.call('SET', KEYS[1], next_tat, 'PX', math.ceil(next_tat - now) + 1000)
return { 1, 0 }
`;

type GcraRedis = RedisClient & {
  poolgraphGcra(key: string, intervalMs: number, capacity: number): Promise<[number, number]>;
};

export interface RateLimiter {
  /** Resolves when the request may go on; rejects with RATE_LIMITED (HTTP 429, Retry-After). */
  charge(identity: RateIdentity): Promise<void>;
}

export interface RateLimiterDeps {
  redis: RedisClient;
  prefix: string;
  limits: RateLimits;
  log: Logger;
  /** Requests let through because Redis did not answer. */
  failures: Counter<never>;
  rejections: Counter<'kind'>;
  /** How long to wait for Redis before letting the request through (default 200 ms). */
  timeoutMs?: number;
}

/** A timer this late means the event loop was busy rather than Redis slow (rateLimit's timeout). */
const LATE_TIMER_MS = 5;

const perMinute = (limits: RateLimits, kind: RateIdentity['kind']) =>
  kind === 'key' ? limits.perKey : kind === 'user' ? limits.perUser : limits.perIp;

export function tooManyRequests(identity: RateIdentity, retryAfterMs: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const who = identity.kind === 'key' ? 'API key' : identity.kind === 'user' ? 'user' : 'address';
  const error = rateLimited(
    `Too many requests for this ${who}; retry after ${seconds} s.`,
    seconds,
  );
  error.extensions.http = { status: 429, headers: new Map([['retry-after', String(seconds)]]) };
  return error;
}

/**
 * Shared by every replica through Redis. When Redis is down or slow the request is let through
 * (fail open: a Redis outage must not take the API down), logged once per outage and counted in
 * `gateway_rate_limit_failures_total`.
 */
export function createRateLimiter(deps: RateLimiterDeps): RateLimiter {
  if (!('poolgraphGcra' in deps.redis)) {
    deps.redis.defineCommand('poolgraphGcra', { numberOfKeys: 1, lua: GCRA });
  }
  const redis = deps.redis as GcraRedis;
  const timeoutMs = deps.timeoutMs ?? 200;
  let failing = false;
  // A gateway that has just started is not in a Redis outage: until the first connection is
  // up, a request waits for it (within the timeout) instead of passing unchecked.
  let everReady = redis.status === 'ready';
  const firstReady = everReady
    ? Promise.resolve()
    : new Promise<void>((resolve) =>
        redis.once('ready', () => {
          everReady = true;
          resolve();
        }),
      );

  const failOpen = (reason: unknown) => {
    deps.failures.inc();
    if (!failing) deps.log.warn({ err: reason }, 'rate limits unavailable: requests let through');
    failing = true;
  };

  return {
    async charge(identity) {
      const limit = perMinute(deps.limits, identity.kind);
      if (limit <= 0) return;
      // Queued commands would wait for a reconnect; an outage is "not ready", not "slow".
      if (everReady && redis.status !== 'ready') {
        return failOpen(new Error(`redis ${redis.status}`));
      }
      const key = `${deps.prefix}ratelimit:${identity.kind}:${identity.id}`;
      let timer: NodeJS.Timeout | undefined;
      let answer: [number, number];
      try {
        answer = await Promise.race([
          firstReady.then(() => redis.poolgraphGcra(key, 60_000 / limit, limit)),
          new Promise<never>((_resolve, reject) => {
            // Load alone must not switch the limits off. A timer that fires late found the loop
            // busy, and the pipelined client writes what a turn issued only as the turn ends:
            // Redis may have had the script for no time at all, so it gets one more timeoutMs.
            // Then, since timers run before the loop reads its sockets, reject only after that
            // read (setImmediate): an answer already waiting still counts.
            const arm = (again: boolean) => {
              const due = Date.now() + timeoutMs;
              timer = setTimeout(() => {
                if (again && Date.now() - due > LATE_TIMER_MS) return arm(false);
                setImmediate(() => reject(new Error('redis timeout')));
              }, timeoutMs);
            };
            arm(true);
          }),
        ]);
      } catch (error) {
        return failOpen(error);
      } finally {
        clearTimeout(timer);
      }
      if (failing) deps.log.info('rate limits available again');
      failing = false;
      if (answer[0] === 1) return;
      deps.rejections.inc({ kind: identity.kind });
      throw tooManyRequests(identity, answer[1]);
    },
  };
}
